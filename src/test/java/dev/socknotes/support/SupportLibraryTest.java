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
}
