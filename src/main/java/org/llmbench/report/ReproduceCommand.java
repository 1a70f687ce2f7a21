package org.llmbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.Key;
import org.llmbench.config.Setting;

/**
 * The command that reproduces a run, from the settings that were given (a parameter or the config file)
 * rather than defaulted, in both forms: the executable jar, with each key's declared CLI flag (or
 * {@code -D KEY=VALUE} for a key without one), and Maven.
 */
public final class ReproduceCommand {

    /** Settings that identify this run or one retry of it, not what was measured. */
    private static final Set<Key<?>> NOT_REPRODUCED = Set.of(BenchKeys.RUN_ID, BenchKeys.RETRY_ERRORS);

    private ReproduceCommand() {
    }

    /** The CLI flag of a key as declared ({@code bench.numCtx} is {@code --num-ctx}); kebab case for an undeclared name. */
    public static String flag(String key) {
        return BenchKeys.byName(key).flatMap(Key::flag).orElseGet(() -> Key.kebab(key));
    }

    /** The commands that resume run {@code runId} (Maven, then the jar), one per line. */
    public static String resume(BenchConfig config, String runId) {
        return maven(config) + " -D" + org.llmbench.config.BenchKeys.RUN_ID.name() + "=" + runId
                + "\n" + jar(config) + " --run-id " + runId;
    }

    /** {@code java -jar target/llm-bench.jar run ...} with every setting that did not come from a default. */
    public static String jar(BenchConfig config) {
        List<String> words = new ArrayList<>(List.of("java", "-jar", "target/llm-bench.jar", "run"));
        given(config).forEach((key, value) -> {
            Optional<String> flag = key.flag();
            if (flag.isPresent()) {
                words.add(flag.get());
                words.add(quote(value));
            } else {
                words.add("-D");
                words.add(quote(key.name() + "=" + value));
            }
        });
        return String.join(" ", words);
    }

    /** {@code mvn test -Dbench.model=...} with the same settings. */
    public static String maven(BenchConfig config) {
        List<String> words = new ArrayList<>(List.of("mvn", "test"));
        given(config).forEach((key, value) -> words.add(quote("-D" + key.name() + "=" + value)));
        return String.join(" ", words);
    }

    /** The given settings by key, sorted by name; the models always (the expanded list when {@code auto} was given). */
    private static Map<Key<?>, String> given(BenchConfig config) {
        Map<Key<?>, String> given = new TreeMap<>(Comparator.comparing(Key::name));
        Map<String, Setting> settings = config.effectiveToShare();
        for (Key<?> key : BenchKeys.ALL) {
            Setting setting = settings.get(key.name());
            if (setting != null && setting.value() != null && setting.source().given() && !NOT_REPRODUCED.contains(key)) {
                given.put(key, setting.value());
            }
        }
        given.put(BenchKeys.MODEL, String.join(",", config.models()));
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
