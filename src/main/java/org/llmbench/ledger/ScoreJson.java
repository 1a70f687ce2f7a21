package org.llmbench.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.llmbench.scoring.Check;
import org.llmbench.scoring.Score;

/** The score breakdown as JSON, one shape for the ledger's score events and the reports' attachments. */
public final class ScoreJson {

    private ScoreJson() {
    }

    /** Score, pass mark, weight and every check with its status and reason. */
    public static ObjectNode of(Score score, double weight) {
        ObjectNode e = JsonSupport.MAPPER.createObjectNode();
        e.put("score", score.value());
        e.put("pass_mark", score.passMark());
        e.put("passed", score.passed());
        e.put("weight", weight);
        e.put("weighted_score", score.value() * weight);
        var checks = e.putArray("checks");
        for (Check c : score.checks()) {
            checks.addObject().put("name", c.name()).put("weight", c.weight())
                    .put("status", c.status().name().toLowerCase(Locale.ROOT)).put("reason", c.reason());
        }
        return e;
    }

    /** The breakdown as indented JSON text. */
    public static String text(Score score, double weight) {
        return of(score, weight).toPrettyString();
    }
}
