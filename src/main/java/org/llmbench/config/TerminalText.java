package org.llmbench.config;

/**
 * Text from input files and from models made safe to print on a terminal: control characters (C0, DEL, C1: NUL,
 * ESC and so every ANSI sequence, bell, backspace, carriage return, line breaks) and the characters that reorder
 * or hide text (bidi embeddings, overrides and isolates, the direction marks, the Arabic letter mark, the line and
 * paragraph separators) are written as {@code \\uXXXX}, so a question id cannot recolour the terminal, move the
 * cursor, forge a line of output or show its characters in an order other than the one in the file. Everything
 * else, including any other non-ASCII text, is printed as it is. Lives in config, the package every other one
 * already uses, so the CLI, the engine and the ledger's console listener share it.
 */
public final class TerminalText {

    private TerminalText() {
    }

    /** One value on one line: every character above escaped, line breaks and tabs included. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** A block of several lines (a model's answer): as {@link #escape(String)}, but line feeds and tabs are kept. */
    public static String escapeKeepingLines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLines) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unsafe = isUnsafe(c) && !(keepLines && (c == '\n' || c == '\t'));
            if (unsafe && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (unsafe) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether a character must not reach a terminal as it is. */
    static boolean isUnsafe(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f
                || c >= '\u202a' && c <= '\u202e' || c >= '\u2066' && c <= '\u2069'
                || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\u2028' || c == '\u2029';
    }
}
