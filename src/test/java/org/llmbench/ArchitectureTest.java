package org.llmbench;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
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
    void theCoreAndTheClientsKnowNothingOfJUnit() {
        check(noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .because("scorers, tasks, suites, config and model clients run without a test engine"));
    }

    @Test
    void scoringAndTasksKnowNothingOfModelsTheEngineTheLedgerTheCliOrHttp() {
        check(noClasses().that().resideInAnyPackage("org.llmbench.scoring..", "org.llmbench.tasks..")
                .should().dependOnClassesThat().resideInAnyPackage("org.llmbench.model..", "org.llmbench.engine..",
                        "org.llmbench.ledger..", "org.llmbench.report..", "org.llmbench.cli..", "java.net.http..")
                .because("a score is a function of the question and the answer text"));
    }

    @Test
    void theRecordSitsAtTheBottomOfTheHouse() {
        check(noClasses().that().resideInAPackage("org.llmbench.record..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..",
                        "org.llmbench.engine..", "org.llmbench.report..", "org.llmbench.merge..", "org.llmbench.cli..",
                        "org.llmbench.model..", "org.llmbench.ledger..", "java.net.http..")
                .because("the run record is a format: the engine, the clients and the reports use it, it uses none of them"));
    }

    @Test
    void onlyTheCommandLineMerges() {
        check(noClasses().that().resideOutsideOfPackages("org.llmbench.merge..", "org.llmbench.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.llmbench.merge..")
                .because("a merge joins finished run folders: no run, report or record needs it"));
    }

    @Test
    void configDependsOnNothingElseOfLlmBench() {
        check(noClasses().that().resideInAPackage("org.llmbench.config..")
                .should().dependOnClassesThat().resideInAnyPackage("org.llmbench.engine..", "org.llmbench.ledger..",
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
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.llmbench.ledger.RunLedger")
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

    @Test
    void theRulesSeeTheWholeCodeBase() {
        // A rule over an empty import passes whatever the code does: make sure every package was read.
        for (String pkg : new String[] {"cli", "config", "engine", "json", "ledger", "merge", "model", "record", "report",
            "scoring", "suite", "tasks"}) {
            org.assertj.core.api.Assertions.assertThat(main.containPackage("org.llmbench." + pkg)).as(pkg).isTrue();
        }
    }

    private static void check(ArchRule rule) {
        rule.check(main);
    }
}
