package dev.socknotes.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PacketLineTest {

    @Test
    void formatsBothFormsAsCapturePrintsThem() {
        assertThat(PacketLine.numbered(true, "S", 0, OptionalLong.empty(), 0).format()).isEqualTo("client → server  [S]   seq 0");
        assertThat(PacketLine.numbered(false, "P.", 1, OptionalLong.of(11), 5).format())
                .isEqualTo("server → client  [P.]  seq 1  ack 11  len 5");
        assertThat(PacketLine.numbered(true, "FP.", 11, OptionalLong.of(1), 3).format())
                .isEqualTo("client → server  [FP.] seq 11  ack 1  len 3");
        assertThat(PacketLine.control(false, ".", List.of("acks client's FIN")).format())
                .isEqualTo("server → client  [.]    acks client's FIN");
        assertThat(PacketLine.control(true, "R", List.of()).format()).isEqualTo("client → server  [R]");
    }

    @Test
    void parseIsTheInverseOfFormat() {
        List<PacketLine> lines = List.of(
                PacketLine.numbered(true, "S", 0, OptionalLong.empty(), 0),
                PacketLine.numbered(false, "S.", 0, OptionalLong.of(1), 0),
                PacketLine.numbered(true, "P.", 1, OptionalLong.of(1), 10),
                PacketLine.numbered(true, "FRPU.", 4294967295L, OptionalLong.of(0), 65483),
                PacketLine.control(true, "F.", List.of()),
                PacketLine.control(false, "F.", List.of("acks client's SYN", "acks client's FIN")),
                PacketLine.control(true, "R", List.of()));
        for (PacketLine line : lines) {
            assertThat(PacketLine.parse(line.format())).contains(line);
            assertThat(PacketLine.parse("  " + line.format() + "  ").map(PacketLine::format)).contains(line.format());
        }
    }

    @Test
    void parseRejectsWhatFormatNeverWrites() {
        assertThat(PacketLine.parse("client → client  [S]   seq 0")).isEmpty();
        assertThat(PacketLine.parse("client → server [S] seq 0")).isEmpty();
        assertThat(PacketLine.parse("client → server  [X]")).isEmpty();
        assertThat(PacketLine.parse("client → server  [.]   seq one")).isEmpty();
        assertThat(PacketLine.parse("server → client  [.]    acks nothing")).isEmpty();
        assertThat(PacketLine.parse("server state: CLOSE_WAIT")).isEmpty();
    }

    @Test
    void theDetailIsWhatTheDiagramWritesOnItsArrow() {
        assertThat(PacketLine.parse("server → client  [P.]  seq 1  ack 11  len 5").orElseThrow().detail())
                .isEqualTo("seq 1 ack 11 len 5");
        assertThat(PacketLine.parse("server → client  [.]    acks client's FIN").orElseThrow().detail())
                .isEqualTo("acks client's FIN");
    }

    @Test
    void theFormsDoNotMix() {
        assertThatThrownBy(() -> new PacketLine(true, ".", OptionalLong.empty(), OptionalLong.of(1), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacketLine(true, ".", OptionalLong.of(1), OptionalLong.empty(), 0, List.of("acks client's FIN")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
