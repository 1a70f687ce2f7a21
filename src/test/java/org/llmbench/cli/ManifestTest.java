package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The jar lets JNA and java-llama.cpp load native code: without {@code Enable-Native-Access} JDK 24+ prints four
 * "restricted method" warnings per run. Checked in the build's manifest entries and, once packaged, in the jar.
 */
class ManifestTest {

    @Test
    void theShadedJarsManifestEnablesNativeAccessForTheClassPath() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var entries = pom.getElementsByTagName("manifestEntries");

        assertThat(entries.getLength()).isEqualTo(1);
        var access = ((Element) entries.item(0)).getElementsByTagName("Enable-Native-Access");
        assertThat(access.getLength()).isEqualTo(1);
        assertThat(access.item(0).getTextContent().strip()).isEqualTo("ALL-UNNAMED");

        Path jar = Path.of("target", "llm-bench.jar");
        if (Files.isRegularFile(jar) && Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(Path.of("pom.xml"))) > 0) {
            try (JarFile built = new JarFile(jar.toFile())) {
                assertThat(built.getManifest().getMainAttributes().getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
            }
        }
    }
}
