package org.llmbench.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One provider served by several servers ({@code bench.url=URL1,URL2,...}): owns one client per URL and sends
 * each call to the server with the fewest calls in flight (ties taken in turn), so lanes spread over the servers.
 * A call that cannot connect is sent again to another server, and that server is left alone for
 * {@link #DOWN_NANOS} (then one call tries it again): a server that goes down loses its lanes to the others and
 * the run goes on. Only when every server refused the call is its result a connection error. Every result names
 * the server that answered ({@link CallResult#server()}).
 */
public final class MultiServerClient implements ModelClient {

    /** How long a server that refused a connection gets no calls before one tries it again. */
    static final long DOWN_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** One server: its client and what the picker knows of it. */
    private static final class Server {
        final String url;
        final ModelClient client;
        int inFlight;
        boolean down;
        long downUntil;

        Server(String url, ModelClient client) {
            this.url = url;
            this.client = client;
        }
    }

    private final List<Server> servers = new ArrayList<>();
    private final LongSupplier clock;
    private int turn;

    /** @param clientOf the client of one server, given its base URL */
    public MultiServerClient(List<String> urls, Function<String, ModelClient> clientOf) {
        this(urls, clientOf, System::nanoTime);
    }

    MultiServerClient(List<String> urls, Function<String, ModelClient> clientOf, LongSupplier clock) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no server URL");
        }
        new LinkedHashSet<>(urls).forEach(url -> servers.add(new Server(url, clientOf.apply(url))));
        this.clock = clock;
    }

    @Override
    public CallResult chat(ChatRequest request) {
        Set<Server> tried = new HashSet<>();
        CallResult last = null;
        for (Server server = pick(tried); server != null; server = pick(tried)) {
            tried.add(server);
            CallResult result;
            try {
                result = server.client.chat(request).withServer(server.url);
            } finally {
                synchronized (this) {
                    server.inFlight--;
                }
            }
            synchronized (this) {
                if (result.errorKind() != ErrorKind.CONNECTION) {
                    server.down = false;
                    return result;
                }
                server.down = true;
                server.downUntil = clock.getAsLong() + DOWN_NANOS;
            }
            last = result;
        }
        return last;
    }

    /** Asks the least busy server; a server that cannot be reached is the question's recorded failure, not retried elsewhere. */
    @Override
    public LogprobResult logprobs(LogprobRequest request) {
        Server server = pick(new HashSet<>());
        try {
            LogprobResult r = server.client.logprobs(request);
            return new LogprobResult(r.call().withServer(server.url), r.letters(), r.unsupported());
        } finally {
            synchronized (this) {
                server.inFlight--;
            }
        }
    }

    /**
     * The server for the next try of a call: among those it has not tried, one that is up (or whose pause is over)
     * with the fewest calls in flight, ties taken in turn; a server that is down only when no other is left.
     */
    private synchronized Server pick(Set<Server> tried) {
        long now = clock.getAsLong();
        Server best = null;
        boolean bestUp = false;
        int n = servers.size();
        for (int k = 0; k < n; k++) {
            Server s = servers.get((turn + k) % n);
            if (tried.contains(s)) {
                continue;
            }
            boolean up = !s.down || now - s.downUntil >= 0;
            if (best == null || up && !bestUp || up == bestUp && s.inFlight < best.inFlight) {
                best = s;
                bestUp = up;
            }
        }
        if (best == null) {
            return null;
        }
        if (best.down) {
            // This call probes the server; the others keep away until it answers or the pause is over again.
            best.downUntil = now + DOWN_NANOS;
        }
        turn = (servers.indexOf(best) + 1) % n;
        best.inFlight++;
        return best;
    }

    /** The models every server lists (a model one server lacks would fail the calls sent there). */
    @Override
    public List<String> listModels() throws CallFailure {
        List<String> common = null;
        for (Server s : servers) {
            List<String> listed;
            try {
                listed = s.client.listModels();
            } catch (CallFailure e) {
                throw new CallFailure(e.kind(), s.url + ": " + e.getMessage(), e.httpStatus(), e.retryAfterMs());
            }
            if (common == null) {
                common = new ArrayList<>(listed);
            } else {
                common.retainAll(listed);
            }
        }
        return List.copyOf(common);
    }

    /** What the first server that answers says about its models. */
    @Override
    public Map<String, Map<String, Object>> modelDetails() throws CallFailure {
        CallFailure first = null;
        for (Server s : servers) {
            try {
                return new LinkedHashMap<>(s.client.modelDetails());
            } catch (CallFailure e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    @Override
    public String provider() {
        return servers.get(0).client.provider();
    }

    @Override
    public void close() {
        servers.forEach(s -> s.client.close());
    }
}
