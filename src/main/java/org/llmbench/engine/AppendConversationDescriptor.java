package org.llmbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatMessage;
import org.llmbench.record.PhaseMeasures;
import org.llmbench.suite.Question;
import org.llmbench.suite.RunMode;
import org.llmbench.suite.Suite;

/**
 * The append phase ({@code edge_append}): one conversation, each question asked after all earlier questions
 * and answers, turn by turn in order, until the context window ({@code bench.numCtx}) would overflow or the
 * questions run out. Only execution knows how many turns fit, so turns are registered dynamically. The phase
 * result names the first turn whose answer falls below its pass mark, and every turn whose context the server cut:
 * the conversation only grows, so a server that counts fewer prompt tokens than for an earlier turn dropped part of
 * it (llama.cpp's context shift keeps the start and the end), as does one that says it truncated.
 */
final class AppendConversationDescriptor extends BenchDescriptor {

    private final Suite suite;
    private final String model;

    AppendConversationDescriptor(UniqueId parent, Suite suite, String model) {
        super(parent.append(Segments.SUITE, suite.id()), suite.name(), Sources.of(suite.origin(), 1, 1), Type.CONTAINER);
        this.suite = suite;
        this.model = model;
    }

    /** The most turns this phase can add as it runs: one per question. */
    @Override
    void plan(PlanParts parts) {
        parts.atRunTime(suite.questions().size());
        parts.suiteVersion(suite.id(), suite.version());
    }

    /** Each turn's prompt holds the answers before it: the conversation runs whole in one process. */
    @Override
    boolean isShardUnit() {
        return true;
    }

    @Override
    public boolean mayRegisterTests() {
        return true;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(suite.id());
    }

    private static PhaseMeasures.Turn turnFigures(int turn, Question question, int messages, long promptTokens,
                                                  long completionTokens, CallResult call, TurnDescriptor.Outcome outcome,
                                                  String cut) {
        return new PhaseMeasures.Turn(turn, question.id(), messages, promptTokens, completionTokens,
                promptTokens + completionTokens, call.promptTokens() == null || call.tokensEstimated(), call.latencyMs(),
                outcome.score().value(), outcome.score().passed(), cut != null, cut);
    }

    /**
     * Why the server cut this turn's context, or null when nothing says it did. Ollama's {@code prompt_eval_count}
     * counts only the tokens it evaluated (a cached prefix is left out), so a smaller count is no sign there.
     */
    static String contextCut(CallResult call, long mostPromptTokensBefore) {
        if (Boolean.TRUE.equals(call.serverTimings().get("truncated"))) {
            return "the server says it truncated the prompt";
        }
        boolean wholePrompt = call.promptTokens() != null && !call.tokensEstimated()
                && !call.serverTimings().containsKey("prompt_eval_count");
        if (wholePrompt && call.promptTokens() < mostPromptTokensBefore) {
            return "the server counted " + call.promptTokens() + " prompt tokens, fewer than the " + mostPromptTokensBefore
                    + " of an earlier turn, while the conversation grew";
        }
        return null;
    }

    @Override
    public BenchExecutionContext execute(BenchExecutionContext context, DynamicTestExecutor dynamicTestExecutor)
            throws InterruptedException {
        int numCtx = context.config().numCtx();
        List<ChatMessage> history = new ArrayList<>();
        if (context.config().systemPrompt() != null) {
            history.add(ChatMessage.system(context.config().systemPrompt()));
        }
        long contextTokens = 0;
        Integer firstDegraded = null;
        Integer cutFrom = null;
        long mostPromptTokens = 0;
        String stoppedBecause = "questions ran out";
        List<PhaseMeasures.Turn> turns = new ArrayList<>();
        for (Question question : suite.questions()) {
            int turn = turns.size() + 1;
            if (turn > 1 && contextTokens + TokenCount.estimate(question.prompt()) >= numCtx) {
                stoppedBecause = "context full";
                break;
            }
            List<ChatMessage> messages = new ArrayList<>(history);
            messages.add(ChatMessage.user(question.prompt()));
            TurnDescriptor descriptor = new TurnDescriptor(getUniqueId(), turn, suite, question, model, messages);
            addChild(descriptor);
            dynamicTestExecutor.execute(descriptor);
            dynamicTestExecutor.awaitFinished();
            TurnDescriptor.Outcome outcome = descriptor.outcome();
            if (outcome == null) {
                firstDegraded = firstDegraded == null ? turn : firstDegraded;
                stoppedBecause = "turn " + turn + " did not complete";
                break;
            }
            CallResult call = outcome.call();
            String answer = call.ok() ? call.content() : "";
            long promptTokens = call.promptTokens() != null ? call.promptTokens() : TokenCount.estimate(messages);
            long completionTokens = call.completionTokens() != null ? call.completionTokens() : TokenCount.estimate(answer);
            contextTokens = promptTokens + completionTokens;
            int sent = messages.size();
            history = messages;
            history.add(ChatMessage.assistant(answer));
            if (firstDegraded == null && !outcome.score().passed()) {
                firstDegraded = turn;
            }
            String cut = call.ok() ? contextCut(call, mostPromptTokens) : null;
            if (cut == null && cutFrom != null) {
                // Each turn resends the whole conversation, longer than the one the server already had to cut.
                cut = "the conversation is longer than at turn " + cutFrom + ", which the server already cut";
            }
            if (call.ok() && call.promptTokens() != null) {
                mostPromptTokens = Math.max(mostPromptTokens, call.promptTokens());
            }
            if (cut != null && cutFrom == null) {
                cutFrom = turn;
                context.console().line("[llm-bench] " + org.llmbench.config.TerminalText.escape(model + " / " + suite.id()) + ": the server cut the context at turn "
                        + turn + " (" + cut + "); later turns are not the conversation sent");
            }
            turns.add(turnFigures(turn, question, sent, promptTokens, completionTokens, call, outcome, cut));
        }
        if (cutFrom != null) {
            stoppedBecause = "the server cut the context from turn " + cutFrom + "; " + stoppedBecause;
        }
        PhaseMeasures.Append figures = new PhaseMeasures.Append(numCtx, turns.size(), suite.questions().size(),
                stoppedBecause, contextTokens, firstDegraded, cutFrom,
                turns.stream().filter(PhaseMeasures.Turn::contextCut).count(), turns);
        PhaseRecorder.publish(this, context, suite.id(), model, RunMode.APPEND.wireName(), figures);
        return context;
    }
}
