package org.llmbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.llmbench.cli.StartupArchive.JarState;
import org.llmbench.cli.StartupArchive.Jvm;
import org.llmbench.cli.StartupArchive.Kind;
import org.llmbench.cli.StartupArchive.Plan;

/**
 * The archive that fits each JDK, where it is looked for and made, and that a JVM handed a missing, damaged or
 * foreign one starts without it and says nothing (checked on the JDKs installed: this one, and a JDK 25 when
 * {@code -Dllmbench.test.jdk25=HOME} or /usr/lib/jvm/temurin-25-jdk-amd64 has one; skipped otherwise).
 */
class StartupArchiveTest {

    private static final Path JDK25 = Path.of(System.getProperty("llmbench.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    @TempDir
    Path tmp;

    private static Jvm jvm(int feature) {
        return new Jvm(feature, feature + ".0.3+9-LTS", Path.of("/opt/jdk-" + feature));
    }

    /** The same jar (path, size, time) every time it is asked for in one test. */
    private JarState jar() throws IOException {
        Path jar = tmp.resolve("llm-bench.jar");
        if (!Files.exists(jar)) {
            Files.write(jar, new byte[] {1, 2, 3});
        }
        return JarState.of(jar).orElseThrow();
    }

    @ParameterizedTest
    @CsvSource({"17, CDS_AT_EXIT", "18, CDS_AT_EXIT", "19, CDS_AUTO", "21, CDS_AUTO", "24, CDS_AUTO", "25, AOT_CACHE", "26, AOT_CACHE"})
    void eachJdkGetsTheArchiveKindItCanMake(int feature, Kind expected) {
        assertThat(Kind.of(feature)).isEqualTo(expected);
    }

    @Test
    void jdk17MakesADynamicArchiveAtExitUnderATemporaryNameWithoutTheAotLogTagItWouldRefuse() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Plan plan = StartupArchive.choose(jvm(17), jar(), List.of(tmp, cache), cache, 42);

        assertThat(plan.target()).isEqualTo(cache.resolve(StartupArchive.fileName(jvm(17), jar())));
        assertThat(plan.made()).isEqualTo(cache.resolve(plan.target().getFileName() + ".42.tmp"));
        assertThat(plan.flags()).containsExactly("-XX:ArchiveClassesAtExit=" + plan.made(), "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(plan.target().getFileName().toString()).endsWith(".jsa");
    }

    @Test
    void jdk19To24LetTheJvmMakeAndCheckItsOwnArchiveInPlace() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Plan plan = StartupArchive.choose(jvm(21), jar(), List.of(cache), cache, 42);

        assertThat(plan.made()).isNull();
        assertThat(plan.flags()).containsExactly("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + plan.target(),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    @Test
    void jdk25RecordsTheRunSilentlyAndAssemblesTheAotCacheAfterIt() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Plan plan = StartupArchive.choose(jvm(25), jar(), List.of(cache), cache, 42);

        assertThat(plan.target().getFileName().toString()).endsWith(".aot");
        assertThat(plan.flags()).containsExactly("-XX:AOTMode=record", "-XX:AOTConfiguration=" + plan.made() + ".aotconf",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput", "-Xlog:aot=off", "-Xlog:cds=off");
        // -XX:AOTCacheOutput would assemble in a JVM the run starts at exit, printing to the user's terminal.
        assertThat(plan.flags()).noneMatch(f -> f.startsWith("-XX:AOTCacheOutput"));
        assertThat(StartupArchive.assembleCommand(Path.of("/jdk/bin/java"), List.of("-XX:TieredStopAtLevel=1"), plan, Path.of("/x/llm-bench.jar")))
                .containsExactly("/jdk/bin/java", "-XX:AOTMode=create", "-XX:AOTConfiguration=" + plan.made() + ".aotconf",
                        "-XX:AOTCache=" + plan.made(), "-Xlog:aot=off", "-Xlog:cds=off", "-XX:TieredStopAtLevel=1",
                        "-cp", "/x/llm-bench.jar");
    }

    @ParameterizedTest
    @CsvSource({"17, -XX:SharedArchiveFile=, -Xlog:cds+dynamic=off", "21, -XX:SharedArchiveFile=, -Xlog:cds+dynamic=off",
            "25, -XX:AOTCache=, -Xlog:aot=off"})
    void anArchiveMadeBeforeIsUsedFromTheFirstFolderThatHasIt(int feature, String useFlag, String quietFlag) throws IOException {
        Path beside = Files.createDirectories(tmp.resolve("beside"));
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        String name = StartupArchive.fileName(jvm(feature), jar());
        Files.write(cache.resolve(name), new byte[] {1});

        Plan fromCache = StartupArchive.choose(jvm(feature), jar(), List.of(beside, cache), cache, 42);
        Files.write(beside.resolve(name), new byte[] {1});
        Plan fromBeside = StartupArchive.choose(jvm(feature), jar(), List.of(beside, cache), cache, 42);

        assertThat(fromCache.flags()).containsExactly(useFlag + cache.resolve(name), "-Xlog:" + (feature >= 25 ? "aot" : "cds") + "=off",
                feature >= 25 ? "-Xlog:cds=off" : "-Xlog:cds+dynamic=off");
        assertThat(fromCache.flags()).contains(quietFlag);
        assertThat(fromCache.made()).isNull();
        assertThat(fromBeside.flags().get(0)).isEqualTo(useFlag + beside.resolve(name));
    }

    @Test
    void withNoFolderToWriteInAndNoArchiveTheRunStartsWithoutOne() throws IOException {
        Plan plan = StartupArchive.choose(jvm(25), jar(), List.of(tmp.resolve("missing")), null, 42);

        assertThat(plan.flags()).isEmpty();
        assertThat(plan.made()).isNull();
    }

    @Test
    void anotherJarBuildOrJdkHasAnotherNameAndTheSameJarPathKeepsItsPrefix() throws IOException {
        JarState jar = jar();
        String name = StartupArchive.fileName(jvm(17), jar);

        assertThat(name).matches("llm-bench-[0-9a-f]{8}-[0-9a-f]{8}\\.jsa");
        assertThat(StartupArchive.fileName(jvm(17), new JarState(jar.path(), jar.size() + 1, jar.modifiedMillis()))).isNotEqualTo(name);
        assertThat(StartupArchive.fileName(jvm(17), new JarState(jar.path(), jar.size(), jar.modifiedMillis() + 1)))
                .isNotEqualTo(name).startsWith(name.substring(0, "llm-bench-12345678-".length()));
        assertThat(StartupArchive.fileName(jvm(17), new JarState(tmp.resolve("other.jar"), jar.size(), jar.modifiedMillis())))
                .doesNotStartWith(name.substring(0, "llm-bench-12345678-".length()));
        assertThat(StartupArchive.fileName(new Jvm(17, "17.0.3+9-LTS", Path.of("/opt/other")), jar)).isNotEqualTo(name);
        assertThat(StartupArchive.fileName(new Jvm(17, "17.0.4+1-LTS", Path.of("/opt/jdk-17")), jar)).isNotEqualTo(name);
    }

    @Test
    void theCacheIsPerUserAndPerJdkAndFollowsXdgCacheHome() {
        Jvm jvm = new Jvm(17, "17.0.15+6-Debian/1deb12u1", Path.of("/jdk"));

        assertThat(StartupArchive.cacheDirectory(jvm, null, "/home/u")).isEqualTo(Path.of("/home/u/.cache/llm-bench/17.0.15+6-Debian_1deb12u1"));
        assertThat(StartupArchive.cacheDirectory(jvm, "/xdg", "/home/u")).isEqualTo(Path.of("/xdg/llm-bench/17.0.15+6-Debian_1deb12u1"));
        // The XDG specification: a relative path is invalid and ignored.
        assertThat(StartupArchive.cacheDirectory(jvm, "relative", "/home/u")).isEqualTo(Path.of("/home/u/.cache/llm-bench/17.0.15+6-Debian_1deb12u1"));
        assertThat(StartupArchive.cacheDirectory(new Jvm(17, "../../etc", Path.of("/jdk")), null, "/home/u").getParent())
                .isEqualTo(Path.of("/home/u/.cache/llm-bench"));
    }

    @Test
    void finishingPutsTheNewArchiveInPlaceAndRemovesOlderBuildsOfTheSameJarOnly() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        JarState jar = jar();
        String older = StartupArchive.fileName(jvm(17), new JarState(jar.path(), jar.size(), jar.modifiedMillis() - 1000));
        String otherJar = StartupArchive.fileName(jvm(17), new JarState(tmp.resolve("elsewhere.jar"), 1, 1));
        Files.write(cache.resolve(older), new byte[] {1});
        Files.write(cache.resolve(otherJar), new byte[] {1});
        Plan plan = StartupArchive.choose(jvm(17), jar, List.of(cache), cache, 7);
        Files.write(plan.made(), new byte[] {1, 2});

        StartupArchive.finish(plan, Path.of("/no/java"), List.of(), jar.path());

        assertThat(plan.target()).hasBinaryContent(new byte[] {1, 2});
        assertThat(plan.made()).doesNotExist();
        assertThat(cache.resolve(older)).doesNotExist();
        assertThat(cache.resolve(otherJar)).exists();
    }

    @Test
    void aRunThatWroteNothingOrAnAssemblyThatFailsLeavesNoArchiveAndNoTemporaryFiles() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Plan cds = StartupArchive.choose(jvm(17), jar(), List.of(cache), cache, 7);
        StartupArchive.finish(cds, Path.of("/no/java"), List.of(), jar().path());

        Plan aot = StartupArchive.choose(jvm(25), jar(), List.of(cache), cache, 8);
        Files.write(aot.made().resolveSibling(aot.made().getFileName() + ".aotconf"), new byte[] {1});
        Files.write(aot.made(), new byte[] {1}); // as a failed assembly may leave it
        StartupArchive.finish(aot, Path.of("/no/such/java"), List.of(), jar().path());

        try (var left = Files.list(cache)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void thisJdkStartsSilentlyWithAMissingDamagedOrForeignArchiveAndMapsOneItMade() throws Exception {
        Jvm current = Jvm.current();
        Path java = current.home().resolve("bin/java");
        Path jar = emptyJar();
        Path garbage = Files.writeString(tmp.resolve("garbage"), "not an archive");
        for (Path archive : List.of(tmp.resolve("missing"), garbage)) {
            List<String> command = new ArrayList<>(List.of(java.toString()));
            command.addAll(StartupArchive.use(Kind.of(current.feature()), archive));
            assertThat(version(command, jar)).as(command.toString()).isEqualTo("ok");
        }
        assertMadeAndMapped(current, jar);
    }

    @Test
    void jdk25StartsSilentlyWithAMissingDamagedOrJdk17ArchiveAndMapsTheAotCacheItMade() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25 + " (-Dllmbench.test.jdk25=HOME)");
        Path jar = emptyJar();
        Path jdk17Archive = tmp.resolve("from17.jsa");
        run(List.of(Jvm.current().home().resolve("bin/java").toString(), "-XX:ArchiveClassesAtExit=" + jdk17Archive,
                "-Xlog:cds=off", "-cp", jar.toString(), "-version"));
        for (Path archive : List.of(tmp.resolve("missing"), Files.writeString(tmp.resolve("garbage"), "x"), jdk17Archive)) {
            List<String> command = new ArrayList<>(List.of(JDK25.resolve("bin/java").toString()));
            command.addAll(StartupArchive.use(Kind.AOT_CACHE, archive));
            assertThat(version(command, jar)).as(command.toString()).isEqualTo("ok");
        }
        assertMadeAndMapped(new Jvm(25, "25", JDK25), jar);
    }

    /** Makes the archive as a first run would (this plan, then finish), then asks the JVM to insist on mapping it. */
    private void assertMadeAndMapped(Jvm jvm, Path jar) throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("cache-" + jvm.feature()));
        JarState state = JarState.of(jar).orElseThrow();
        Plan plan = StartupArchive.choose(jvm, state, List.of(cache), cache, 1);
        List<String> record = new ArrayList<>(List.of(jvm.home().resolve("bin/java").toString()));
        record.addAll(plan.flags());
        assertThat(version(record, jar)).as(record.toString()).isEqualTo("ok");

