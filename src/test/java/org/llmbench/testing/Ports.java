package org.llmbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port that nothing listens on, for tests of a server that is not running. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago: connections to it are refused. */
    public static int closed() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
