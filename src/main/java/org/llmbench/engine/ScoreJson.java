package org.llmbench.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.llmbench.record.RecordCodec;
import org.llmbench.record.Stamp;
import org.llmbench.scoring.Score;

/** The score breakdown as JSON, one shape for the ledger's score events and the reports' attachments. */
final class ScoreJson {

    private ScoreJson() {
    }

    /** Score, pass mark, weight and every check with its status and reason. */
    public static ObjectNode of(Score score, double weight) {
        return RecordCodec.breakdown(LedgerEvents.breakdown(Stamp.now(null), null, score, weight));
    }

    /** The breakdown as indented JSON text. */
    public static String text(Score score, double weight) {
        return of(score, weight).toPrettyString();
    }
}
