package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scanner reads ledger lines as raw JSON: escapes must neither invent findings nor hide them. */
class PrivacyScannerTest {

    private final PrivacyScanner scanner = new PrivacyScanner("", null);

    @Test
    void aDecoratorAfterAnEscapedNewlineIsNotAnAddress() {
        assertThat(scanner.scan("run.jsonl", 1, "{\"raw_output\":\"import pytest\\n@pytest.mark.parametrize('x', [1])\"}"))
                .isEmpty();
    }

    @Test
    void anAddressAfterAnEscapedNewlineIsStillFound() {
        assertThat(scanner.scan("run.jsonl", 7, "{\"raw_output\":\"contact:\\nalice@corp-mail.com\"}"))
                .singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo("email");
                    assertThat(f.line()).isEqualTo(7);
                });
    }

    @Test
    void aWindowsHomePathWithEscapedBackslashesIsStillFound() {
        assertThat(scanner.scan("run.jsonl", 2, "{\"cwd\":\"C:\\\\Users\\\\nina\\\\bench\"}"))
                .extracting(Finding::kind).contains("home-path");
    }
}
