package org.llmbench.config;

/**
 * One part of a run split across machines ({@code bench.shard=i/n}): this process runs the tests whose stable
 * hash falls in part {@code index} of {@code count}, and n processes with the same settings run the whole run.
 *
 * @param index 1-based, at most {@code count}
 */
public record Shard(int index, int count) {

    /** The most parts a run may be split into: far more than any CI matrix runs. */
    public static final int MAX_COUNT = 10_000;

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " is not i/n with 1 <= i <= n <= " + MAX_COUNT);
        }
    }

    /** Reads {@code i/n}; the reason why not otherwise. */
    static Shard parse(String text) throws Key.BadValue {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1) {
            throw new Key.BadValue("'" + t + "' is not i/n (e.g. 2/3: part 2 of 3)");
        }
        try {
            int index = Integer.parseInt(t.substring(0, slash).trim());
            int count = Integer.parseInt(t.substring(slash + 1).trim());
            return new Shard(index, count);
        } catch (NumberFormatException e) {
            throw new Key.BadValue("'" + t + "' is not i/n with whole numbers (e.g. 2/3)");
        } catch (IllegalArgumentException e) {
            throw new Key.BadValue("'" + t + "': " + e.getMessage());
        }
    }

    /** Whether this is the whole run (1/1). */
    public boolean whole() {
        return count == 1;
    }

    /** {@code i/n}, as the manifest and the ledger record it. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
