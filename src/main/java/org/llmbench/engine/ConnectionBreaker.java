package org.llmbench.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.llmbench.model.CallFailure;
import org.llmbench.model.CallResult;
import org.llmbench.model.ChatRequest;
import org.llmbench.model.ErrorKind;
import org.llmbench.model.LogprobRequest;
import org.llmbench.model.LogprobResult;
import org.llmbench.model.ModelClient;
import org.opentest4j.TestAbortedException;

/**
 * Stops hammering a dead server: after {@code bench.maxConnectionFailures} calls in a row that could not connect,
 * further questions are aborted at once with that reason instead of each spending its retries on a refused
 * connection. One call every few seconds still goes through, and a call that reaches the server (whatever it
 * answers) resumes normal calls. An aborted question has no score, so resuming the run asks it again. With several
 * servers ({@code bench.url=a,b}) a call is a connection failure only when every server refused it (the
 * {@code MultiServerClient} sends it to the others first), so the breaker counts only calls that no server took.
 */
final class ConnectionBreaker implements ModelClient {

    /** How often a call still tries a server that stopped answering. */
    static final long PROBE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final ModelClient client;
    private final int threshold;
    private final String url;
    private final LongSupplier clock;
    private int failuresInARow;
    private boolean open;
    private long lastTry;

    ConnectionBreaker(ModelClient client, int threshold, String url, LongSupplier clock) {
        this.client = client;
        this.threshold = threshold;
        this.url = url;
        this.clock = clock;
    }

    /** The client itself when the breaker is off ({@code 0}), else the client behind a breaker. */
    static ModelClient around(ModelClient client, int threshold, String url) {
        return threshold <= 0 ? client : new ConnectionBreaker(client, threshold, url, System::nanoTime);
    }

    @Override
    public CallResult chat(ChatRequest request) {
        return guarded(() -> client.chat(request));
    }

    /** A question asked by log-likelihood passes the same breaker as a chat call. */
    @Override
    public LogprobResult logprobs(LogprobRequest request) {
        LogprobResult[] result = new LogprobResult[1];
        guarded(() -> (result[0] = client.logprobs(request)).call());
        return result[0];
    }

    private CallResult guarded(java.util.function.Supplier<CallResult> call) {
        synchronized (this) {
            long now = clock.getAsLong();
            if (open && now - lastTry < PROBE_NANOS) {
                throw new TestAbortedException("not sent: " + (url.contains(",") ? "every server of " : "the server at ")
                        + url + " refused the last " + failuresInARow
                        + " calls in a row (is it running?); resume the run once it is back");
            }
            lastTry = now;
        }
        CallResult result = call.get();
        synchronized (this) {
            if (result.errorKind() == ErrorKind.CONNECTION) {
                failuresInARow++;
                open = failuresInARow >= threshold;
                // The wait before the next try counts from the failure, however long its retries took.
                lastTry = clock.getAsLong();
            } else {
                failuresInARow = 0;
                open = false;
            }
        }
        return result;
    }

    @Override
    public List<String> listModels() throws CallFailure {
        return client.listModels();
    }

    @Override
    public Map<String, Map<String, Object>> modelDetails() throws CallFailure {
        return client.modelDetails();
    }

    @Override
    public Map<String, Map<String, Object>> prepare(List<String> models) throws CallFailure {
        return client.prepare(models);
    }

    @Override
    public String provider() {
        return client.provider();
    }

    @Override
    public void close() {
        client.close();
    }
}
