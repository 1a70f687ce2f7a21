package org.llmbench.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an entry class for the llm-bench engine. Surefire and IDEs hand engines class selectors only; a
 * class with this annotation expands to the benchmark questions of its suites, for every configured model.
 *
 * <pre>{@code @LlmBench(suites = "suites") class BundledSuitesBenchmark { }}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LlmBench {

    /**
     * Where the suites are: directories relative to the working directory, or {@code classpath:<package>}.
     * A plain name that is not a directory is looked up on the classpath too. Empty means the
     * {@code bench.suites} setting (then the suites on the classpath).
     */
    String[] suites() default {"suites"};

    /** Phases to run; empty means the {@code bench.phases} setting. */
    String[] phases() default {};
}
