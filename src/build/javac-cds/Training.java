// What javac compiles once at package time so that its classes go into target/llm-bench-javac.jsa, the class-data
// archive the Java code_fix sandbox starts javac with (tasks.Toolchain.javacArchive). It only has to exercise the
// compiler the way a model's Solution.java does: classes, generics, lambdas, records, switches, text blocks.
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

class Training {
    record Interval(int start, int end) implements Comparable<Interval> {
        public int compareTo(Interval o) {
            return Integer.compare(start, o.start);
        }
    }

    static List<Interval> merge(List<Interval> in) {
        List<Interval> sorted = new ArrayList<>(in);
        sorted.sort(null);
        List<Interval> out = new ArrayList<>();
        for (Interval i : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).end() >= i.start()) {
                Interval last = out.remove(out.size() - 1);
                out.add(new Interval(last.start(), Math.max(last.end(), i.end())));
            } else {
                out.add(i);
            }
        }
        return out;
    }

    static String kind(Object o) {
        int size = o instanceof String s ? s.length() : -1;
        return switch (size) {
            case -1 -> o.getClass().getSimpleName();
            case 0 -> "empty";
            default -> "text " + size;
        };
    }

    static <T, K> Map<K, List<T>> group(List<T> items, Function<T, K> key) {
        return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + s, e);
        }
    }

    public static void main(String[] args) {
        String text = """
                a block of text
                """;
        System.out.println(merge(List.of(new Interval(1, 3), new Interval(2, 6))) + kind(text) + group(List.of(1, 2, 3), i -> i % 2)
                + parse(" 42 ") + new int[] {1, 2}.length + (char) ('a' + 1) + Long.MAX_VALUE / 3.0);
    }
}
