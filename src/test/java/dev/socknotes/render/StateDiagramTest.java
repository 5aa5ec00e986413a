package dev.socknotes.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.render.StateDiagram.ClosingState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateDiagramTest {
    @Test
    void theStatesAnOutputNamesAreMarkedAndAGoneSocketCountsAsClosed() {
        assertThat(StateDiagram.observed(List.of("orphan:  client FIN_WAIT2, server CLOSE_WAIT", "client (gone)")))
                .containsExactly(ClosingState.CLOSE_WAIT, ClosingState.FIN_WAIT2, ClosingState.CLOSED);
        assertThat(StateDiagram.observed(List.of("CLOSED is not printed by the kernel; CLOSE_WAITING is no state")))
                .isEmpty();
        String svg = StateDiagram.render(List.of("server LAST_ACK"), "states", "marked: seen");
        assertThat(svg).contains("LAST_ACK ✔").contains(">TIME_WAIT<").doesNotContain("TIME_WAIT ✔");
    }
}
