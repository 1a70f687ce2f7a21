package org.llmbench.tasks;

/** Source literals of test values (int, boolean, String, int[]) in Java and Python, ASCII only, no locale. */
final class Literals {

    private Literals() {
    }

    static String of(CodeRunner.Language language, Object value) {
        boolean java = language == CodeRunner.Language.JAVA;
        if (value instanceof int[] xs) {
            StringBuilder sb = new StringBuilder(java ? "new int[]{" : "[");
            for (int i = 0; i < xs.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(xs[i]);
            }
            return sb.append(java ? "}" : "]").toString();
        }
        if (value instanceof Boolean b) {
            return java ? b.toString() : (b ? "True" : "False");
        }
        if (value instanceof String s) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            return sb.append('"').toString();
        }
        return String.valueOf(value);
    }
}
