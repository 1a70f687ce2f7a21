package org.llmbench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake {@code /proc}: the listening socket's inode leads to its process, whose VmRSS is read; no listener says why. */
class ProcessTableTest {

    @TempDir
    Path proc;

    @Test
    void theProcessListeningOnAPortAndItsResidentMemory() throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp"), """
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5555 1 0000000000000000 100 0 0 10 0
                   1: 0100007F:1F91 0100007F:9C40 01 00000000:00000000 00:00000000 00000000     0        0 6666 1 0000000000000000 20 4 30 10 -1
                """);
        Path fd = Files.createDirectories(proc.resolve("123/fd"));
        Files.createSymbolicLink(fd.resolve("3"), Path.of("socket:[4444]"));
        Files.createSymbolicLink(fd.resolve("4"), Path.of("socket:[5555]"));
        Files.createDirectories(proc.resolve("77/fd"));
        Files.writeString(proc.resolve("123/status"), "Name:\tllama-server\nVmHWM:\t  9000 kB\nVmRSS:\t  2048 kB\n");
        ProcessTable table = new ProcessTable(proc, true);
        assertThat(table.listener(8080).pid()).isEqualTo(123L);
        assertThat(table.rssBytes(123).getAsLong()).isEqualTo(2048L * 1024);
        // 8081 is an established connection, not a listener; nothing at all on 9090.
        assertThat(table.listener(8081).pid()).isNull();
        assertThat(table.listener(9090).reason()).startsWith("no process listens on TCP port 9090 here");
        assertThat(table.rssBytes(77)).isEmpty();
    }

    @Test
    void aSocketWhoseProcessCannotBeSeenSaysSo() throws Exception {
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/tcp6"), "  sl header\n   0: 00000000000000000000000000000000:1F90 "
                + "00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000 0 7777 1\n");
        assertThat(new ProcessTable(proc, true).listener(8080).reason())
                .isEqualTo("a socket listens on TCP port 8080 but its process is not readable");
    }
}
