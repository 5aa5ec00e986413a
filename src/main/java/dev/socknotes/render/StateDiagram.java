package dev.socknotes.render;

import static dev.socknotes.render.StateDiagram.ClosingState.CLOSED;
import static dev.socknotes.render.StateDiagram.ClosingState.CLOSE_WAIT;
import static dev.socknotes.render.StateDiagram.ClosingState.CLOSING;
import static dev.socknotes.render.StateDiagram.ClosingState.ESTABLISHED;
import static dev.socknotes.render.StateDiagram.ClosingState.FIN_WAIT1;
import static dev.socknotes.render.StateDiagram.ClosingState.FIN_WAIT2;
import static dev.socknotes.render.StateDiagram.ClosingState.LAST_ACK;
import static dev.socknotes.render.StateDiagram.ClosingState.TIME_WAIT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closing half of the TCP state machine (RFC 9293, Linux's names), drawn at build time as SVG.
 * States that the page's verified outputs printed are highlighted, so the picture shows what this
 * build actually observed. Written into a page with a fenced block {@code ```diagram tcp-states```}.
 */
public final class StateDiagram {
    /** The states of the closing half, Linux's names, each at its place in the drawing. */
    enum ClosingState {
        ESTABLISHED(300, 30),
        FIN_WAIT1(150, 130), CLOSE_WAIT(470, 130),
        FIN_WAIT2(60, 240), CLOSING(240, 240), LAST_ACK(470, 240),
        TIME_WAIT(150, 350), CLOSED(470, 350);

        final int x;
        final int y;

        ClosingState(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    /** A state named in an output; a socket printed as "(gone)" is CLOSED (the kernel lists no CLOSED sockets). */
    private static final Pattern STATE = Pattern.compile("\\b(" + String.join("|", Arrays.stream(ClosingState.values())
            .filter(st -> st != ClosingState.CLOSED).map(Enum::name).toList()) + ")\\b|\\(gone\\)");

    private record Edge(ClosingState from, ClosingState to, String label, int labelDx, int labelDy) {}

    private static final int W = 140;
    private static final int H = 34;
    private static final List<Edge> EDGES = List.of(
            new Edge(ESTABLISHED, FIN_WAIT1, "close() / shutdown(WR) → FIN", -80, -4),
            new Edge(ESTABLISHED, CLOSE_WAIT, "← FIN, → ACK", 50, -4),
            new Edge(FIN_WAIT1, FIN_WAIT2, "← ACK", -38, 0),
            new Edge(FIN_WAIT1, CLOSING, "← FIN, → ACK", 52, 0),
            new Edge(CLOSE_WAIT, LAST_ACK, "close() → FIN", -46, 0),
            new Edge(FIN_WAIT2, TIME_WAIT, "← FIN, → ACK", -50, 0),
            new Edge(CLOSING, TIME_WAIT, "← ACK", 34, 0),
            new Edge(LAST_ACK, CLOSED, "← ACK", 36, 0),
            new Edge(TIME_WAIT, CLOSED, "2MSL: 60 s on Linux", 0, -8));

    private StateDiagram() {}

    /** The states named in these outputs; "(gone)" counts as CLOSED. */
    static Set<ClosingState> observed(List<String> outputs) {
        Set<ClosingState> out = EnumSet.noneOf(ClosingState.class);
        for (String o : outputs) {
            Matcher m = STATE.matcher(o);
            while (m.find()) {
                out.add(m.group(1) == null ? CLOSED : ClosingState.valueOf(m.group(1)));
            }
        }
        return out;
    }

    /** The diagram, highlighting the states the outputs show; the legend text comes from the UI strings. */
    public static String render(List<String> outputs, String caption, String legendObserved) {
        Set<ClosingState> seen = observed(outputs);
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"state-diagram\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 620 410\" role=\"img\" aria-label=\"")
                .append(SnippetHtml.escape(caption)).append("\"><title>").append(SnippetHtml.escape(caption)).append("</title>");
        for (Edge e : EDGES) {
            ClosingState a = e.from();
            ClosingState b = e.to();
            int x1 = a.x + W / 2;
            int y1 = a.y + H;
            int x2 = b.x + W / 2;
            int y2 = b.y;
            if (a.y == b.y) { // same row: side to side
                x1 = a.x + (b.x > a.x ? W : 0);
                x2 = b.x + (b.x > a.x ? 0 : W);
                y1 = y2 = a.y + H / 2;
            }
            sb.append(String.format(Locale.ROOT, "<line class=\"st-edge\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", x1, y1, x2, y2));
            sb.append(arrowHead(x1, y1, x2, y2));
            sb.append(String.format(Locale.ROOT, "<text class=\"st-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    (x1 + x2) / 2 + e.labelDx(), (y1 + y2) / 2 + e.labelDy(), SnippetHtml.escape(e.label())));
        }
        for (ClosingState n : ClosingState.values()) {
            boolean hit = seen.contains(n);
            sb.append("<g class=\"st-node").append(hit ? " st-observed" : "").append("\">");
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\"/>", n.x, n.y, W, H));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s%s</text>",
                    n.x + W / 2, n.y + H / 2 + 4, n.name(), hit ? " ✔" : ""));
            sb.append("</g>");
        }
        sb.append("</svg><figcaption>").append(SnippetHtml.escape(caption)).append(" ")
                .append(SnippetHtml.escape(legendObserved)).append("</figcaption></figure>");
        return sb.toString();
    }

    private static String arrowHead(int x1, int y1, int x2, int y2) {
        double angle = Math.atan2(y2 - y1, x2 - x1);
        double len = 9;
        double spread = Math.toRadians(25);
        return String.format(Locale.ROOT, "<polygon class=\"st-head\" points=\"%d,%d %.1f,%.1f %.1f,%.1f\"/>", x2, y2,
                x2 - len * Math.cos(angle - spread), y2 - len * Math.sin(angle - spread),
                x2 - len * Math.cos(angle + spread), y2 - len * Math.sin(angle + spread));
    }
}
