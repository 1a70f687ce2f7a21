package org.llmbench.tasks;

import java.util.List;

/** The functions code_fix tasks are made of, each with one realistic bug. */
final class CodeFixFamilies {

    private CodeFixFamilies() {
    }

    static final CodeFixFamily SUM_MULTIPLES = new CodeFixFamily(
            "returns the sum of the elements of xs that are divisible by k",
            "static int sumMultiples(int[] xs, int k)", "def sum_multiples(xs, k):",
            """
            class Solution {
                static int sumMultiples(int[] xs, int k) {
                    int total = 0;
                    for (int i = 0; i < xs.length; i++) {
                        if (xs[i] % k == 0) {
                            total += xs[i];
                        }
                    }
                    return total;
                }
            }
            """,
            """
            class Solution {
                static int sumMultiples(int[] xs, int k) {
                    int total = 0;
                    for (int i = 1; i < xs.length; i++) {
                        if (xs[i] % k == 0) {
                            total += xs[i];
                        }
                    }
                    return total;
                }
            }
            """,
            """
            def sum_multiples(xs, k):
                total = 0
                for i in range(0, len(xs)):
                    if xs[i] % k == 0:
                        total += xs[i]
                return total
            """,
            """
            def sum_multiples(xs, k):
                total = 0
                for i in range(1, len(xs)):
                    if xs[i] % k == 0:
                        total += xs[i]
                return total
            """,
            r -> List.of(ints(r, 1, 7, 0, 60), r.between(2, 7)),
            args -> sumMultiples((int[]) args.get(0), (int) args.get(1), 0),
            args -> sumMultiples((int[]) args.get(0), (int) args.get(1), 1));

    static final CodeFixFamily LONGEST_RUN = new CodeFixFamily(
            "returns the length of the longest run of equal adjacent elements of xs (0 for an empty array)",
            "static int longestRun(int[] xs)", "def longest_run(xs):",
            """
            class Solution {
                static int longestRun(int[] xs) {
                    if (xs.length == 0) {
                        return 0;
                    }
                    int best = 1;
                    int run = 1;
                    for (int i = 1; i < xs.length; i++) {
                        if (xs[i] == xs[i - 1]) {
                            run++;
                        } else {
                            best = Math.max(best, run);
                            run = 1;
                        }
                    }
                    return Math.max(best, run);
                }
            }
            """,
            """
            class Solution {
                static int longestRun(int[] xs) {
                    if (xs.length == 0) {
                        return 0;
                    }
                    int best = 1;
                    int run = 1;
                    for (int i = 1; i < xs.length; i++) {
                        if (xs[i] == xs[i - 1]) {
                            run++;
                        } else {
                            best = Math.max(best, run);
                            run = 1;
                        }
                    }
                    return best;
                }
            }
            """,
            """
            def longest_run(xs):
                if len(xs) == 0:
                    return 0
                best = 1
                run = 1
                for i in range(1, len(xs)):
                    if xs[i] == xs[i - 1]:
                        run += 1
                    else:
                        best = max(best, run)
                        run = 1
                return max(best, run)
            """,
            """
            def longest_run(xs):
                if len(xs) == 0:
                    return 0
                best = 1
                run = 1
                for i in range(1, len(xs)):
                    if xs[i] == xs[i - 1]:
                        run += 1
                    else:
                        best = max(best, run)
                        run = 1
                return best
            """,
            r -> List.of(ints(r, 0, 9, 0, 3)),
            args -> longestRun((int[]) args.get(0), true),
            args -> longestRun((int[]) args.get(0), false));

    static final CodeFixFamily PALINDROME = new CodeFixFamily(
            "returns whether s reads the same backwards, looking only at letters and digits and ignoring case",
            "static boolean isPalindrome(String s)", "def is_palindrome(s):",
            """
            class Solution {
                static boolean isPalindrome(String s) {
                    StringBuilder kept = new StringBuilder();
                    for (char c : s.toCharArray()) {
                        if (Character.isLetterOrDigit(c)) {
                            kept.append(Character.toLowerCase(c));
                        }
                    }
                    String forward = kept.toString();
                    return forward.equals(kept.reverse().toString());
                }
            }
            """,
            """
            class Solution {
                static boolean isPalindrome(String s) {
                    StringBuilder kept = new StringBuilder();
                    for (char c : s.toCharArray()) {
                        if (Character.isLetterOrDigit(c)) {
                            kept.append(c);
                        }
                    }
                    String forward = kept.toString();
                    return forward.equals(kept.reverse().toString());
                }
            }
            """,
            """
            def is_palindrome(s):
                kept = [c.lower() for c in s if c.isalnum()]
                return kept == kept[::-1]
            """,
            """
            def is_palindrome(s):
                kept = [c for c in s if c.isalnum()]
                return kept == kept[::-1]
            """,
            CodeFixFamilies::phrase,
            args -> palindrome((String) args.get(0), true),
            args -> palindrome((String) args.get(0), false));

