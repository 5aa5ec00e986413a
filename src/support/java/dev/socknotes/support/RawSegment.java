package dev.socknotes.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Sends a TCP segment that no socket sent: a bare RST from one port of 127.0.0.1 to another, with
 * the sequence number the caller chooses — what an old duplicate or a third party could put on the
 * wire. It goes out through a raw socket ({@code socket(AF_INET, SOCK_RAW, IPPROTO_TCP)}, raw(7);
 * the kernel writes the IP header), which needs {@code CAP_NET_RAW}: snippet agents have it in
 * their own network namespace.
 */
public final class RawSegment {
    private static final int SOCK_RAW = 3;
    private static final int LOOPBACK = 0x7f000001;
    private static final MethodHandle SENDTO = Libc.fn("sendto", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT);

    private RawSegment() {}

    /** Sends {@code [R] seq} from 127.0.0.1:{@code sourcePort} to 127.0.0.1:{@code destinationPort}; returns sendto's result. */
    public static Ret reset(int sourcePort, int destinationPort, long seq) {
        ByteBuffer tcp = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
        tcp.putShort((short) sourcePort).putShort((short) destinationPort).putInt((int) seq).putInt(0)
                .put((byte) (5 << 4)).put((byte) Capture.Packet.RST).putShort((short) 0) // header length 5 words, RST, window 0
                .putShort((short) 0).putShort((short) 0); // checksum (below), urgent pointer
        tcp.putShort(16, checksum(tcp.array()));
        Ret socket = Libc.socket(Libc.AF_INET, SOCK_RAW, Libc.IPPROTO_TCP);
        if (!socket.ok()) {
            return socket;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment to = arena.allocate(16); // struct sockaddr_in, port 0 (raw sockets take none)
            to.set(JAVA_SHORT, 0, (short) Libc.AF_INET);
            to.set(JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN), 4, LOOPBACK);
            MemorySegment segment = arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_BYTE, tcp.array());
            return Libc.call(SENDTO, socket.intValue(), segment, (long) tcp.capacity(), 0, to, 16);
        } finally {
            Libc.close(socket.intValue());
        }
    }

    /** The TCP checksum (RFC 9293, section 3.1): one's complement sum over the IPv4 pseudo-header and the segment. */
    private static short checksum(byte[] segment) {
        ByteBuffer pseudo = ByteBuffer.allocate(12 + segment.length).order(ByteOrder.BIG_ENDIAN);
        pseudo.putInt(LOOPBACK).putInt(LOOPBACK).put((byte) 0).put((byte) Libc.IPPROTO_TCP).putShort((short) segment.length).put(segment);
        long sum = 0;
        for (int i = 0; i < pseudo.capacity(); i += 2) {
            sum += Short.toUnsignedInt(pseudo.getShort(i));
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
