package org.llmbench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {

    @TempDir
    Path dir;

    private SuiteOrigin write(String name, String json) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return SuiteOrigin.ofFile(file);
    }

    @Test
    void readsQuestionsWithTheLineWhereEachObjectStartsAndKeepsUnknownFields() throws Exception {
        Suite suite = SuiteLoader.load(write("demo.json", """
                {
                  "suite_name": "Demo",
                  "version": "2",
                  "lanes": 4,
                  "questions": [
                    {"id": "A1", "prompt": "one", "required_markers": ["x"], "format_rule": "json_dict"},
                    {
                      "id": "A2",
                      "prompt": "two",
                      "difficulty": "hard"
                    }
                  ]
                }
                """));
        assertThat(suite.id()).isEqualTo("demo");
        assertThat(suite.name()).isEqualTo("Demo");
        assertThat(suite.extra()).containsKey("lanes");
        assertThat(suite.questions()).extracting(Question::id).containsExactly("A1", "A2");
        assertThat(suite.questions().get(0).line()).isEqualTo(6);
        assertThat(suite.questions().get(0).formatRule()).isEqualTo(FormatRule.JSON_DICT);
        assertThat(suite.questions().get(1).line()).isEqualTo(7);
        assertThat(suite.questions().get(1).extra()).containsKey("difficulty");
        assertThat(suite.questionAtLine(9)).map(Question::id).contains("A2");
    }

    @Test
    void anUnknownFormatRuleNamesFileLineAndField() throws Exception {
        SuiteOrigin origin = write("bad.json", """
                {"suite_name": "bad",
                 "questions": [
                   {"id": "Q1", "prompt": "p"},
                   {"id": "Q2", "prompt": "p",
                    "format_rule": "haiku"}
                 ]}
                """);
        assertThatThrownBy(() -> SuiteLoader.load(origin))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("bad.json:5:")
                .hasMessageContaining("questions[1].format_rule")
                .hasMessageContaining("'haiku' is not one of");
    }

    @Test
    void missingFieldsDuplicatesAndWrongTypesAreEachNamed() throws Exception {
        assertThatThrownBy(() -> SuiteLoader.load(write("a.json", "{\"questions\": [{\"id\": \"Q1\", \"prompt\": \"p\"}]}")))
                .hasMessageContaining("suite_name: missing");
        assertThatThrownBy(() -> SuiteLoader.load(write("b.json", "{\"suite_name\": \"b\", \"questions\": [{\"id\": \"Q1\"}]}")))
                .hasMessageContaining("questions[0].prompt: missing");
        assertThatThrownBy(() -> SuiteLoader.load(write("c.json",
                "{\"suite_name\": \"c\", \"questions\": [{\"id\": \"Q1\", \"prompt\": \"p\"},\n{\"id\": \"Q1\", \"prompt\": \"q\"}]}")))
                .hasMessageContaining("c.json:2:").hasMessageContaining("duplicate id 'Q1'");
        assertThatThrownBy(() -> SuiteLoader.load(write("d.json",
                "{\"suite_name\": \"d\", \"questions\": [{\"id\": \"Q1\", \"prompt\": \"p\", \"required_markers\": \"x\"}]}")))
                .hasMessageContaining("questions[0].required_markers: must be an array of strings");
        assertThatThrownBy(() -> SuiteLoader.load(write("e.json", "{\"suite_name\": \"e\", \"questions\": []}")))
                .hasMessageContaining("no questions");
        assertThatThrownBy(() -> SuiteLoader.load(write("f.json", "{\"suite_name\": \"f\", \"questions\": [{\"id\": \"a b\", \"prompt\": \"p\"}]}")))
                .hasMessageContaining("questions[0].id");
    }

    @Test
    void invalidJsonGivesLineAndColumn() throws Exception {
        assertThatThrownBy(() -> SuiteLoader.load(write("g.json", "{\n \"suite_name\": \"g\",\n \"questions\": [\n  {\"id\": \"Q1\" \"prompt\": \"p\"}\n ]}")))
                .isInstanceOf(SuiteException.class)
                .hasMessageContaining("g.json:4:")
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void bundledSuitesLoad() throws Exception {
        try (var files = Files.list(Path.of("suites"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Suite suite = SuiteLoader.load(SuiteOrigin.ofFile(file));
                assertThat(suite.questions()).isNotEmpty();
            }
        }
    }

    @Test
    void everyProblemOfAFileComesFromOnePassInFileOrder() throws Exception {
        SuiteOrigin origin = write("many.json", """
                {"suite_name": "many",
                 "run_mode": "sideways",
                 "questions": [
                   {"id": "Q1"},
                   "not an object",
                   {"id": "Q1", "prompt": "p"},
                   {"id": "Q3", "prompt": "p", "tags": "x", "weight": -1}
                 ]}
                """);

        assertThat(SuiteLoader.problems(origin)).extracting(SuiteException::field).containsExactly(
                "run_mode", "questions[0].prompt", "questions[1]", "questions[3].tags", "questions[3].weight");
        assertThatThrownBy(() -> SuiteLoader.load(origin)).isInstanceOf(SuiteException.class)
                .hasMessageStartingWith(origin.display() + ":2:")
                .hasMessageContaining("questions[3].tags: must be an array of strings");
    }

    @Test
    void aLaneAssignmentIsNotBlamedForAQuestionThatHasAProblemOfItsOwn() throws Exception {
        SuiteOrigin origin = write("lanes.json", """
                {"suite_name": "lanes", "lanes": 2,
                 "question_assignment": {"1": ["A"], "2": ["B", "B"]},
                 "questions": [{"id": "A", "prompt": "p"}, {"id": "B"}]}
                """);

        assertThat(SuiteLoader.problems(origin)).extracting(SuiteException::getMessage).satisfiesExactly(
                m -> assertThat(m).contains("question_assignment.2: 'B' is assigned twice"),
                m -> assertThat(m).contains("questions[1].prompt: missing"));
    }
}
