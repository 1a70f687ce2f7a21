package org.llmbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration reference's table (docs/CONFIGURATION.md) is the one the key declarations generate: no key missing, none extra. */
class ReadmeTableTest {

    /** The first table after the "## Configuration reference" heading. */
    static String readmeTable(String readme) {
        int heading = readme.indexOf("\n## Configuration reference\n");
        assertThat(heading).as("docs/CONFIGURATION.md has a configuration reference").isNotNegative();
        List<String> lines = readme.substring(heading).lines().toList();
        StringBuilder table = new StringBuilder();
        boolean inTable = false;
        for (String line : lines) {
            if (line.startsWith("|")) {
                inTable = true;
                table.append(line).append('\n');
            } else if (inTable) {
                break;
            }
        }
        return table.toString();
    }

    @Test
    void theReadmeTableIsTheGeneratedOne() throws IOException {
        String readme = Files.readString(Path.of("docs/CONFIGURATION.md"), StandardCharsets.UTF_8);
        assertThat(readmeTable(readme))
                .as("docs/CONFIGURATION.md's configuration table; paste BenchKeys.readmeTable() to update it")
                .isEqualTo(BenchKeys.readmeTable());
    }

    @Test
    void theGeneratedTableHasOneRowPerKeyWithItsDefaultAndMeaning() {
        String table = BenchKeys.readmeTable();
        for (Key<?> key : BenchKeys.ALL) {
            assertThat(table.lines().filter(l -> l.startsWith("| `" + key.name() + "` |")))
                    .as(key.name()).singleElement().satisfies(row -> assertThat(row)
                            .contains(key.defaultDoc()).contains(key.meaning()));
        }
        assertThat(table.lines().count()).isEqualTo(2 + BenchKeys.ALL.size() + BenchKeys.PREFIXES.size());
    }

    @Test
    void aRowForAnUndeclaredKeyOrAMissingRowIsCaught() {
        String good = "text\n## Configuration reference\n\nintro\n\n" + BenchKeys.readmeTable() + "\nafter\n| x |\n";
        assertThat(readmeTable(good)).isEqualTo(BenchKeys.readmeTable());
        String extra = good.replace("|---|---|---|---|---|---|\n", "|---|---|---|---|---|---|\n| `bench.gone` | | | none | | old |\n");
        assertThat(readmeTable(extra)).isNotEqualTo(BenchKeys.readmeTable());
        String missing = good.replaceAll("\\| `bench\\.seed` \\|[^\n]*\n", "");
        assertThat(readmeTable(missing)).isNotEqualTo(BenchKeys.readmeTable());
    }
}
