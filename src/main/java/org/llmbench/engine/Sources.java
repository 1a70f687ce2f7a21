package org.llmbench.engine;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.llmbench.suite.SuiteOrigin;

/** Test sources that point IDEs at a place in a suite file. */
final class Sources {

    private Sources() {
    }

    static TestSource of(SuiteOrigin origin, int line, int column) {
        FilePosition position = FilePosition.from(Math.max(1, line), Math.max(1, column));
        return origin.isFile() ? FileSource.from(origin.file().toFile(), position)
                : ClasspathResourceSource.from(origin.classpathResource(), position);
    }
}
