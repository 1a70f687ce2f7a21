package org.llmbench.scoring;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * pass@k with the unbiased estimator of Chen et al. 2021 (the Codex paper): from n samples of which c passed, the
 * chance that at least one of k samples drawn without replacement passes, 1 - C(n - c, k) / C(n, k), computed as
 * the product 1 - Π_{i = n - c + 1}^{n} (1 - k / i) so no binomial coefficient overflows.
 */
public final class PassAtK {

    private static final int[] USUAL = {1, 2, 5, 10, 20, 50, 100};

    private PassAtK() {
    }

    public static double of(int n, int c, int k) {
        if (k < 1 || k > n || c < 0 || c > n) {
            throw new IllegalArgumentException("need 1 <= k <= n and 0 <= c <= n");
        }
        if (n - c < k) {
            return 1.0;
        }
        double none = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            none *= 1.0 - (double) k / i;
        }
        return 1.0 - none;
    }

    /** pass@k for k in 1, 2, 5, 10, 20, 50, 100 up to n, and n itself, keyed by k. */
    public static Map<String, Double> usual(int n, int c) {
        Map<String, Double> byK = new LinkedHashMap<>();
        for (int k : USUAL) {
            if (k <= n) {
                byK.put(String.valueOf(k), of(n, c, k));
            }
        }
        byK.put(String.valueOf(n), of(n, c, n));
        return byK;
    }
}
