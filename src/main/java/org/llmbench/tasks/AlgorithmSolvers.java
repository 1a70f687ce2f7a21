package org.llmbench.tasks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/** The reference solvers the algorithm tasks are checked against, written plainly so they are easy to trust. */
final class AlgorithmSolvers {

    private AlgorithmSolvers() {
    }

    /** Dijkstra over a small directed graph; edges are {from, to, weight}; -1 when the target is unreachable. */
    static int shortestPath(int nodes, List<int[]> edges, int from, int to) {
        int[] dist = new int[nodes];
        Arrays.fill(dist, Integer.MAX_VALUE);
        dist[from] = 0;
        PriorityQueue<int[]> queue = new PriorityQueue<>(Comparator.comparingInt(a -> a[1]));
        queue.add(new int[]{from, 0});
        while (!queue.isEmpty()) {
            int[] head = queue.poll();
            if (head[1] > dist[head[0]]) {
                continue;
            }
            for (int[] e : edges) {
                if (e[0] == head[0] && head[1] + e[2] < dist[e[1]]) {
                    dist[e[1]] = head[1] + e[2];
                    queue.add(new int[]{e[1], dist[e[1]]});
                }
            }
        }
        return dist[to] == Integer.MAX_VALUE ? -1 : dist[to];
    }

    /** Merges closed intervals; intervals that touch ([1,3] and [3,5]) merge too. Sorted by start. */
    static List<int[]> mergeIntervals(List<int[]> intervals) {
        List<int[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingInt((int[] a) -> a[0]).thenComparingInt(a -> a[1]));
        List<int[]> merged = new ArrayList<>();
        for (int[] iv : sorted) {
            if (!merged.isEmpty() && iv[0] <= merged.get(merged.size() - 1)[1]) {
                int[] last = merged.get(merged.size() - 1);
                last[1] = Math.max(last[1], iv[1]);
            } else {
                merged.add(new int[]{iv[0], iv[1]});
            }
        }
        return merged;
    }

    /** The most meetings [start, end) one room can hold: greedy by earliest end. */
    static int maxMeetings(List<int[]> meetings) {
        List<int[]> sorted = new ArrayList<>(meetings);
        sorted.sort(Comparator.comparingInt((int[] a) -> a[1]).thenComparingInt(a -> a[0]));
        int count = 0;
        int free = Integer.MIN_VALUE;
        for (int[] m : sorted) {
            if (m[0] >= free) {
                count++;
                free = m[1];
            }
        }
        return count;
    }

    /** The words that start with a prefix, in alphabetical order, found through a trie. */
    static List<String> prefixMatches(List<String> words, String prefix) {
        Trie trie = new Trie();
        words.forEach(trie::add);
        return trie.withPrefix(prefix);
    }

    /** A plain trie over lower-case words. */
    private static final class Trie {
        private final java.util.TreeMap<Character, Trie> children = new java.util.TreeMap<>();
        private boolean word;

        void add(String w) {
            Trie node = this;
            for (char c : w.toCharArray()) {
                node = node.children.computeIfAbsent(c, k -> new Trie());
            }
            node.word = true;
        }

        List<String> withPrefix(String prefix) {
            Trie node = this;
            for (char c : prefix.toCharArray()) {
                node = node.children.get(c);
                if (node == null) {
                    return List.of();
                }
            }
            TreeSet<String> out = new TreeSet<>();
            node.collect(new StringBuilder(prefix), out);
            return new ArrayList<>(out);
        }

        private void collect(StringBuilder path, TreeSet<String> out) {
            if (word) {
                out.add(path.toString());
            }
            children.forEach((c, child) -> {
                path.append(c);
                child.collect(path, out);
                path.setLength(path.length() - 1);
            });
        }
    }
}