    static final CodeFixFamily SECOND_LARGEST = new CodeFixFamily(
            "returns the second largest distinct value of xs, or -1 when xs has fewer than two distinct values",
            "static int secondLargest(int[] xs)", "def second_largest(xs):",
            """
            class Solution {
                static int secondLargest(int[] xs) {
                    Integer first = null;
                    Integer second = null;
                    for (int x : xs) {
                        if (first == null || x > first) {
                            second = first;
                            first = x;
                        } else if (x != first && (second == null || x > second)) {
                            second = x;
                        }
                    }
                    return second == null ? -1 : second;
                }
            }
            """,
            """
            class Solution {
                static int secondLargest(int[] xs) {
                    Integer first = null;
                    Integer second = null;
                    for (int x : xs) {
                        if (first == null || x > first) {
                            second = first;
                            first = x;
                        } else if (second == null || x > second) {
                            second = x;
                        }
                    }
                    return second == null ? -1 : second;
                }
            }
            """,
            """
            def second_largest(xs):
                first = None
                second = None
                for x in xs:
                    if first is None or x > first:
                        second = first
                        first = x
                    elif x != first and (second is None or x > second):
                        second = x
                return -1 if second is None else second
            """,
            """
            def second_largest(xs):
                first = None
                second = None
                for x in xs:
                    if first is None or x > first:
                        second = first
                        first = x
                    elif second is None or x > second:
                        second = x
                return -1 if second is None else second
            """,
            r -> List.of(ints(r, 1, 7, 0, 20)),
            args -> secondLargest((int[]) args.get(0), true),
            args -> secondLargest((int[]) args.get(0), false));

    static final List<CodeFixFamily> ALL = List.of(SUM_MULTIPLES, LONGEST_RUN, PALINDROME, SECOND_LARGEST);

    private static int[] ints(TaskRandom r, int minLen, int maxLen, int lo, int hi) {
        int[] xs = new int[r.between(minLen, maxLen)];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = r.between(lo, hi);
        }
        return xs;
    }

    private static List<Object> phrase(TaskRandom r) {
        List<String> words = List.of("Anna", "level", "Noon", "racecar", "Step on no pets", "Was it a car", "abc",
                "Madam, I'm Adam", "Top spot", "hello", "Never odd or even", "No lemon, no melon", "xyz", "Refer");
        String s = r.pick(words);
        return List.of(r.chance(30) ? s + "!" : s);
    }

    private static int sumMultiples(int[] xs, int k, int from) {
        int total = 0;
        for (int i = from; i < xs.length; i++) {
            total += xs[i] % k == 0 ? xs[i] : 0;
        }
        return total;
    }

    private static int longestRun(int[] xs, boolean fixed) {
        if (xs.length == 0) {
            return 0;
        }
        int best = 1;
        int run = 1;
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] == xs[i - 1]) {
                run++;
            } else {
                best = Math.max(best, run);
                run = 1;
            }
        }
        return fixed ? Math.max(best, run) : best;
    }

    private static boolean palindrome(String s, boolean fixed) {
        StringBuilder kept = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                kept.append(fixed ? Character.toLowerCase(c) : c);
            }
        }
        return kept.toString().equals(new StringBuilder(kept).reverse().toString());
    }

    private static int secondLargest(int[] xs, boolean fixed) {
        Integer first = null;
        Integer second = null;
        for (int x : xs) {
            if (first == null || x > first) {
                second = first;
                first = x;
            } else if ((!fixed || x != first) && (second == null || x > second)) {
                second = x;
            }
        }
        return second == null ? -1 : second;
    }
}
