package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which JVMs the jar restarts, and with what: the user's own settings always win. */
class RelaunchTest {

    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseSerialGC", "-Xshare:off", "-Xshare:dump", "-agentlib:jdwp=transport=dt_socket",
            "-javaagent:/x/agent.jar", "-agentpath:/x/libprof.so"})
    void aJvmOptionOrAgentTheUserGaveKeepsTheJvmAsItIs(String option) {
        assertThat(Relaunch.relaunchable(List.of("-Xmx512m", option))).isFalse();
    }

    @Test
    void heapSizesAndPropertiesAreCarriedIntoTheChild() {
        List<String> inherited = List.of("-Xmx512m", "-Dbench.lanes=4");

        assertThat(Relaunch.relaunchable(inherited)).isTrue();
        assertThat(Relaunch.childOptions(inherited, null, null))
                .containsExactly("-Xmx512m", "-Dbench.lanes=4", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void theChildGetsTheOptionsGivenBeforeTheJarInTheirOrder() {
        assertThat(Relaunch.optionsBeforeJar(new String[] {"-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", "x.jar", "run"}))
                .containsExactly("-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED");
        assertThat(Relaunch.optionsBeforeJar(new String[] {"-jar", "x.jar", "run", "-jar"})).isEmpty();
        assertThat(Relaunch.optionsBeforeJar(new String[] {"-cp", "x.jar", "org.llmbench.cli.Main", "run"})).isNull();
    }

    @Test
    void c1OnlyByDefaultAndTheUserCanKeepC2() {
        assertThat(Relaunch.childOptions(List.of(), null, "false")).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(Relaunch.childOptions(List.of(), "false", "false")).isEmpty();
        assertThat(Relaunch.childOptions(List.of(), "true", "false")).containsExactly("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theSerialCollectorOnASmallFirstHeapUnlessTheUserSizesTheHeapOrKeepsTheJvmsChoice() {
        assertThat(Relaunch.childOptions(List.of(), "false", null)).containsExactly("-XX:+UseSerialGC", "-Xms24m");
        assertThat(Relaunch.childOptions(List.of("-Xmx16m"), "false", null)).containsExactly("-Xmx16m", "-XX:+UseSerialGC");
        assertThat(Relaunch.childOptions(List.of("-Xms1g"), "false", "true")).containsExactly("-Xms1g", "-XX:+UseSerialGC");
        assertThat(Relaunch.childOptions(List.of("-Xmn8m", "-Dx=1"), "false", null)).containsExactly("-Xmn8m", "-Dx=1", "-XX:+UseSerialGC");
        assertThat(Relaunch.childOptions(List.of("-Xss2m"), "false", null)).containsExactly("-Xss2m", "-XX:+UseSerialGC", "-Xms24m");
        assertThat(Relaunch.childOptions(List.of("-Xmx16m"), null, "false")).containsExactly("-Xmx16m", "-XX:TieredStopAtLevel=1");
    }
}
