package org.llmbench.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The answer extraction table: what number or choice an answer gives, and what it does not. */
class AnswerExtractionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "42 | 42",
            "The answer is 1,234. | 1234",
            "It costs $18.50 in total. | 18.5",
            "She walks 12 km, then 3 km: 15 km | 15",
            "First 3, then 4, so 7 | 7",
            "step 1: 2 + 2 = 4\\n#### 4 | 4",
            "'#### 1,000,000 dollars' | 1000000",
            "so x = \\boxed{-7} and we are done in 2 steps | -7",
            "the result is 0.5% | 0.5",
            "no number here | none",
            "'' | none",
    })
    void numbers(String answer, String expected) {
        BigDecimal got = NumberAnswer.extract(answer.replace("\\n", "\n"));
        if (expected == null) {
            assertThat(got).isNull();
        } else {
            assertThat(got).isNotNull();
            assertThat(got.compareTo(new BigDecimal(expected))).as(String.valueOf(got)).isZero();
        }
    }

    private static final Map<String, String> CHOICES = new LinkedHashMap<>();

    static {
        CHOICES.put("A", "Mars");
        CHOICES.put("B", "Jupiter");
        CHOICES.put("C", "Venus");
        CHOICES.put("D", "Earth");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "C | C",
            "(C) | C",
            "C. | C",
            "**C** | C",
            "Answer: C | C",
            "The answer is (C) because it is hot. | C",
            "I think the answer is C. | C",
            "C. Venus | C",
            "Venus | C",
            "It must be venus. | C",
            "A dog barks; the answer is C | C",
            "B or C | none",
            "Answer: B, C | none",
            "A and D are both wrong, so it is either B or C | none",
            "Mars or Venus | none",
            "A. Mars B. Jupiter C. Venus D. Earth | none",
            "I do not know | none",
            "'' | none",
    })
    void choices(String answer, String expected) {
        ChoiceAnswer.Choice choice = ChoiceAnswer.extract(answer, CHOICES);
        assertThat(choice.label()).as(choice.reason()).isEqualTo(expected);
    }

    /** Choices whose texts hold letters that are also labels. */
    private static final Map<String, String> VITAMINS = new LinkedHashMap<>();

    static {
        VITAMINS.put("A", "Vitamin B12");
        VITAMINS.put("B", "Vitamin C");
        VITAMINS.put("C", "Iron");
        VITAMINS.put("D", "Calcium");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            // known good: any case, the text as a whole, a label with its own text
            "b | B",
            "(b) | B",
            "b. | B",
            "**b** | B",
            "Answer: b | B",
            "the answer is b because it is an antioxidant | B",
            "Vitamin C | B",
            "vitamin c. | B",
            "**Vitamin C** | B",
            "B) Vitamin C | B",
            "B. Vitamin C | B",
            "The answer is B) Vitamin C | B",
            "The answer is Vitamin C | B",
            "I would pick Vitamin C here | B",
            // what a user means, though it names two: the negated one is not chosen
            "The answer is B, not C | B",
            "not A, it's B | B",
            "It isn't C; it is B | B",
            "Vitamin C rather than Iron | B",
            "A is correct | A",
            // known bad, junk and adversarial: two asserted, none, or no label at all
            "A or B | none",
            "b or c | none",
            "Answer: b, c | none",
            "Vitamin C or Iron | none",
            "A) Vitamin B12 B) Vitamin C C) Iron D) Calcium | none",
            "e | none",
            "the answer is a vitamin | none",
            "Zinc | none",
            "'' | none",
    })
    void choicesWhoseTextsHoldLabels(String answer, String expected) {
        ChoiceAnswer.Choice choice = ChoiceAnswer.extract(answer, VITAMINS);
        assertThat(choice.label()).as(choice.reason()).isEqualTo(expected);
    }
}
