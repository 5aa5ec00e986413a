package dev.socknotes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The support library against the real kernel, over loopback. */
class SupportLibraryTest {
    @Test
    void shutdownWriteGivesThePeerEndOfStreamAndLeavesHalfClosedStates() {
        try (var pair = Loopback.rawPair()) {
            assertThat(Libc.shutdown(pair.client(), Libc.SHUT_WR).toString()).isEqualTo("0");
            assertThat(Libc.recv(pair.server(), 10).toString()).isEqualTo("0 (EOF)");
            assertThat(TcpState.await(pair.clientPort(), pair.serverPort(), "FIN_WAIT2", Duration.ofSeconds(5))).isTrue();
            assertThat(pair.serverState()).isEqualTo("CLOSE_WAIT");
        }
    }

    @Test
    void failingCallsReportTheirErrnoByName() {
        int fd = Libc.tcpSocket().intValue();
        assertThat(Libc.shutdown(fd, Libc.SHUT_RDWR).toString()).isEqualTo("-1 ENOTCONN (Transport endpoint is not connected)");
        assertThat(Libc.close(fd).ok()).isTrue();
        assertThat(Libc.close(fd).errnoName()).isEqualTo("EBADF");
    }

    @Test
    void boundedCallReportsABlockedRecvThenWhatShutdownMadeItReturn() {
        try (var pair = Loopback.rawPair()) {
            var call = Bounded.start("recv", () -> Libc.recv(pair.server(), 10));
            assertThat(call.awaitBlocked(Duration.ofSeconds(10))).isTrue();
            assertThat(call.result(Duration.ofMillis(100)).toString()).isEqualTo("recv still blocked after 100 ms");
            Libc.shutdown(pair.server(), Libc.SHUT_RDWR);
            assertThat(call.result(Duration.ofSeconds(10)).toString()).isEqualTo("recv returned 0 (EOF)");
        }
    }

    @Test
    void countersIncludeTcpResets() {
        Counters.Snapshot s = Counters.snapshot();
        assertThat(s.get("Tcp.OutRsts")).isGreaterThanOrEqualTo(0);
        assertThat(Counters.delta(s, s, "Tcp.OutRsts")).isEqualTo("Tcp.OutRsts +0");
    }

    @Test
    void controlViewNamesTheFirstAcknowledgementOfEachSynAndFinAndDropsTheRest() {
        int c = 40000, s = 80;
        long ci = 0xfffffff0L, si = 1000; // the client's numbers wrap around 2^32
        var packets = java.util.List.of(
                new Capture.Packet(c, s, ci, 0, Capture.Packet.SYN, 0, 0),
                new Capture.Packet(s, c, si, ci + 1, Capture.Packet.SYN | Capture.Packet.ACK, 0, 0),
                new Capture.Packet(c, s, ci + 1, si + 1, Capture.Packet.ACK, 0, 0),
                new Capture.Packet(c, s, ci + 1, si + 1, Capture.Packet.ACK | Capture.Packet.PSH, 100, 0),
                new Capture.Packet(s, c, si + 1, ci + 101, Capture.Packet.ACK, 0, 0),
                new Capture.Packet(c, s, (ci + 101) & 0xffffffffL, si + 1, Capture.Packet.ACK | Capture.Packet.PSH | Capture.Packet.FIN, 10, 0),
                new Capture.Packet(s, c, si + 1, (ci + 111) & 0xffffffffL, Capture.Packet.ACK, 0, 0), // data only, not the FIN
                new Capture.Packet(s, c, si + 1, (ci + 112) & 0xffffffffL, Capture.Packet.ACK, 0, 0),
                new Capture.Packet(s, c, si + 1, (ci + 112) & 0xffffffffL, Capture.Packet.ACK, 0, 0), // a duplicate
                new Capture.Packet(s, c, si + 1, (ci + 112) & 0xffffffffL, Capture.Packet.ACK | Capture.Packet.FIN, 0, 0),
                new Capture.Packet(c, s, (ci + 112) & 0xffffffffL, si + 2, Capture.Packet.ACK, 0, 0));
        assertThat(Capture.formatControl(packets, c)).containsExactly(
                "client → server  [S]",
                "server → client  [S.]   acks client's SYN",
                "client → server  [.]    acks server's SYN",
                "client → server  [FP.]",
                "server → client  [.]    acks client's FIN",
                "server → client  [F.]",
                "client → server  [.]    acks server's FIN");
    }

    @Test
    void controlFilterJumpsStayInsideTheProgram() {
        int[][] program = Capture.ControlFilter.PROGRAM;
        for (int i = 0; i < program.length; i++) {
            boolean conditional = (program[i][0] & 0x07) == 0x05;
            if (conditional) {
                assertThat(i + 1 + program[i][1]).as("jt of %d", i).isBetween(i + 1, program.length - 1);
                assertThat(i + 1 + program[i][2]).as("jf of %d", i).isBetween(i + 1, program.length - 1);
            }
        }
        assertThat(program[program.length - 1][0]).isEqualTo(0x06); // ends in a return
    }
}
