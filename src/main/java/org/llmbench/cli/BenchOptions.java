package org.llmbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.Key;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * The flags that mirror the {@code bench.*} keys ({@code --num-ctx} is {@code bench.numCtx}), generated from
 * the declarations in {@link BenchKeys}: a new key gets its flag, placeholder and --help text (its meaning,
 * key and default) with no edit here. Values pass to the engine as JUnit configuration parameters unchanged,
 * so the engine's own validation names the key of a bad value.
 *
 * <p>picocli builds options from annotations; these are added through its programmatic API when picocli
 * injects the spec of the command this mixin is part of ({@link Spec.Target#MIXEE}), which happens while the
 * command's model is built, before any parsing or help. ({@code @Command} only marks the class as a mixin
 * for picocli, which refuses one without annotations.)
 */
@Command
final class BenchOptions {

    /** Whether to show every discovery message, every replayed test, and stack traces. */
    boolean verbose;

    /** {@code --mock}: the built-in mock, whatever the config file says. */
    boolean mock;

    /** {@code -D KEY=VALUE}: any other configuration parameter. */
    Map<String, String> extra = new LinkedHashMap<>();

    /** The keys given as flags, by key name. */
    private final Map<String, String> given = new LinkedHashMap<>();

    @Spec(Spec.Target.MIXEE)
    void addOptions(CommandSpec mixee) {
        for (Key<?> key : BenchKeys.ALL) {
            if (key.flags().isEmpty()) {
                continue;
            }
            OptionSpec.Builder option = OptionSpec.builder(key.flags().toArray(String[]::new))
                    .paramLabel(key.label()).description(key.help()).type(String.class)
                    .getter(getter(() -> given.get(key.name())))
                    .setter(setter(v -> {
                        if (v == null) {
                            given.remove(key.name());
                        } else {
                            given.put(key.name(), (String) v);
                        }
                    }));
            if (key.isSwitch()) {
                option.arity("0..1").fallbackValue("true");
            }
            mixee.addOption(option.build());
        }
        mixee.addOption(OptionSpec.builder("--mock").type(boolean.class).arity("0")
                .description("Use the built-in mock model (no server), whatever the config file says; "
                        + "same as --provider mock --model mock.")
                .getter(getter(() -> mock)).setter(setter(v -> mock = Boolean.TRUE.equals(v))).build());
        mixee.addOption(OptionSpec.builder("-v", "--verbose").type(boolean.class).arity("0")
                .description("Show every discovery message, every replayed test, and stack traces.")
                .getter(getter(() -> verbose)).setter(setter(v -> verbose = Boolean.TRUE.equals(v))).build());
        mixee.addOption(OptionSpec.builder("-D").paramLabel("KEY=VALUE").type(Map.class)
                .auxiliaryTypes(String.class, String.class)
                .description("Any other configuration parameter, e.g. -D bench.execution.parallel.enabled=true.")
                .getter(getter(() -> extra)).setter(setter(v -> {
                    @SuppressWarnings("unchecked")
                    Map<String, String> map = (Map<String, String>) v;
                    if (map != extra) {
                        extra.clear();
                        if (map != null) {
                            extra.putAll(map);
                        }
                    }
                })).build());
    }

    /** The configuration parameters these flags set; flags not given are absent, so defaults and the config file apply. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>(extra);
        p.putAll(given);
        if (mock) {
            p.put(BenchKeys.PROVIDER.name(), "mock");
            String models = p.get(BenchKeys.MODEL.name());
            if (models == null || !models.trim().startsWith("mock")) {
                p.put(BenchKeys.MODEL.name(), "mock");
            }
        }
        return p;
    }

    private static IGetter getter(java.util.function.Supplier<Object> value) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) value.get();
            }
        };
    }

    private static ISetter setter(java.util.function.Consumer<Object> target) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                target.accept(value);
                return null;
            }
        };
    }
}
