package org.llmbench.record;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The fields that name a test on {@code call} and {@code score} lines (see {@link RecordCodec}). */
final class TestRefCodec {

    private TestRefCodec() {
    }

    static void write(ObjectNode o, TestRef ref) {
        o.put(RecordCodec.TEST_ID, ref.testId());
        o.put("model", ref.model());
        o.put("suite", ref.suite());
        o.put("item", ref.item());
        o.put("category", ref.category());
    }

    static TestRef read(Fields f) {
        return new TestRef(f.text(RecordCodec.TEST_ID), f.text("model"), f.optText("suite"), f.optText("item"),
                f.optText("category"));
    }
}
