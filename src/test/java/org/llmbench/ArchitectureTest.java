package org.llmbench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/ARCHITECTURE.md, checked on the main classes' bytecode: dependencies point inwards,
 * from the JUnit-facing engine and the CLI to the plain core (scoring, tasks, suite, config) that knows nothing
 * of JUnit, HTTP or the engine.
 */
class ArchitectureTest {

    private static final String[] CORE = {"org.llmbench.scoring..", "org.llmbench.tasks..", "org.llmbench.model..",
            "org.llmbench.suite..", "org.llmbench.config.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.llmbench");
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        // A cycle between packages is the first sign of a room with two jobs (the ledger once wrote the reports that
        // read it): each package must be readable and testable with only the packages below it.
        check(slices().matching("org.llmbench.(*)..").should().beFreeOfCycles());
    }

    @Test
    void theCoreAndTheClientsKnowNothingOfJUnit() {
        check(noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .because("scorers, tasks, suites, config and model clients run without a test engine"));
    }

    @Test
    void scoringAndTasksKnowNothingOfModelsTheEngineTheReportsTheCliOrHttp() {
        check(noClasses().that().resideInAnyPackage("org.llmbench.scoring..", "org.llmbench.tasks..")
                .should().dependOnClassesThat().resideInAnyPackage("org.llmbench.model..", "org.llmbench.engine..",
                        "org.llmbench.report..", "org.llmbench.cli..", "java.net.http..")
                .because("a score is a function of the question and the answer text"));
    }

    @Test
    void theRecordSitsAtTheBottomOfTheHouse() {
        check(noClasses().that().resideInAPackage("org.llmbench.record..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..",
                        "org.llmbench.engine..", "org.llmbench.report..", "org.llmbench.merge..", "org.llmbench.cli..",
                        "org.llmbench.model..", "java.net.http..")
                .because("the run record is a format: the engine, the clients and the reports use it, it uses none of them"));
    }

    @Test
    void theFootprintSamplerKnowsNothingOfJUnitTheEngineTheReportsOrTheCli() {
        check(noClasses().that().resideInAPackage("org.llmbench.footprint..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..", "org.llmbench.engine..",
                        "org.llmbench.report..", "org.llmbench.cli..", "org.llmbench.merge..", "org.llmbench.tasks..",
                        "org.llmbench.scoring..")
                .because("memory and energy are read from the machine and the model's server; the engine records them"));
    }

    @Test
    void onlyTheCommandLineMerges() {
        check(noClasses().that().resideOutsideOfPackages("org.llmbench.merge..", "org.llmbench.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.llmbench.merge..")
                .because("a merge joins finished run folders: no run, report or record needs it"));
    }

    @Test
    void theCatalogueReadsRunsAndNothingRunsOrRecordsIt() {
        check(noClasses().that().resideInAPackage("org.llmbench.catalogue..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..", "org.llmbench.engine..",
                        "org.llmbench.merge..", "org.llmbench.cli..", "org.llmbench.model..", "org.llmbench.scoring..",
                        "org.llmbench.tasks..", "java.net.http..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.llmbench.record.RecordWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.llmbench.record.RecordCodec")
                .because("the catalogue is a function of finished run folders, like every report; whether a run is "
                        + "verified is its caller's answer (the CLI's checker), handed in"));
        check(noClasses().that().resideOutsideOfPackages("org.llmbench.catalogue..", "org.llmbench.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.llmbench.catalogue..")
                .because("only the command line writes the catalogue"));
    }

    @Test
    void configDependsOnNothingElseOfLlmBench() {
        check(noClasses().that().resideInAPackage("org.llmbench.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.llmbench.engine..",
                        "org.llmbench.cli..", "org.llmbench.model..", "org.llmbench.scoring..", "org.llmbench.tasks..",
                        "org.llmbench.suite..", "org.llmbench.merge..", "org.llmbench.report..")
                .because("every other package reads settings; settings read nothing back but a replayed run's record"));
    }

    @Test
    void theReportsKnowNothingOfJUnitTheEngineTheCliOrHttp() {
        check(noClasses().that().resideInAPackage("org.llmbench.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..", "org.llmbench.engine..",
                        "org.llmbench.cli..", "java.net.http..")
                .because("every report is a function of a run folder: Maven's gate, `report` and the end of a run read the same"));
    }

    @Test
    void theReportsReadTheRecordAndNeverWriteIt() {
        check(noClasses().that().resideInAPackage("org.llmbench.report..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.llmbench.record.RecordWriter")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.llmbench.record.RecordCodec")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.llmbench.engine.RunLedger")
                .because("a report is derived from the record; writing to it would make the record depend on its readers"));
    }

    @Test
    void jsonDependsOnNothingOfLlmBench() {
        check(noClasses().that().resideInAPackage("org.llmbench.json..")
                .should().dependOnClassesThat(resideInAPackage("org.llmbench..").and(resideOutsideOfPackage("org.llmbench.json..")))
                .because("json is the bottom of the house: every package reads and writes JSON through it"));
    }

    @Test
    void nothingDependsOnTheCli() {
        check(noClasses().that().resideOutsideOfPackage("org.llmbench.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.llmbench.cli..")
                .because("the CLI is one way in among Maven, IDEs and the console launcher; the engine must work without it"));
    }

    /** The engine's descriptors by their depth in the tree: engine, model, phase (suite), item (question, turn, task). */
    private static final Map<String, Integer> TREE_LEVELS = Map.ofEntries(Map.entry("BenchEngineDescriptor", 0),
            Map.entry("ModelDescriptor", 1), Map.entry("SuiteDescriptor", 2), Map.entry("LaneSuiteDescriptor", 2),
            Map.entry("WholeSuiteDescriptor", 2), Map.entry("AppendConversationDescriptor", 2),
            Map.entry("TaskSuiteDescriptor", 2), Map.entry("BrokenSuiteDescriptor", 2), Map.entry("QuestionDescriptor", 3),
            Map.entry("LaneQuestionDescriptor", 3), Map.entry("PartQuestionDescriptor", 3), Map.entry("TurnDescriptor", 3),
            Map.entry("TaskDescriptor", 3), Map.entry("ToolSuiteDescriptor", 2), Map.entry("ToolTaskDescriptor", 3));

    @Test
    void descriptorsDoNotKnowTheDescriptorsAboveThem() {
        check(classes().that().resideInAPackage("org.llmbench.engine..")
                .should(new ArchCondition<JavaClass>("not depend on a descriptor above them in the tree") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        Integer own = TREE_LEVELS.get(topLevelName(item));
                        if (own == null) {
                            return;
                        }
                        for (Dependency d : item.getDirectDependenciesFromSelf()) {
                            Integer target = TREE_LEVELS.get(topLevelName(d.getTargetClass()));
                            if (target != null && target < own) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .because("what a node needs from above comes through the execution context, so a node can be "
                        + "understood, made and tested without the tree above it"));
    }

    @Test
    void noEngineClassReachesItselfThroughTheClassesItUses() {
        check(classes().that().resideInAPackage("org.llmbench.engine..").should(new ArchCondition<JavaClass>(
                "not reach themselves through the engine classes they use (a nested class counted as its outer class)") {
            /** Each top-level engine class's engine dependencies, its nested classes' included, one example per target. */
            private final Map<String, Map<String, Dependency>> uses = new HashMap<>();

            @Override
            public void init(Collection<JavaClass> engine) {
                for (JavaClass c : engine) {
                    Map<String, Dependency> own = uses.computeIfAbsent(outermost(c), k -> new TreeMap<>());
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        String target = outermost(d.getTargetClass());
                        if (inTheEngine(d.getTargetClass()) && !target.equals(outermost(c))) {
                            own.putIfAbsent(target, d);
                        }
                    }
                }
            }

            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (!item.isTopLevelClass()) {
                    return;
                }
                String self = outermost(item);
                // breadth first, so that the cycle shown is a shortest one through this class
                Map<String, String> reachedFrom = new HashMap<>();
                Deque<String> next = new ArrayDeque<>(List.of(self));
                while (!next.isEmpty()) {
                    String at = next.poll();
                    if (uses.getOrDefault(at, Map.of()).containsKey(self)) {
                        events.add(SimpleConditionEvent.violated(item, cycle(self, at, reachedFrom)));
                        return;
                    }
                    uses.getOrDefault(at, Map.of()).keySet().stream().filter(t -> reachedFrom.putIfAbsent(t, at) == null)
                            .forEach(next::add);
                }
            }

            /** The cycle {@code self -> ... -> last -> self}, each step with one dependency that makes it. */
            private String cycle(String self, String last, Map<String, String> reachedFrom) {
                List<String> path = new ArrayList<>(List.of(self));
                for (String at = last; !at.equals(self); at = reachedFrom.get(at)) {
                    path.add(1, at);
                }
                path.add(self);
                StringBuilder text = new StringBuilder(String.join(" -> ", path.stream()
                        .map(c -> c.substring(c.lastIndexOf('.') + 1)).toList()) + ":");
                for (int i = 0; i + 1 < path.size(); i++) {
                    text.append("\n    ").append(uses.get(path.get(i)).get(path.get(i + 1)).getDescription());
                }
                return text.toString();
            }
        }).because("a class that reaches itself through the classes it uses is one room with several doors (the base "
                + "descriptor's finders once returned its subclasses' types, and the planner it hands itself to walked "
                + "the nodes): each engine class must be readable and testable with only the classes it uses"));
    }

    @Test
    void everyDescriptorHasItsPlaceInTheTree() {
        check(classes().that().resideInAPackage("org.llmbench.engine..")
                .and().areAssignableTo("org.junit.platform.engine.TestDescriptor").and().areNotInterfaces()
                .and().doNotHaveSimpleName("BenchDescriptor")
                .should(new ArchCondition<JavaClass>("be listed in TREE_LEVELS") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (!TREE_LEVELS.containsKey(topLevelName(item))) {
                            events.add(SimpleConditionEvent.violated(item, item.getName() + " has no tree level in ArchitectureTest"));
                        }
                    }
                })
                .because("the rule above can only check descriptors it knows the depth of"));
    }

    /**
     * Outside the CLI only the engine's console prints: the reports, the record and the merge hand their lines to
     * the caller, so an embedding program or a test hears its own run. What no run owns (the sandbox's clean-up
     * warnings: a directory or processes that survived) goes to the platform log ({@link System.Logger}).
     */
    static final ArchRule ONLY_THE_CONSOLES_PRINT = noClasses().that().resideOutsideOfPackage("org.llmbench.cli..")
            .and().doNotHaveFullyQualifiedName("org.llmbench.engine.BenchConsole")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("what the user sees goes through the CLI's writers or the BenchConsole the engine hands down");

    @Test
    void outsideTheCliOnlyTheEnginesConsolePrints() {
        check(ONLY_THE_CONSOLES_PRINT);
    }

    /** A report that prints on its own, as report/RunReports did: the rule must catch it. */
    static final class PlantedPrinter {
        void note(String line) {
            System.out.println(line);
        }

        void problem(String line) {
            java.util.function.Consumer<String> err = System.err::println;
            err.accept(line);
        }
    }

    @Test
    void theConsoleRuleCatchesAPrintOutsideTheCli() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedPrinter.class);
        var result = ONLY_THE_CONSOLES_PRINT.evaluate(planted);
        org.assertj.core.api.Assertions.assertThat(result.hasViolation()).isTrue();
        org.assertj.core.api.Assertions.assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("PlantedPrinter.note") && d.contains("System.out"))
                .anyMatch(d -> d.contains("PlantedPrinter.problem") && d.contains("System.err"));
    }

    @Test
    void theEngineHandsNoRunStateOverThroughStatics() {
        check(noFields().that().areDeclaredInClassesThat().resideInAPackage("org.llmbench.engine..").and().areStatic()
                .should().haveRawType(ThreadLocal.class).orShould().haveRawType(InheritableThreadLocal.class)
                .orShould().haveRawType(java.util.concurrent.atomic.AtomicReference.class)
                .because("what a node needs comes through the execution context; two runs in one JVM share nothing"));
    }

    private static boolean inTheEngine(JavaClass c) {
        return c.getPackageName().equals("org.llmbench.engine") || c.getPackageName().startsWith("org.llmbench.engine.");
    }

    /** The fully qualified name of the top-level class {@code c} is or is nested in. */
    private static String outermost(JavaClass c) {
        int nested = c.getName().indexOf('$');
        return nested < 0 ? c.getName() : c.getName().substring(0, nested);
    }

    private static String topLevelName(JavaClass c) {
        String name = c.getName().substring(c.getName().lastIndexOf('.') + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    @Test
    void theRulesSeeTheWholeCodeBase() {
        // A rule over an empty import passes whatever the code does: make sure every package was read.
        for (String pkg : new String[] {"catalogue", "cli", "config", "engine", "footprint", "json", "merge", "model", "record", "report",
            "scoring", "suite", "tasks"}) {
            org.assertj.core.api.Assertions.assertThat(main.containPackage("org.llmbench." + pkg)).as(pkg).isTrue();
        }
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }
}
