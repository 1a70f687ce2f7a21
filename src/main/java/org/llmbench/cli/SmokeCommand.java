package org.llmbench.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llmbench.config.BenchKeys;
import java.util.List;
import org.llmbench.config.TerminalText;
import org.llmbench.report.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code smoke}: one hello call through the whole harness, engine to run folder. */
@Command(name = "smoke", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One hello call end to end: the engine runs the hello phase for one model and writes a "
                + "run folder with its ledger, as a full run would.",
                "Without --model the server's first model is used."})
final class SmokeCommand implements Callable<Integer> {

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        Map<String, String> parameters = new LinkedHashMap<>(HelloCall.withModel(bench.parameters(), out));
        String model = parameters.getOrDefault(BenchKeys.MODEL.name(), "mock").split(",")[0].trim();
        parameters.put(BenchKeys.MODEL.name(), model);
        parameters.put(BenchKeys.PHASES.name(), "hello");
        parameters.remove(BenchKeys.QUESTION.name());
        BenchRun.Outcome outcome = BenchRun.execute(parameters, out, spec.commandLine().getErr(), bench.verbose);
        // No task at all (the question was not scored) prints as an empty outcome and fails like a failed call.
        List<RunResults.Task> tasks = outcome.results().tasks();
        RunResults.Task task = tasks.isEmpty() ? new RunResults.Task(null, model, 0, 0, 0, false, 0, null) : tasks.get(0);
        out.println("hello " + TerminalText.escape(model) + ": " + (task.failed()
                ? "call failed: " + task.errorKind()
                : "score " + task.score() + ", " + task.latencyMs() + " ms"));
        out.println("ledger: " + outcome.folder().resolve("run.jsonl"));
        return task.failed() || tasks.isEmpty() ? ExitCodes.MODEL : ExitCodes.OK;
    }
}