        StartupArchive.finish(plan, jvm.home().resolve("bin/java"), List.of(), jar);

        assertThat(plan.target()).isRegularFile();
        List<String> strict = new ArrayList<>(List.of(jvm.home().resolve("bin/java").toString()));
        strict.add(jvm.feature() >= 25 ? "-XX:AOTMode=on" : "-Xshare:on");
        strict.add((jvm.feature() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + plan.target());
        assertThat(version(strict, jar)).as(strict.toString()).isEqualTo("ok");
        assertThat(StartupArchive.choose(jvm, state, List.of(cache), cache, 2).flags().get(0)).endsWith(plan.target().toString());
    }

    /** "ok" when {@code command -cp jar -version} exits 0 and prints nothing but the version; else what it printed. */
    private static String version(List<String> command, Path jar) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("-cp", jar.toString(), "-version"));
        String output = run(full);
        boolean onlyVersion = output.lines().skip(1)
                .allMatch(l -> l.contains(" version \"") || l.contains("(build "));
        return output.startsWith("exit 0\n") && onlyVersion ? "ok" : output;
    }

    private static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return "exit " + p.exitValue() + "\n" + output;
    }

    /** A jar with only a manifest: a class path the archive records, with a fixed time. */
    private Path emptyJar() throws IOException {
        Path jar = tmp.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));
        return jar;
    }
}
