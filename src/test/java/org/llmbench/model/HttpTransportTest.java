package org.llmbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failed sends are sent again: only those whose connection ended before any byte of an answer. */
class HttpTransportTest {

    @Test
    void aConnectionEndedBeforeTheAnswerIsSentAgain() {
        // The shapes HttpURLConnection produces when the server closed a kept-alive connection under the request.
        assertThat(HttpTransport.closedBeforeAnswering(new SocketException("Unexpected end of file from server"))).isTrue();
        assertThat(HttpTransport.closedBeforeAnswering(new IOException("no answer", new EOFException()))).isTrue();
    }

    @Test
    void resetsTimeoutsAndRefusalsAreNotSentAgainHere() {
        assertThat(HttpTransport.closedBeforeAnswering(new IOException("Connection reset", new SocketException("Connection reset"))))
                .isFalse();
        assertThat(HttpTransport.closedBeforeAnswering(new SocketTimeoutException("Read timed out"))).isFalse();
        assertThat(HttpTransport.closedBeforeAnswering(new SocketTimeoutException("connect timed out"))).isFalse();
        assertThat(HttpTransport.closedBeforeAnswering(new ConnectException("Connection refused"))).isFalse();
        assertThat(HttpTransport.closedBeforeAnswering(new IOException((String) null))).isFalse();
        // The same end-of-file after the status line arrived: the server answered; never sent again.
        assertThat(HttpTransport.closedBeforeAnswering(HttpTransport.answered(new IOException("cut", new EOFException())))).isFalse();
    }
}
