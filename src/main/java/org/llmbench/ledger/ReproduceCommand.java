package org.llmbench.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.Constants;

/**
 * The command that reproduces a run, from the settings that were given rather than defaulted, in both
 * forms: the executable jar (whose flags are the keys in kebab case) and Maven.
 */
public final class ReproduceCommand {

    /** Settings that identify this run or one retry of it, not what was measured. */
    private static final Set<String> NOT_REPRODUCED = Set.of(Constants.RUN_ID, Constants.RETRY_ERRORS);

    private ReproduceCommand() {
    }

    /** The CLI flag of a {@code bench.*} key: {@code bench.numCtx} becomes {@code --num-ctx}. */
    public static String flag(String key) {
        String name = key.startsWith("bench.") ? key.substring("bench.".length()) : key;
        return "--" + name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code java -jar target/llm-bench.jar run ...} with every setting that did not come from a default. */
    static String jar(BenchConfig config) {
        List<String> words = new ArrayList<>(List.of("java", "-jar", "target/llm-bench.jar", "run"));
        given(config).forEach((key, value) -> {
            words.add(flag(key));
            words.add(quote(value));
        });
        return String.join(" ", words);
    }

    /** {@code mvn test -Dbench.model=...} with the same settings. */
    static String maven(BenchConfig config) {
        List<String> words = new ArrayList<>(List.of("mvn", "test"));
        given(config).forEach((key, value) -> words.add(quote("-D" + key + "=" + value)));
        return String.join(" ", words);
    }

    private static Map<String, String> given(BenchConfig config) {
        Map<String, String> given = new TreeMap<>();
        config.effective().forEach((key, setting) -> {
            if (key.startsWith("bench.") && "parameter".equals(setting.source()) && !NOT_REPRODUCED.contains(key)) {
                given.put(key, setting.value());
            }
        });
        if (!given.containsKey(Constants.MODEL)) {
            given.put(Constants.MODEL, String.join(",", config.models()));
        }
        return given;
    }

    /** POSIX shell quoting: plain words stay as they are, anything else is single-quoted. */
    static String quote(String word) {
        if (word.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
