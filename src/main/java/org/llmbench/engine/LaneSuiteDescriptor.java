package org.llmbench.engine;

import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.Node.ExecutionMode;
import org.llmbench.config.BenchConfig;
import org.llmbench.config.BenchKeys;
import org.llmbench.config.ModelGroup;
import org.llmbench.suite.LaneAssignment;
import org.llmbench.suite.Question;
import org.llmbench.suite.RunMode;
import org.llmbench.suite.Suite;

/**
 * A parallel phase ({@code parallel_same}, {@code parallel_mixed}): its questions run concurrently on the
 * engine's executor, in lanes. With mixed lanes its container is the group of models ({@code [model:a,b]}) and
 * lane k is bound to model k of that group, round the list. Its figures are published when the phase ends.
 */
final class LaneSuiteDescriptor extends SuiteDescriptor {

    private final RunMode mode;
    private final LaneAssignment assignment;
    private final List<String> laneModels;
    private final int lanes;
    private final boolean lanesGiven;

    /** @param itemMode as a sequential suite's ({@link SuiteDescriptors#itemMode}) */
    LaneSuiteDescriptor(UniqueId parent, Suite suite, String model, BenchConfig config, ExecutionMode itemMode) {
        super(parent, suite, model, itemMode);
        this.mode = RunMode.of(suite);
        this.assignment = LaneAssignment.of(suite);
        this.laneModels = ModelGroup.parse(model).models();
        // bench.lanes when given, else the suite's; mixed lanes get at least one lane per model.
        this.lanesGiven = config.lanesGiven();
        this.lanes = lanesGiven ? config.lanes()
                : mode == RunMode.PARALLEL_MIXED ? Math.max(assignment.lanes(), laneModels.size()) : assignment.lanes();
    }

    @Override
    int lanes() {
        return lanes;
    }

    /** Its lanes are measured together: the phase runs whole in one process. */
    @Override
    boolean isShardUnit() {
        return true;
    }

    @Override
    void plan(PlanParts parts) {
        super.plan(parts);
        parts.lanes(suite().id(), lanes, lanesSource());
    }

    /** Where the lane count came from, as the manifest records it. */
    private String lanesSource() {
        if (lanesGiven) {
            return BenchKeys.LANES.name();
        }
        return mode == RunMode.PARALLEL_MIXED && lanes > assignment.lanes()
                ? "one lane per model of " + model() : "lanes of suite " + suite().id();
    }

    @Override
    QuestionDescriptor questionDescriptor(Question question) {
        int lane = assignment.laneOf(question, suite().questions(), lanes);
        return new LaneQuestionDescriptor(getUniqueId(), suite(), question, modelOfLane(lane), lane);
    }

    private String modelOfLane(int lane) {
        return laneModels.get((lane - 1) % laneModels.size());
    }

    /** A meter made fresh as the phase starts, handed to the questions: their calls go through it. */
    @Override
    public BenchExecutionContext before(BenchExecutionContext context) {
        return context.withLanes(new LaneMeter(lanes));
    }

    @Override
    public void after(BenchExecutionContext context) {
        String note = mode == RunMode.PARALLEL_MIXED && laneModels.size() == 1
                ? "one model configured: every lane sends to it" : null;
        PhaseRecorder.publish(this, context, suite().id(), model(), mode.wireName(), context.lanes().figures(
                assignment.usesExplicit(lanes) ? "suite question_assignment" : LaneAssignment.ROUND_ROBIN, laneModels, note));
    }
}
