package org.llmbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds the function calls of one answer from what the server sends: whole calls (Ollama, a non-streamed
 * OpenAI answer) or pieces by index (a streamed OpenAI answer: the id and name in the first piece of a call, its
 * arguments in later ones). Bounded whatever arrives: a thousand calls keep {@link #MAX_CALLS} and count the rest,
 * megabytes of arguments keep {@link #MAX_ARGUMENT_CHARS} and say so, a wrong-typed field is noted, never thrown.
 */
final class ToolCallAssembler {

    static final int MAX_CALLS = 64;
    static final int MAX_ARGUMENT_CHARS = 64 * 1024;
    static final int MAX_NAME_CHARS = 256;

    private static final class Building {
        String id;
        final StringBuilder name = new StringBuilder();
        final StringBuilder arguments = new StringBuilder();
        boolean cut;
    }

    private final TreeMap<Long, Building> byIndex = new TreeMap<>();
    private int dropped;
    // The indexes of dropped calls, so a dropped call's later pieces are not counted again; bounded like the rest.
    private final java.util.Set<Long> droppedIndexes = new java.util.HashSet<>();
    private static final int MAX_DROPPED_INDEXES = 1 << 16;
    private final List<String> problems = new ArrayList<>();

    /** A piece of the call at {@code index} (null pieces add nothing); an index past the cap is counted as dropped. */
    void piece(long index, String id, String name, String arguments) {
        Building call = byIndex.get(index);
        if (call == null) {
            if (byIndex.size() >= MAX_CALLS) {
                if (droppedIndexes.size() >= MAX_DROPPED_INDEXES || droppedIndexes.add(index)) {
                    dropped++;
                }
                return;
            }
            call = new Building();
            byIndex.put(index, call);
        } else if (id != null && call.id != null && !id.equals(call.id) && name != null) {
            // A new id at an index already used starts no new call: the pieces of one index are one call.
            problem("two calls share index " + index);
        }
        if (id != null && call.id == null) {
            call.id = clip(id, MAX_NAME_CHARS);
        }
        if (name != null && call.name.length() < MAX_NAME_CHARS) {
            call.name.append(clip(name, MAX_NAME_CHARS - call.name.length()));
        }
        if (arguments != null) {
            int room = MAX_ARGUMENT_CHARS - call.arguments.length();
            if (arguments.length() > room) {
                call.arguments.append(arguments, 0, Math.max(0, room));
                if (!call.cut) {
                    call.cut = true;
                    problem("the arguments of call " + (index + 1) + " exceed " + MAX_ARGUMENT_CHARS + " characters and were cut");
                }
            } else {
                call.arguments.append(arguments);
            }
        }
    }

    /** A whole call, after those already received. */
    void whole(String id, String name, String arguments) {
        piece(wholeCalls++, id, name, arguments);
    }

    // Whole calls are numbered as they come (an answer's calls arrive either whole or in pieces, never both).
    private long wholeCalls;

    /** Something wrong with the calls' shape, kept for the record (the first few). */
    void problem(String what) {
        if (problems.size() < 4) {
            problems.add(what);
        }
    }

    boolean any() {
        return !byIndex.isEmpty() || dropped > 0 || !problems.isEmpty();
    }

    /** The calls in index order; null when the answer carried none and nothing was wrong. */
    ToolCalls result() {
        if (!any()) {
            return null;
        }
        List<ToolCall> calls = new ArrayList<>();
        byIndex.values().forEach(b -> calls.add(new ToolCall(b.id, b.name.length() == 0 ? null : b.name.toString(),
                b.arguments.toString())));
        if (dropped > 0) {
            problems.add(0, dropped + " more call(s) than the " + MAX_CALLS + " kept");
        }
        return new ToolCalls(calls, dropped, problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
