package dev.socknotes.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SocketTable on the real ss: rows kept to the named ports, normalised, and ss's State column only when it printed one. */
class SocketTableTest {
    @Test
    void keepsTheRowsOfTheNamedPortAndPrintsOtherPortsAsStars() {
        try (var pair = Loopback.rawPair()) {
            Libc.close(pair.client());
            pair.awaitServerState("CLOSE_WAIT");

            var table = SocketTable.ss("-tan").port(pair.serverPort(), "server");

            assertThat(table.lines()).containsExactly(
                    "CLOSE-WAIT       1      0  127.0.0.1:server         127.0.0.1:*",
                    "FIN-WAIT-2       0      0  127.0.0.1:*              127.0.0.1:server");
        }
    }

    @Test
    void aStateFilterLeavesTheStateColumnOutAndProcessesAreNormalised() {
        try (var pair = Loopback.rawPair()) {
            Libc.close(pair.client());
            pair.awaitServerState("CLOSE_WAIT");

            var table = SocketTable.ss("-tanp", "state", "close-wait").port(pair.serverPort(), "server");

            assertThat(table.rows()).singleElement().satisfies(r -> assertThat(r.state()).isEmpty());
            assertThat(table.lines()).singleElement().asString()
                    .startsWith("     1      0  127.0.0.1:server         127.0.0.1:*")
                    .contains("pid=self,fd=…");
        }
    }
}
