package dev.socknotes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A connection's TCP state as the kernel reports it in {@code /proc/net/tcp} and
 * {@code /proc/net/tcp6} (Java sockets are dual-stack and show up in the latter).
 */
public final class TcpState {
    private static final String[] NAMES = {"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
            "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV"};

    private TcpState() {}

    /**
     * One line of /proc/net/tcp[6].
     *
     * @param sendQueue bytes sent but not yet acknowledged (for LISTEN: the backlog)
     * @param recvQueue bytes received but not yet read by the program
     */
    public record Entry(int localPort, int remotePort, String state, long sendQueue, long recvQueue, long inode) {}

    /** Every TCP socket of this network namespace. */
    public static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                int remote = Integer.parseInt(f[2].substring(f[2].indexOf(':') + 1), 16);
                int st = Integer.parseInt(f[3], 16);
                String[] queues = f[4].split(":");
                out.add(new Entry(local, remote, st < NAMES.length ? NAMES[st] : "?" + st,
                        Long.parseLong(queues[0], 16), Long.parseLong(queues[1], 16), Long.parseLong(f[9])));
            }
        }
        return out;
    }

    /** The socket with this local and remote port, if the kernel still has it. */
    public static Optional<Entry> find(int localPort, int remotePort) {
        return all().stream().filter(e -> e.localPort() == localPort && e.remotePort() == remotePort).findFirst();
    }

    /** The state name, or "(gone)" when the kernel no longer has this connection. */
    public static String describe(int localPort, int remotePort) {
        return find(localPort, remotePort).map(Entry::state).orElse("(gone)");
    }

    /** State of a Java socket's connection, looked up by its ports. */
    public static String of(Socket s) {
        return describe(s.getLocalPort(), s.getPort());
    }

    /** State of a raw connected descriptor. */
    public static String ofFd(int fd) {
        return describe(Libc.localPort(fd), Libc.peerPort(fd));
    }

    /**
     * Waits until the connection is in {@code state} ("(gone)" waits for it to disappear), polling
     * /proc; true if it got there within {@code max}. Loopback is fast but not instantaneous.
     */
    public static boolean await(int localPort, int remotePort, String state, Duration max) {
        return Waits.until(max, () -> describe(localPort, remotePort).equals(state));
    }

    /** Waits for a state and returns the state seen at the end: {@code state} itself, or whatever it was at the deadline. */
    public static String awaitAndDescribe(int localPort, int remotePort, String state, Duration max) {
        await(localPort, remotePort, state, max);
        return describe(localPort, remotePort);
    }

    /**
     * Waits until the connection's receive queue holds at least {@code bytes} unread bytes (so a
     * snippet knows its data arrived before it acts); returns the queue length seen at the end.
     */
    public static long awaitReceiveQueue(int localPort, int remotePort, long bytes, Duration max) {
        long[] queued = {-1};
        Waits.until(max, () -> (queued[0] = find(localPort, remotePort).map(Entry::recvQueue).orElse(-1L)) >= bytes);
        return queued[0];
    }

    /**
     * Waits until this end of the connection has nothing unacknowledged: every byte it sent, and
     * its FIN if it sent one (a FIN counts in the send queue until acknowledged), has been ACKed
     * by the peer, or the kernel no longer has the socket. True if so within {@code max}.
     */
    public static boolean awaitAcknowledged(int localPort, int remotePort, Duration max) {
        return Waits.until(max, () -> find(localPort, remotePort).map(e -> e.sendQueue() == 0).orElse(true));
    }
}
