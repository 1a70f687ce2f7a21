package org.llmbench.tasks;

import java.util.List;
import java.util.function.Function;

/**
 * One function that code_fix tasks break: its fixed and broken source in Java and Python, its signature in each,
 * the reference and broken behaviour in Java (to compute expected values and pick inputs the bug shows on), and
 * an input generator.
 */
record CodeFixFamily(String description, String javaSignature, String pythonSignature, String javaFixed,
                     String javaBroken, String pythonFixed, String pythonBroken, Function<TaskRandom, List<Object>> inputs,
                     Function<List<Object>, Object> reference, Function<List<Object>, Object> broken) {

    /** The test call of one input: {@code Solution.name(args)} in Java, {@code name(args)} in Python. */
    String call(CodeRunner.Language language, List<Object> args) {
        String name = language == CodeRunner.Language.JAVA ? "Solution." + javaName() : pythonName();
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(Literals.of(language, args.get(i)));
        }
        return sb.append(')').toString();
    }

    String javaName() {
        String s = javaSignature.substring(0, javaSignature.indexOf('('));
        return s.substring(s.lastIndexOf(' ') + 1);
    }

    String pythonName() {
        return pythonSignature.substring(4, pythonSignature.indexOf('('));
    }
}
