package dev.socknotes.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Peers that stop taking part in a connection without telling the other end, as a host does that
 * loses power or its network: no FIN, no RST, nothing at all.
 *
 * <pre>{@code
 * var pair = Loopback.rawPair();
 * DeadPeer.silence(pair.server());   // the server end still exists, but drops everything that arrives
 * ...                                // the client's retransmissions and probes go unanswered
 * DeadPeer.vanish(pair.server());    // and now it is gone, without a FIN or an RST
 * }</pre>
 */
public final class DeadPeer {
    static final int SO_ATTACH_FILTER = 26;
    private static final int BPF_RET_K = 0x06;
    private static final MethodHandle SETSOCKOPT = Libc.fn("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);

    private DeadPeer() {}

    /**
     * Attaches a socket filter that drops every segment arriving for this socket ({@code ret 0}):
     * the kernel discards them before TCP sees them, so this end acknowledges nothing and answers
     * no probe, while it stays ESTABLISHED in the kernel's tables. Throws if the kernel refuses.
     */
    public static void silence(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dropAll = arena.allocate(8); // struct sock_filter { u16 code; u8 jt, jf; u32 k; }
            dropAll.set(JAVA_SHORT, 0, (short) BPF_RET_K);
            dropAll.set(JAVA_BYTE, 2, (byte) 0);
            dropAll.set(JAVA_BYTE, 3, (byte) 0);
            dropAll.set(JAVA_INT, 4, 0);
            MemorySegment program = arena.allocate(16, 8); // struct sock_fprog { u16 len; struct sock_filter *filter; }
            program.set(JAVA_SHORT, 0, (short) 1);
            program.set(ADDRESS, 8, dropAll);
            Ret r = Libc.call(SETSOCKOPT, fd, Libc.SOL_SOCKET, SO_ATTACH_FILTER, program, 16);
            if (!r.ok()) {
                throw new IllegalStateException("setsockopt(SO_ATTACH_FILTER) = " + r);
            }
        }
    }

    /**
     * Puts the socket into repair mode ({@code TCP_REPAIR}, which needs {@code CAP_NET_ADMIN}: the
     * snippets have it in their own network namespace) and closes it: in repair mode
     * {@code close()} removes the socket without sending a FIN or an RST. Returns close()'s result;
     * throws if repair mode is refused.
     */
    public static Ret vanish(int fd) {
        Ret repair = Libc.setsockopt(fd, Libc.IPPROTO_TCP, Libc.TCP_REPAIR, 1);
        if (!repair.ok()) {
            throw new IllegalStateException("setsockopt(TCP_REPAIR) = " + repair + " (needs CAP_NET_ADMIN)");
        }
        return Libc.close(fd);
    }
}
