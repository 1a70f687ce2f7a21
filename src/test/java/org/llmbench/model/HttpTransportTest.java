package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failed sends are sent again: only those whose connection ended before any byte of an answer. */
class HttpTransportTest {

    @Test
    void aConnectionEndedBeforeTheAnswerIsSentAgain() {
        // The shapes the JDK client produces: the server closed a kept-alive connection (EOF), or the client's
        // pool closed one under the request.
        assertThat(HttpTransport.closedBeforeAnswering(new IOException("HTTP/1.1 header parser received no bytes",
                new IOException("HTTP/1.1 header parser received no bytes", new EOFException("EOF reached while reading")))))
                .isTrue();
        assertThat(HttpTransport.closedBeforeAnswering(new IOException("HTTP/1.1 header parser received no bytes",
                new IOException("connection closed locally")))).isTrue();
    }

    @Test
    void resetsTimeoutsAndRefusalsAreNotSentAgainHere() {
        assertThat(HttpTransport.closedBeforeAnswering(new IOException("Connection reset", new SocketException("Connection reset"))))
                .isFalse();
        assertThat(HttpTransport.closedBeforeAnswering(new HttpTimeoutException("request timed out"))).isFalse();
        assertThat(HttpTransport.closedBeforeAnswering(new ConnectException("Connection refused"))).isFalse();
        assertThat(HttpTransport.closedBeforeAnswering(new IOException((String) null))).isFalse();
    }
}
