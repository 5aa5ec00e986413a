package dev.socknotes.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class SequenceDiagramTest {
    private static final String OUTPUT = """
            before
            client → server  [S]   seq 0
            server → client  [S.]  seq 0  ack 1
            client → server  [P.]  seq 1  ack 1  len 6
            server → client  [R.]  seq 1  ack 7
            between
            client → server  [F.]  seq 7  ack 1
            """;

    @Test
    void drawsOneDiagramPerRunOfPacketLinesWithOneArrowPerPacket() {
        Document svg = Jsoup.parse(SequenceDiagram.render(OUTPUT, "client", "server", "caption"), "", Parser.xmlParser());
        assertThat(svg.select("svg")).hasSize(2);
        assertThat(svg.select("svg").get(0).select("g.seq-packet")).hasSize(4);
        assertThat(svg.select("svg").get(1).select("g.seq-packet")).hasSize(1);
        assertThat(svg.select("g.seq-rst text").text()).isEqualTo("[R.] seq 1 ack 7");
        assertThat(svg.select("g.seq-fin")).hasSize(1);
        assertThat(svg.select("g.seq-data text").text()).isEqualTo("[P.] seq 1 ack 1 len 6");
    }

    @Test
    void arrowsPointFromSenderToReceiver() {
        Document svg = Jsoup.parse(SequenceDiagram.render(OUTPUT, "c", "s", "x"), "", Parser.xmlParser());
        var first = svg.selectFirst("g.seq-syn line");
        var reply = svg.select("g.seq-syn line").get(1);
        assertThat(Integer.parseInt(first.attr("x1"))).isLessThan(Integer.parseInt(first.attr("x2")));
        assertThat(Integer.parseInt(reply.attr("x1"))).isGreaterThan(Integer.parseInt(reply.attr("x2")));
    }

    @Test
    void outputWithoutPacketsDrawsNothingAndNamesAreEscaped() {
        assertThat(SequenceDiagram.render("hello\nworld\n", "c", "s", "x")).isEmpty();
        assertThat(SequenceDiagram.render(OUTPUT, "<c>", "s", "a \"b\"")).contains("&lt;c&gt;").doesNotContain("<c>")
                .contains("aria-label=\"a &quot;b&quot;\"");
    }

    @Test
    void controlCaptureLinesAreLabelledWithWhatTheyAcknowledge() {
        String output = """
                server → client  [FP.]
                client → server  [.]    acks server's FIN
                """;
        Document svg = Jsoup.parse(SequenceDiagram.render(output, "c", "s", "x"), "", Parser.xmlParser());
        assertThat(svg.select("g.seq-fin text").text()).isEqualTo("[FP.]");
        assertThat(svg.select("g.seq-ack text").text()).isEqualTo("[.] acks server's FIN");
    }
}
