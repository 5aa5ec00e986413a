package dev.socknotes.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import dev.socknotes.internal.DisplayText;
import dev.socknotes.support.PacketLine;

/**
 * Draws the packets a snippet printed (the lines of {@code Capture.print}, read with {@link PacketLine#parse}) as a sequence diagram:
 * two lifelines, one arrow per packet, the line's flags and numbers (or, for a control-only
 * capture, what the packet acknowledges) on the arrow. Drawn from the
 * verified output text, so the picture can never disagree with the output next to it. Inline SVG
 * with {@code currentColor} and CSS classes, so it follows the theme and needs nothing loaded.
 */
public final class SequenceDiagram {
    private static final int WIDTH = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = WIDTH - 70;
    private static final int TOP = 34;
    private static final int ROW = 30;
    private static final int DROP = 12;

    /** One arrow. */
    record Arrow(boolean fromClient, String flags, String label) {}

    private SequenceDiagram() {}

    /**
     * The runs of consecutive packet lines in an output, each a separate exchange; lines that are
     * not packets end a run.
     */
    static List<List<Arrow>> exchanges(String output) {
        List<List<Arrow>> out = new ArrayList<>();
        List<Arrow> current = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Optional<PacketLine> packet = PacketLine.parse(line);
            if (packet.isPresent()) {
                PacketLine p = packet.get();
                String detail = p.detail();
                current.add(new Arrow(p.fromClient(), p.flags(), "[" + p.flags() + "]" + (detail.isEmpty() ? "" : " " + detail)));
            } else if (!current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /** SVG for every exchange in the output, or "" when it printed no packets. */
    public static String render(String output, String clientName, String serverName, String caption) {
        StringBuilder sb = new StringBuilder();
        for (List<Arrow> exchange : exchanges(output)) {
            sb.append(svg(exchange, clientName, serverName, caption));
        }
        return sb.toString();
    }

    private static String svg(List<Arrow> arrows, String clientName, String serverName, String caption) {
        int height = TOP + arrows.size() * ROW + 16;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"seq-diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(SnippetHtml.escape(caption)).append("\">");
        sb.append("<title>").append(SnippetHtml.escape(caption)).append("</title>");
        sb.append(text(LEFT, 16, "seq-role", clientName)).append(text(RIGHT, 16, "seq-role", serverName));
        sb.append(line(LEFT, TOP - 10, LEFT, height - 6, "seq-life")).append(line(RIGHT, TOP - 10, RIGHT, height - 6, "seq-life"));
        for (int i = 0; i < arrows.size(); i++) {
            Arrow a = arrows.get(i);
            int y0 = TOP + i * ROW + 4;
            int y1 = y0 + DROP;
            int x0 = a.fromClient() ? LEFT : RIGHT;
            int x1 = a.fromClient() ? RIGHT : LEFT;
            String kind = kind(a.flags());
            sb.append("<g class=\"seq-packet ").append(kind).append("\">");
            sb.append(line(x0, y0, x1, y1, "seq-arrow"));
            int dir = a.fromClient() ? -1 : 1; // arrowhead points back along the arrow
            sb.append(String.format(Locale.ROOT, "<polygon class=\"seq-head\" points=\"%d,%d %d,%d %d,%d\"/>",
                    x1, y1, x1 + dir * 9, y1 - 5, x1 + dir * 8, y1 + 3));
            sb.append(text((LEFT + RIGHT) / 2, y0 + DROP / 2 - 4, "seq-label", a.label()));
            sb.append("</g>");
        }
        return sb.append("</svg>").toString();
    }

    private static String kind(String flags) {
        if (flags.contains("R")) {
            return "seq-rst";
        }
        if (flags.contains("F")) {
            return "seq-fin";
        }
        if (flags.contains("S")) {
            return "seq-syn";
        }
        return flags.contains("P") ? "seq-data" : "seq-ack";
    }

    private static String line(int x0, int y0, int x1, int y1, String cls) {
        return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", cls, x0, y0, x1, y1);
    }

    private static String text(int x, int y, String cls, String s) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                cls, x, y, SnippetHtml.escape(DisplayText.safe(s)));
    }
}
