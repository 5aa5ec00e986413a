package dev.socknotes.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A second IPv4 address on {@code lo} that is not in 127.0.0.0/8, for demonstrations in which the
 * kernel treats loopback addresses specially (e.g. {@code tcp_tw_reuse=2}, "loopback only"). It is
 * added as the alias {@code lo:1} with {@code ioctl(SIOCSIFADDR)} (netdevice(7)), which needs
 * {@code CAP_NET_ADMIN}: snippet agents have it in their own network namespace, where the address
 * disappears with the namespace.
 */
public final class LoopbackAlias {
    private static final long SIOCSIFADDR = 0x8916;
    private static final int SOCK_DGRAM = 2;
    private static final MethodHandle IOCTL = Libc.variadic("ioctl", JAVA_INT, 2, JAVA_INT, JAVA_LONG, ADDRESS);

    private LoopbackAlias() {}

    /** Adds {@code address} (e.g. "10.1.0.1") to lo; returns ioctl's result (EEXIST-free: setting it again is fine). */
    public static Ret add(String address) {
        byte[] ip;
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (!(parsed instanceof Inet4Address)) {
                throw new IllegalArgumentException("not an IPv4 address: " + address);
            }
            ip = parsed.getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + address, e);
        }
        Ret socket = Libc.socket(Libc.AF_INET, SOCK_DGRAM, 0);
        if (!socket.ok()) {
            return socket;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ifreq = arena.allocate(40); // struct ifreq: char ifr_name[16], then struct sockaddr
            MemorySegment.copy(MemorySegment.ofArray("lo:1".getBytes(StandardCharsets.US_ASCII)), 0, ifreq, 0, 4);
            ifreq.set(JAVA_SHORT, 16, (short) Libc.AF_INET);
            for (int i = 0; i < 4; i++) {
                ifreq.set(JAVA_BYTE, 20 + i, ip[i]);
            }
            return Libc.call(IOCTL, socket.intValue(), SIOCSIFADDR, ifreq);
        } finally {
            Libc.close(socket.intValue());
        }
    }
}
