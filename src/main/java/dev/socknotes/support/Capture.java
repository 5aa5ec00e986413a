package dev.socknotes.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Captures the TCP packets on the loopback interface with an {@code AF_PACKET} socket, and prints
 * one connection's packets in a stable form: direction named by role, flags as tcpdump writes
 * them, sequence and acknowledgement numbers relative to each side's initial sequence number,
 * payload length. Ports, absolute sequence numbers and times are left out, so the same exchange
 * prints the same on every run.
 *
 * <p>Opening the socket needs {@code CAP_NET_RAW}: snippet agents have it inside their sandbox
 * (their own user and network namespace). The kernel queues each packet in the capture socket's
 * receive queue as it crosses {@code lo}, so no reader thread is needed: {@link #stop} drains the
 * queue, and fails if the kernel had to drop packets.
 *
 * <pre>{@code
 * var capture = Capture.start();
 * var pair = Loopback.rawPair();          // the handshake is captured too
 * ...
 * capture.print(pair);
 * }</pre>
 */
public final class Capture implements AutoCloseable {
    static final int AF_PACKET = 17;
    static final int SOCK_RAW = 3;
    static final int ETH_P_ALL = 0x0003;
    static final int SOL_PACKET = 263;
    static final int PACKET_STATISTICS = 6;
    static final int PACKET_OUTGOING = 4;
    static final long SIOCGSTAMPNS = 0x8907;
    static final int EAGAIN = 11;
    private static final int SNAPLEN = 256; // headers are all we print; the payload length comes from the IP header

    private static final MethodHandle IF_NAMETOINDEX = java.lang.foreign.Linker.nativeLinker().downcallHandle(
            java.lang.foreign.Linker.nativeLinker().defaultLookup().find("if_nametoindex").orElseThrow(),
            java.lang.foreign.FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle RECVFROM = Libc.fn("recvfrom", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle BIND = Libc.fn("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKOPT = Libc.fn("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle IOCTL = Libc.variadic("ioctl", JAVA_INT, 2, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle POLL = Libc.fn("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final short POLLIN = 1;
    /** A packet still crossing lo when the snippet stops the capture arrives within microseconds. */
    private static final int SETTLE_MILLIS = 20;

    private final int fd;
    private final List<Packet> packets = new ArrayList<>();
    private boolean stopped;

    private Capture(int fd) {
        this.fd = fd;
    }

    /** One TCP segment as captured. {@code kernelNanos} is the kernel's receive timestamp. */
    public record Packet(int sourcePort, int destinationPort, long seq, long ack, int flags, int payloadLength,
                         long kernelNanos) {
        public static final int FIN = 0x01;
        public static final int SYN = 0x02;
        public static final int RST = 0x04;
        public static final int PSH = 0x08;
        public static final int ACK = 0x10;
        public static final int URG = 0x20;

        public boolean has(int flag) {
            return (flags & flag) != 0;
        }

        /** tcpdump's notation: {@code S}, {@code S.}, {@code P.}, {@code F.}, {@code R}, … */
        public String flagText() {
            StringBuilder sb = new StringBuilder();
            if (has(FIN)) sb.append('F');
            if (has(SYN)) sb.append('S');
            if (has(RST)) sb.append('R');
            if (has(PSH)) sb.append('P');
            if (has(URG)) sb.append('U');
            if (has(ACK)) sb.append('.');
            return sb.toString();
        }
    }

    /** Starts capturing on {@code lo}; throws with the errno when this process may not (no CAP_NET_RAW). */
    public static Capture start() {
        Ret socket = Libc.socket(AF_PACKET, SOCK_RAW, Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ALL)));
        if (!socket.ok()) {
            throw new IllegalStateException("cannot capture packets: socket(AF_PACKET) = " + socket
                    + "; capturing needs CAP_NET_RAW, which snippets have inside the build's sandbox");
        }
        int fd = socket.intValue();
        try (Arena arena = Arena.ofConfined()) {
            int lo = (int) IF_NAMETOINDEX.invokeExact(arena.allocateFrom("lo"));
            MemorySegment sll = arena.allocate(20); // struct sockaddr_ll
            sll.set(JAVA_SHORT, 0, (short) AF_PACKET);
            sll.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) ETH_P_ALL);
            sll.set(JAVA_INT, 4, lo);
            Ret bound = Libc.call(BIND, fd, sll, 20);
            if (!bound.ok()) {
                Libc.close(fd);
                throw new IllegalStateException("cannot capture packets: bind(lo) = " + bound);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable t) {
            Libc.close(fd);
            throw new IllegalStateException("cannot capture packets", t);
        }
        Libc.setsockopt(fd, Libc.SOL_SOCKET, Libc.SO_RCVBUF, 4 << 20); // the kernel caps it at rmem_max
        return new Capture(fd);
    }

    /**
     * Stops capturing and returns every TCP packet seen, in the order the kernel queued them.
     * Call it after the snippet has observed the effect of the last packet it wants shown (a
     * state from {@link TcpState#await}, a read that returned): by then that packet is queued.
     */
    public List<Packet> stop() {
        if (!stopped) {
            stopped = true;
            try {
                drain();
                // The last packet a snippet waits for can wake it a moment before the packet the
                // kernel sends in reply (an ACK) has crossed lo: keep draining until lo is quiet.
                while (readable(SETTLE_MILLIS)) {
                    drain();
                }
                long drops = drops();
                if (drops > 0) {
                    throw new IllegalStateException("the capture lost " + drops + " packets (receive queue full)");
                }
            } finally {
                Libc.close(fd);
            }
        }
        return List.copyOf(packets);
    }

    /** The packets of one connection, between these two ports (either direction). */
    public List<Packet> between(int clientPort, int serverPort) {
        return stop().stream()
                .filter(p -> (p.sourcePort() == clientPort && p.destinationPort() == serverPort)
                        || (p.sourcePort() == serverPort && p.destinationPort() == clientPort))
                .toList();
    }

    /** The connection's packets as printed lines: {@code client → server  [P.]  seq 1  ack 1  len 5}. */
    public List<String> lines(int clientPort, int serverPort) {
        return format(between(clientPort, serverPort), clientPort);
    }

    public void print(Loopback.RawPair pair) {
        print(pair.clientPort(), pair.serverPort());
    }

    public void print(Loopback.JavaPair pair) {
        print(pair.clientPort(), pair.serverPort());
    }

    public void print(int clientPort, int serverPort) {
        lines(clientPort, serverPort).forEach(System.out::println);
    }

    /**
     * Formats packets with roles and relative numbers. Each side's base is the sequence number of
     * its SYN when that was captured (so data starts at 1, as in tcpdump), else its first packet.
     */
    static List<String> format(List<Packet> packets, int clientPort) {
        Map<Boolean, Long> base = new HashMap<>();
        for (Packet p : packets) {
            boolean fromClient = p.sourcePort() == clientPort;
            base.putIfAbsent(fromClient, p.seq());
        }
        List<String> out = new ArrayList<>();
        for (Packet p : packets) {
            boolean fromClient = p.sourcePort() == clientPort;
            String direction = fromClient ? "client → server" : "server → client";
            StringBuilder line = new StringBuilder(direction).append("  ")
                    .append(String.format("%-5s", "[" + p.flagText() + "]"))
                    .append(" seq ").append(relative(p.seq(), base.get(fromClient)));
            if (p.has(Packet.ACK) && base.containsKey(!fromClient)) {
                line.append("  ack ").append(relative(p.ack(), base.get(!fromClient)));
            }
            if (p.payloadLength() > 0) {
                line.append("  len ").append(p.payloadLength());
            }
            out.add(line.toString());
        }
        return out;
    }

    private static long relative(long value, long base) {
        return (value - base) & 0xffffffffL;
    }

    private void drain() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(SNAPLEN);
            MemorySegment sll = arena.allocate(20);
            MemorySegment sllLen = arena.allocate(JAVA_INT);
            MemorySegment stamp = arena.allocate(16);
            while (true) {
                sllLen.set(JAVA_INT, 0, 20);
                Ret r = Libc.call(RECVFROM, fd, buf, (long) SNAPLEN, Libc.MSG_DONTWAIT, sll, sllLen);
                if (!r.ok()) {
                    if (r.errno() == EAGAIN) {
                        return;
                    }
                    throw new IllegalStateException("reading the capture: " + r);
                }
                if (Byte.toUnsignedInt(sll.get(JAVA_BYTE, 10)) == PACKET_OUTGOING) {
                    continue; // on lo every packet is seen leaving and arriving; keep the arrival
                }
                Libc.call(IOCTL, fd, SIOCGSTAMPNS, stamp);
                long nanos = stamp.get(JAVA_LONG, 0) * 1_000_000_000L + stamp.get(JAVA_LONG, 8);
                byte[] frame = buf.asSlice(0, Math.min(r.value(), SNAPLEN)).toArray(JAVA_BYTE);
                parse(frame, nanos).ifPresent(packets::add);
            }
        }
    }

    private boolean readable(int timeoutMillis) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(8); // struct pollfd { int fd; short events; short revents; }
            pollfd.set(JAVA_INT, 0, fd);
            pollfd.set(JAVA_SHORT, 4, POLLIN);
            Ret r = Libc.call(POLL, pollfd, 1L, timeoutMillis);
            return r.ok() && r.value() > 0;
        }
    }

    /** Ethernet (all zeros on lo), then IPv4 or IPv6, then TCP; anything else is skipped. */
    static java.util.Optional<Packet> parse(byte[] frame, long nanos) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.BIG_ENDIAN);
        if (frame.length < 14) {
            return java.util.Optional.empty();
        }
        int etherType = Short.toUnsignedInt(b.getShort(12));
        int ip = 14;
        int tcp;
        int tcpAndPayload;
        if (etherType == 0x0800 && frame.length >= ip + 20) {
            int headerLength = (frame[ip] & 0x0f) * 4;
            if (frame[ip + 9] != 6) {
                return java.util.Optional.empty();
            }
            tcp = ip + headerLength;
            tcpAndPayload = Short.toUnsignedInt(b.getShort(ip + 2)) - headerLength;
        } else if (etherType == 0x86DD && frame.length >= ip + 40) {
            if (frame[ip + 6] != 6) {
                return java.util.Optional.empty(); // extension headers do not occur on our loopback
            }
            tcp = ip + 40;
            tcpAndPayload = Short.toUnsignedInt(b.getShort(ip + 4));
        } else {
            return java.util.Optional.empty();
        }
        if (frame.length < tcp + 20) {
            return java.util.Optional.empty();
        }
        int dataOffset = ((frame[tcp + 12] >> 4) & 0x0f) * 4;
        return java.util.Optional.of(new Packet(Short.toUnsignedInt(b.getShort(tcp)), Short.toUnsignedInt(b.getShort(tcp + 2)),
                Integer.toUnsignedLong(b.getInt(tcp + 4)), Integer.toUnsignedLong(b.getInt(tcp + 8)),
                frame[tcp + 13] & 0x3f, tcpAndPayload - dataOffset, nanos));
    }

    /** {@code PACKET_STATISTICS}: packets the kernel dropped because the queue was full. */
    private long drops() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment stats = arena.allocate(8); // struct tpacket_stats { unsigned tp_packets, tp_drops; }
            MemorySegment len = arena.allocateFrom(JAVA_INT, 8);
            Ret r = Libc.call(GETSOCKOPT, fd, SOL_PACKET, PACKET_STATISTICS, stats, len);
            return r.ok() ? Integer.toUnsignedLong(stats.get(JAVA_INT, 4)) : 0;
        }
    }

    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            Libc.close(fd);
        }
    }
}
