package dev.socknotes.support;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One captured segment as {@link Capture} prints it, and the one place that knows that text:
 * {@link #format} writes it and {@link #parse} reads it back (the site's sequence diagrams are drawn
 * from the parsed lines of a verified output), and each is the other's inverse.
 *
 * <p>Two forms. A full capture names the numbers:
 * {@code client → server  [P.]  seq 1  ack 1  len 5} (sequence and acknowledgement numbers relative
 * to each side's first sequence number; {@code ack} only when the segment carries one and the other
 * side's base is known, {@code len} only with a payload). A control-only capture names, instead of
 * numbers, which of the other side's SYN or FIN the segment is the first to acknowledge:
 * {@code server → client  [.]    acks client's FIN} (or nothing: {@code client → server  [R]}).
 *
 * @param fromClient   whether the client sent it
 * @param flags        tcpdump's flag letters ({@code S F R P U}, {@code .} for ACK)
 * @param seq          relative sequence number (full form), or empty (control form)
 * @param ack          relative acknowledgement number, or empty
 * @param length       payload bytes (full form; 0 prints nothing)
 * @param acknowledges control form: e.g. {@code "acks server's FIN"}, in order
 */
public record PacketLine(boolean fromClient, String flags, OptionalLong seq, OptionalLong ack, int length,
                         List<String> acknowledges) {

    private static final Pattern LINE = Pattern.compile(
            "(client|server) → (client|server) {2}\\[([FSRPU.]*)\\](?: +(\\S.*))?");
    private static final Pattern NUMBERS = Pattern.compile("seq (\\d+)(?: {2}ack (\\d+))?(?: {2}len (\\d+))?");
    private static final Pattern ACKNOWLEDGES = Pattern.compile("acks (client|server)'s (SYN|FIN)");

    public PacketLine {
        acknowledges = List.copyOf(acknowledges);
        if (seq.isEmpty() && (ack.isPresent() || length != 0)) {
            throw new IllegalArgumentException("ack and len belong to the full form, which has a seq");
        }
        if (seq.isPresent() && !acknowledges.isEmpty()) {
            throw new IllegalArgumentException("the full form names numbers, not what is acknowledged");
        }
    }

    /** A segment of a full capture. */
    public static PacketLine numbered(boolean fromClient, String flags, long seq, OptionalLong ack, int length) {
        return new PacketLine(fromClient, flags, OptionalLong.of(seq), ack, length, List.of());
    }

    /** A segment of a control-only capture. */
    public static PacketLine control(boolean fromClient, String flags, List<String> acknowledges) {
        return new PacketLine(fromClient, flags, OptionalLong.empty(), OptionalLong.empty(), 0, acknowledges);
    }

    /** The printed line. */
    public String format() {
        StringBuilder line = new StringBuilder(fromClient ? "client → server" : "server → client").append("  ")
                .append(String.format("%-5s", "[" + flags + "]"));
        if (seq.isPresent()) {
            line.append(" seq ").append(seq.getAsLong());
            ack.ifPresent(a -> line.append("  ack ").append(a));
            if (length > 0) {
                line.append("  len ").append(length);
            }
            return line.toString();
        }
        if (!acknowledges.isEmpty()) {
            line.append("  ").append(String.join(", ", acknowledges));
        }
        return line.toString().stripTrailing();
    }

    /** What follows the flags, with single spaces: {@code seq 1 ack 1 len 5}, or the acknowledged controls. */
    public String detail() {
        if (seq.isEmpty()) {
            return String.join(", ", acknowledges);
        }
        StringBuilder sb = new StringBuilder("seq ").append(seq.getAsLong());
        ack.ifPresent(a -> sb.append(" ack ").append(a));
        if (length > 0) {
            sb.append(" len ").append(length);
        }
        return sb.toString();
    }

    /**
     * The segment a printed line describes (surrounding whitespace ignored), or empty when the line
     * is not one that {@link #format} writes.
     */
    public static Optional<PacketLine> parse(String text) {
        Matcher m = LINE.matcher(text.strip());
        if (!m.matches() || m.group(1).equals(m.group(2))) {
            return Optional.empty();
        }
        boolean fromClient = m.group(1).equals("client");
        String flags = m.group(3);
        String rest = m.group(4);
        if (rest == null) {
            return Optional.of(control(fromClient, flags, List.of()));
        }
        Matcher numbers = NUMBERS.matcher(rest);
        if (numbers.matches()) {
            OptionalLong ack = numbers.group(2) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(numbers.group(2)));
            int length = numbers.group(3) == null ? 0 : Integer.parseInt(numbers.group(3));
            return Optional.of(numbered(fromClient, flags, Long.parseLong(numbers.group(1)), ack, length));
        }
        List<String> acks = List.of(rest.split(", "));
        if (acks.stream().allMatch(a -> ACKNOWLEDGES.matcher(a).matches())) {
            return Optional.of(control(fromClient, flags, acks));
        }
        return Optional.empty();
    }
}
