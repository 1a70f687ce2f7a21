package org.llmbench.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * Decides, once a response's headers are in, how its body is read. A streamed answer becomes an InputStream read
 * chunk by chunk; anything else is read whole, up to a cap, by the HTTP client itself. Reading whole answers through
 * the JDK's InputStream subscriber costs a thread hand-off per call and, at thousands of calls per second, now and
 * then a pooled connection closed under the next request ("connection closed locally": 4 in 673,000 calls at 16
 * lanes); a byte-array subscriber showed neither (0 in 993,000).
 */
final class ResponseBodies {

    /** A body: {@code stream} for a streamed answer, else {@code bytes}; {@code overCap} when it ran past the cap. */
    record Payload(InputStream stream, byte[] bytes, boolean overCap) {
        boolean streamed() {
            return stream != null;
        }
    }

    private ResponseBodies() {
    }

    /**
     * Streams 2xx bodies whose media type {@code streams} accepts; reads other bodies whole, up to {@code maxBodyBytes}
     * for a 2xx status and {@code excerptBytes} for an error status. The deadline aborts either kind of read.
     */
    static HttpResponse.BodyHandler<Payload> handler(Predicate<String> streams, long maxBodyBytes, int excerptBytes,
                                                     CallDeadlines.Deadline deadline) {
        return info -> {
            boolean ok = info.statusCode() >= 200 && info.statusCode() < 300;
            if (ok && streams.test(mediaType(info.headers().firstValue("Content-Type").orElse("")))) {
                HttpResponse.BodySubscriber<InputStream> subscriber = HttpResponse.BodySubscribers.ofInputStream();
                // The stream exists as soon as its subscriber does; closing it is how a blocked read is ended.
                InputStream in = subscriber.getBody().toCompletableFuture().join();
                deadline.onExpiry(() -> closeQuietly(in));
                return HttpResponse.BodySubscribers.mapping(subscriber, body -> new Payload(body, null, false));
            }
            return new Capped(ok ? maxBodyBytes : excerptBytes, deadline);
        };
    }

    /** The media type without parameters, lower-cased; empty when the server sent none. */
    static String mediaType(String contentType) {
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Closing is how a blocked read is interrupted; a failure to close changes nothing.
        }
    }

    /** Collects a whole body up to a cap; past the cap it stops reading and reports the overrun instead of failing. */
    private static final class Capped implements HttpResponse.BodySubscriber<Payload> {
        private final CompletableFuture<Payload> result = new CompletableFuture<>();
        private final int cap;
        private final CallDeadlines.Deadline deadline;
        private byte[] buffer = new byte[1024];
        private int size;
        private Flow.Subscription subscription;

        Capped(long cap, CallDeadlines.Deadline deadline) {
            this.cap = (int) Math.min(Integer.MAX_VALUE - 16, cap);
            this.deadline = deadline;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            deadline.onExpiry(() -> {
                s.cancel();
                result.completeExceptionally(new IOException("the call's deadline passed while the body was read"));
            });
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return; // buffers already on their way when the read was cancelled
            }
            for (ByteBuffer item : items) {
                int take = Math.min(cap + 1 - size, item.remaining());
                if (size + take > buffer.length) {
                    buffer = Arrays.copyOf(buffer, Math.min(cap + 1, Math.max(size + take, buffer.length * 2)));
                }
                item.get(buffer, size, take);
                size += take;
                if (size > cap) {
                    subscription.cancel();
                    result.complete(new Payload(null, Arrays.copyOf(buffer, cap), true));
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(new Payload(null, size == buffer.length ? buffer : Arrays.copyOf(buffer, size), false));
        }

        @Override
        public CompletionStage<Payload> getBody() {
            return result;
        }
    }
}
