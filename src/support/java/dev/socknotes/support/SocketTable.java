package dev.socknotes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ss} (iproute2) prints about TCP sockets, kept to the rows of a demonstration's ports
 * and printed in a form that is the same on every run: ports named by role, ports nobody named
 * (the ephemeral ones) as {@code *}, this JVM's pid as {@code self}, descriptor numbers and timer
 * values as {@code …}, and the rows sorted. {@code ss} lists sockets in hash-table order and picks
 * ports and column widths of its own, which would otherwise change from run to run.
 *
 * <pre>{@code
 * SocketTable.ss("-tanp").port(8080, "server").print();
 * }</pre>
 *
 * <p>The snippet's sandbox is its own network namespace, so {@code ss} sees only the snippet's
 * sockets; {@code -p} finds their owner through {@code /proc/PID/fd}.
 */
public final class SocketTable {
    private static final Pattern ADDRESS_PORT = Pattern.compile("^(.*):(\\d+|\\*)$");
    private static final Pattern OWN_PID = Pattern.compile("pid=(\\d+)");
    private static final Pattern FD = Pattern.compile("fd=\\d+");
    private static final Pattern TIMER = Pattern.compile("timer:\\((\\w+),[^)]*\\)");

    private final List<Row> rows;
    private final Map<Integer, String> names = new LinkedHashMap<>();

    private SocketTable(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * One socket as {@code ss} listed it.
     *
     * @param state as ss names it ({@code CLOSE-WAIT}, {@code ESTAB}, …); empty when ss was asked
     *              for one state and printed no State column
     * @param rest what follows the peer address: the process ({@code -p}), the timer ({@code -o})
     */
    public record Row(String state, long recvQ, long sendQ, String localAddress, int localPort,
                      String peerAddress, int peerPort, String rest) {}

    /** Runs {@code ss} with these arguments (e.g. {@code "-tanp"}) and parses what it prints. */
    public static SocketTable ss(String... arguments) {
        List<String> command = new ArrayList<>(List.of("ss", "-H"));
        command.addAll(List.of(arguments));
        String output;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running ss", e);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : output.strip().lines().filter(l -> !l.isBlank()).toList()) {
            // with a state filter ("state close-wait") ss leaves the State column out
            boolean stateColumn = !line.trim().matches("\\d.*");
            String[] f = line.trim().split("\\s+", stateColumn ? 6 : 5);
            rows.add(parse(stateColumn ? f : prepend("", f), line));
        }
        return new SocketTable(rows);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Row parse(String[] f, String line) {
        if (f.length < 5) {
            throw new IllegalStateException("ss printed a line this class cannot read: " + line);
        }
        Matcher local = ADDRESS_PORT.matcher(f[3]);
        Matcher peer = ADDRESS_PORT.matcher(f[4]);
        if (!local.matches() || !peer.matches()) {
            throw new IllegalStateException("ss printed an address this class cannot read: " + line);
        }
        return new Row(f[0], Long.parseLong(f[1]), Long.parseLong(f[2]), local.group(1), port(local.group(2)),
                peer.group(1), port(peer.group(2)), f.length > 5 ? f[5] : "");
    }

    private static int port(String text) {
        return text.equals("*") ? 0 : Integer.parseInt(text);
    }

    /** Keeps the rows that have this port at either end, and prints it as {@code name}. */
    public SocketTable port(int port, String name) {
        names.put(port, name);
        return this;
    }

    /** The rows kept: those with a named port at either end (all rows if no port was named). */
    public List<Row> rows() {
        return rows.stream().filter(r -> names.isEmpty() || names.containsKey(r.localPort()) || names.containsKey(r.peerPort())).toList();
    }

    /** The kept rows, normalised, sorted, in columns (the State column only if ss printed one). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Row r : rows()) {
            out.add(line(r.state(), Long.toString(r.recvQ()), Long.toString(r.sendQ()),
                    endpoint(r.localAddress(), r.localPort()), endpoint(r.peerAddress(), r.peerPort()), normalised(r.rest())));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Prints a header and the kept rows. */
    public void print() {
        boolean stateColumn = rows().stream().anyMatch(r -> !r.state().isEmpty()) || rows().isEmpty();
        System.out.println(line(stateColumn ? "State" : "", "Recv-Q", "Send-Q", "Local", "Peer", ""));
        lines().forEach(System.out::println);
    }

    private static String line(String state, String recvQ, String sendQ, String local, String peer, String rest) {
        String columns = String.format("%6s %6s  %-24s %-24s %s", recvQ, sendQ, local, peer, rest);
        return (state.isEmpty() ? columns : String.format("%-11s ", state) + columns).stripTrailing();
    }

    private String endpoint(String address, int port) {
        return address + ":" + (port == 0 ? "*" : names.getOrDefault(port, "*"));
    }

    private static String normalised(String rest) {
        String self = Long.toString(ProcessHandle.current().pid());
        Matcher pid = OWN_PID.matcher(rest);
        StringBuilder sb = new StringBuilder();
        while (pid.find()) {
            pid.appendReplacement(sb, pid.group(1).equals(self) ? "pid=self" : "pid=…");
        }
        pid.appendTail(sb);
        return TIMER.matcher(FD.matcher(sb.toString()).replaceAll("fd=…")).replaceAll("timer:($1,…)");
    }
}
