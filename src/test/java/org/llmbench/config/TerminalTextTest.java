package org.llmbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Control and bidi characters never reach a terminal as they are; every other character does. */
class TerminalTextTest {

    @Test
    void controlAndBidiCharactersAreEscaped() {
        assertThat(TerminalText.escape("Q\u0000\u202eX\u001b[31mred\u001b[0m")).isEqualTo("Q\\u0000\\u202eX\\u001b[31mred\\u001b[0m");
        assertThat(TerminalText.escape("a\rb\nc\td\u0007\u007f\u0085\u009b")).isEqualTo("a\\u000db\\u000ac\\u0009d\\u0007\\u007f\\u0085\\u009b");
        for (char c : "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029".toCharArray()) {
            assertThat(TerminalText.escape("x" + c + "y")).isEqualTo(String.format("x\\u%04xy", (int) c));
        }
    }

    @Test
    void everythingElseIsPrintedAsItIs() {
        String text = "mock/5q/Q01 – naïve café 日本語 😀 C:\\Users\\x \u00a0";
        assertThat(TerminalText.escape(text)).isSameAs(text);
        assertThat(TerminalText.escape(null)).isNull();
    }

    @Test
    void aBlockKeepsItsLinesButNotItsControls() {
        assertThat(TerminalText.escapeKeepingLines("line 1\n\tline 2\u001b]0;title\u0007\r\n"))
                .isEqualTo("line 1\n\tline 2\\u001b]0;title\\u0007\\u000d\n");
    }
}
