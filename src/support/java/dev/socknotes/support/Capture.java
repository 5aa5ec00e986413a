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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

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
    private static final MethodHandle SETSOCKOPT = Libc.fn("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKOPT = Libc.fn("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle IOCTL = Libc.variadic("ioctl", JAVA_INT, 2, JAVA_INT, JAVA_LONG, ADDRESS);
    private static final MethodHandle POLL = Libc.fn("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final short POLLIN = 1;
    /** A packet still crossing lo when the snippet stops the capture arrives within microseconds. */
    private static final int SETTLE_MILLIS = 20;
    /**
     * How long {@link #stop} waits for the captured connections to have nothing unacknowledged. A
     * delayed ACK comes within 200 ms (TCP_DELACK_MAX); a connection held by a zero window never
     * gets there, and is printed as it stands after this bound.
     */
    private static final java.time.Duration QUIET_MAX = java.time.Duration.ofSeconds(3);

    static final int SO_ATTACH_FILTER = 26;

    private final int fd;
    private final boolean controlOnly;
    private final List<Packet> packets = new ArrayList<>();
    private boolean stopped;

    private Capture(int fd, boolean controlOnly) {
        this.fd = fd;
        this.controlOnly = controlOnly;
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
        return open(false);
    }

    /**
     * Starts a capture of the segments that open, close or reset a connection: those with SYN, FIN
     * or RST, and the first acknowledgement of each SYN and FIN. For demonstrations that move
     * megabytes, where how many data segments, acknowledgements and window updates cross lo varies
     * from run to run: the kernel drops the segments that only carry data before they reach the
     * capture's queue (a socket filter), so the queue stays small however much is sent, and the
     * printed listing keeps only what cannot vary.
     * Its lines carry no sequence numbers (they would count the bulk data); each names what it is
     * the first to acknowledge: {@code client → server  [.]    acks server's FIN}.
     */
    public static Capture startControl() {
        return open(true);
    }

    private static Capture open(boolean controlOnly) {
        Ret socket = Libc.socket(AF_PACKET, SOCK_RAW, Short.toUnsignedInt(Short.reverseBytes((short) ETH_P_ALL)));
        if (!socket.ok()) {
            throw new IllegalStateException("cannot capture packets: socket(AF_PACKET) = " + socket
                    + "; capturing needs CAP_NET_RAW, which snippets have inside the build's sandbox");
        }
        int fd = socket.intValue();
        try (Arena arena = Arena.ofConfined()) {
            if (controlOnly) {
                attach(fd, ControlFilter.PROGRAM, arena);
            }
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
        return new Capture(fd, controlOnly);
    }

    /** {@code SO_ATTACH_FILTER}: a classic BPF program the kernel runs on each packet before queueing it. */
    private static void attach(int fd, int[][] program, Arena arena) {
        MemorySegment filter = arena.allocate(8L * program.length, 8); // struct sock_filter { u16 code; u8 jt, jf; u32 k; }
        for (int i = 0; i < program.length; i++) {
            filter.set(JAVA_SHORT, 8L * i, (short) program[i][0]);
            filter.set(JAVA_BYTE, 8L * i + 2, (byte) program[i][1]);
            filter.set(JAVA_BYTE, 8L * i + 3, (byte) program[i][2]);
            filter.set(JAVA_INT, 8L * i + 4, program[i][3]);
        }
        MemorySegment fprog = arena.allocate(16, 8); // struct sock_fprog { unsigned short len; struct sock_filter *filter; }
        fprog.set(JAVA_SHORT, 0, (short) program.length);
        fprog.set(ADDRESS, 8, filter);
        Ret r = Libc.call(SETSOCKOPT, fd, Libc.SOL_SOCKET, SO_ATTACH_FILTER, fprog, 16);
        if (!r.ok()) {
            throw new IllegalStateException("cannot filter the capture: setsockopt(SO_ATTACH_FILTER) = " + r);
        }
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
                // The last packet a snippet waits for can wake it before the kernel's reply to it
                // (a delayed ACK: up to 200 ms later, and later still on a loaded machine) has been
                // sent. Wait until every captured connection has nothing unacknowledged: the ACKs
                // that made it so crossed lo, and the capture saw them before TCP did.
                awaitQuiet();
                drain();
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

    /** Waits (bounded) until each connection seen so far that the kernel still has is quiet on both ends. */
    private void awaitQuiet() {
        Set<List<Integer>> connections = new LinkedHashSet<>();
        for (Packet p : packets) {
            connections.add(List.of(p.sourcePort(), p.destinationPort()));
        }
        long deadline = System.nanoTime() + QUIET_MAX.toNanos();
        for (List<Integer> c : connections) {
            long left = Math.max(0, deadline - System.nanoTime());
            TcpState.awaitAcknowledged(c.get(0), c.get(1), java.time.Duration.ofNanos(left));
        }
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
        List<Packet> connection = between(clientPort, serverPort);
        return controlOnly ? formatControl(connection, clientPort) : format(connection, clientPort);
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
            OptionalLong ack = p.has(Packet.ACK) && base.containsKey(!fromClient)
                    ? OptionalLong.of(relative(p.ack(), base.get(!fromClient))) : OptionalLong.empty();
            out.add(PacketLine.numbered(fromClient, p.flagText(), relative(p.seq(), base.get(fromClient)), ack,
                    p.payloadLength()).format());
        }
        return out;
    }

    /**
     * The control view: segments with SYN, FIN or RST, and the first segment to acknowledge each
     * SYN and FIN of the other side, named so. Window updates, probes and the acknowledgements of
     * data are left out: how many there are depends on timing.
     */
    static List<String> formatControl(List<Packet> packets, int clientPort) {
        Map<String, Long> endOf = new HashMap<>(); // "client SYN" -> the sequence number just after it
        Set<String> acknowledged = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (Packet p : packets) {
            boolean fromClient = p.sourcePort() == clientPort;
            String peer = fromClient ? "server" : "client";
            List<String> firsts = new ArrayList<>();
            for (String control : List.of("SYN", "FIN")) {
                Long end = endOf.get(peer + " " + control);
                if (p.has(Packet.ACK) && end != null && (int) (p.ack() - end) >= 0 && acknowledged.add(peer + " " + control)) {
                    firsts.add("acks " + peer + "'s " + control);
                }
            }
            String self = fromClient ? "client" : "server";
            long afterData = p.seq() + p.payloadLength() + (p.has(Packet.SYN) ? 1 : 0);
            if (p.has(Packet.SYN)) {
                endOf.putIfAbsent(self + " SYN", (p.seq() + 1) & 0xffffffffL);
            }
            if (p.has(Packet.FIN)) {
                endOf.putIfAbsent(self + " FIN", (afterData + 1) & 0xffffffffL);
            }
            if ((p.flags() & (Packet.SYN | Packet.FIN | Packet.RST)) == 0 && firsts.isEmpty()) {
                continue;
            }
            out.add(PacketLine.control(fromClient, p.flagText(), firsts).format());
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

    /**
     * The kernel-side half of {@link #startControl}: keeps a packet only if it arrives (on lo each
     * packet is also seen leaving) and is a TCP segment with SYN, FIN or RST, or without payload.
     * IPv4 and IPv6 (no extension headers, as on our loopback).
     */
    static final class ControlFilter {
        // classic BPF opcodes (linux/filter.h)
        private static final int LDH_ABS = 0x28, LDB_ABS = 0x30, LDB_IND = 0x50, LDXB_MSH = 0xb1, LD_MEM = 0x60,
                ST = 0x02, SUB_X = 0x1c, AND_K = 0x54, RSH_K = 0x74, TAX = 0x07, JEQ_K = 0x15, JSET_K = 0x45, RET_K = 0x06,
                LDW_ABS = 0x20;
        private static final int SKF_AD_PKTTYPE = 0xfffff000 + 4; // ancillary load: the packet's type
        private static final int CONTROL_FLAGS = Packet.FIN | Packet.SYN | Packet.RST;
        // labels as instruction indices: the jumps below are relative to the next instruction
        private static final int IPV6 = 19, ACCEPT = 33, REJECT = 34;

        static final int[][] PROGRAM = build();

        private static int[][] build() {
            List<int[]> p = new ArrayList<>();
            p.add(new int[] {LDW_ABS, 0, 0, SKF_AD_PKTTYPE});                   // 0
            p.add(jump(JEQ_K, PACKET_OUTGOING, REJECT, 2, p.size()));          // 1
            p.add(new int[] {LDH_ABS, 0, 0, 12});                              // 2: ethertype
            p.add(jump(JEQ_K, 0x0800, 4, IPV6, p.size()));                     // 3
            p.add(new int[] {LDB_ABS, 0, 0, 14 + 9});                          // 4: IPv4 protocol
            p.add(jump(JEQ_K, 6, 6, REJECT, p.size()));                        // 5
            p.add(new int[] {LDXB_MSH, 0, 0, 14});                             // 6: X = IPv4 header length
            p.add(new int[] {LDB_IND, 0, 0, 14 + 13});                         // 7: TCP flags
            p.add(jump(JSET_K, CONTROL_FLAGS, ACCEPT, 9, p.size()));           // 8
            p.add(new int[] {LDH_ABS, 0, 0, 14 + 2});                          // 9: IPv4 total length
            p.add(new int[] {SUB_X, 0, 0, 0});                                 // 10
            p.add(new int[] {ST, 0, 0, 0});                                    // 11: M[0] = TCP header + payload
            p.add(new int[] {LDB_IND, 0, 0, 14 + 12});                         // 12: TCP data offset
            p.add(new int[] {AND_K, 0, 0, 0xf0});                              // 13
            p.add(new int[] {RSH_K, 0, 0, 2});                                 // 14: TCP header length
            p.add(new int[] {TAX, 0, 0, 0});                                   // 15
            p.add(new int[] {LD_MEM, 0, 0, 0});                                // 16
            p.add(new int[] {SUB_X, 0, 0, 0});                                 // 17: payload length
            p.add(jump(JEQ_K, 0, ACCEPT, REJECT, p.size()));                   // 18
            p.add(jump(JEQ_K, 0x86dd, 20, REJECT, p.size()));                  // 19 = IPV6 (A still holds the ethertype)
            p.add(new int[] {LDB_ABS, 0, 0, 14 + 6});                          // 20: next header
            p.add(jump(JEQ_K, 6, 22, REJECT, p.size()));                       // 21
            p.add(new int[] {LDB_ABS, 0, 0, 14 + 40 + 13});                    // 22: TCP flags
            p.add(jump(JSET_K, CONTROL_FLAGS, ACCEPT, 24, p.size()));          // 23
            p.add(new int[] {LDH_ABS, 0, 0, 14 + 4});                          // 24: IPv6 payload length
            p.add(new int[] {ST, 0, 0, 0});                                    // 25
            p.add(new int[] {LDB_ABS, 0, 0, 14 + 40 + 12});                    // 26: TCP data offset
            p.add(new int[] {AND_K, 0, 0, 0xf0});                              // 27
            p.add(new int[] {RSH_K, 0, 0, 2});                                 // 28
            p.add(new int[] {TAX, 0, 0, 0});                                   // 29
            p.add(new int[] {LD_MEM, 0, 0, 0});                                // 30
            p.add(new int[] {SUB_X, 0, 0, 0});                                 // 31
            p.add(jump(JEQ_K, 0, ACCEPT, REJECT, p.size()));                   // 32
            p.add(new int[] {RET_K, 0, 0, SNAPLEN});                           // 33 = ACCEPT
            p.add(new int[] {RET_K, 0, 0, 0});                                 // 34 = REJECT
            if (p.size() != REJECT + 1) {
                throw new AssertionError("the filter's labels are out of date");
            }
            return p.toArray(int[][]::new);
        }

        private static int[] jump(int opcode, int k, int ifTrue, int ifFalse, int at) {
            return new int[] {opcode, ifTrue - at - 1, ifFalse - at - 1, k};
        }

        private ControlFilter() {}
    }

    @Override
    public void close() {
        if (!stopped) {
            stopped = true;
            Libc.close(fd);
        }
    }
}
