package dev.socknotes.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The socket system calls, called directly through the Foreign Function &amp; Memory API, so that a
 * snippet shows what the kernel does rather than what Java's wrappers make of it. No call throws
 * when the kernel says no: each returns a {@link Ret} with the return value and errno.
 */
public final class Libc {
    public static final int AF_INET = 2;
    public static final int AF_UNIX = 1;
    public static final int SOCK_STREAM = 1;
    public static final int SOL_SOCKET = 1;
    public static final int SO_REUSEADDR = 2;
    public static final int SO_ERROR = 4;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_LINGER = 13;
    public static final int IPPROTO_TCP = 6;
    public static final int TCP_NODELAY = 1;
    public static final int SHUT_RD = 0;
    public static final int SHUT_WR = 1;
    public static final int SHUT_RDWR = 2;
    public static final int MSG_PEEK = 0x2;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_NOSIGNAL = 0x4000;
    public static final int F_GETFD = 1;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int O_NONBLOCK = 0x800;
    public static final int FIONREAD = 0x541B;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET = fn("socket", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle BIND = fn("bind", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle LISTEN = fn("listen", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle ACCEPT = fn("accept", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle CONNECT = fn("connect", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKNAME = fn("getsockname", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle GETPEERNAME = fn("getpeername", JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle RECV = fn("recv", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle SEND = fn("send", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final MethodHandle WRITE = fn("write", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle READ = fn("read", JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG);
    private static final MethodHandle SHUTDOWN = fn("shutdown", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle CLOSE = fn("close", JAVA_INT, JAVA_INT);
    private static final MethodHandle DUP = fn("dup", JAVA_INT, JAVA_INT);
    private static final MethodHandle DUP2 = fn("dup2", JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle PIPE = fn("pipe", JAVA_INT, ADDRESS);
    private static final MethodHandle SETSOCKOPT = fn("setsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT);
    private static final MethodHandle GETSOCKOPT = fn("getsockopt", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS);
    private static final MethodHandle FCNTL = variadic("fcntl", JAVA_INT, 2, JAVA_INT, JAVA_INT, JAVA_INT);
    private static final MethodHandle IOCTL = variadic("ioctl", JAVA_INT, 2, JAVA_INT, JAVA_LONG, ADDRESS);

    private Libc() {}

    static MethodHandle fn(String name, ValueLayout result, ValueLayout... args) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(),
                FunctionDescriptor.of(result, args), Linker.Option.captureCallState("errno"));
    }

    static MethodHandle variadic(String name, ValueLayout result, int fixed, ValueLayout... args) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(),
                FunctionDescriptor.of(result, args), Linker.Option.captureCallState("errno"),
                Linker.Option.firstVariadicArg(fixed));
    }

    /**
     * Calls {@code handle} and reads errno from the state it captured. Each thread gets its own
     * capture buffer, so blocking calls in several threads do not mix up their errno.
     */
    static Ret call(MethodHandle handle, Object... args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            List<Object> all = new ArrayList<>(args.length + 1);
            all.add(state);
            all.addAll(List.of(args));
            Object r = handle.invokeWithArguments(all);
            long value = r instanceof Integer i ? i : (Long) r;
            int errno = value == -1 ? (int) ERRNO.get(state, 0L) : 0;
            return new Ret(value, errno);
        } catch (Throwable t) {
            throw new IllegalStateException("calling libc failed", t);
        }
    }

    public static Ret socket(int domain, int type, int protocol) {
        return call(SOCKET, domain, type, protocol);
    }

    /** A new TCP/IPv4 socket: {@code socket(AF_INET, SOCK_STREAM, 0)}. */
    public static Ret tcpSocket() {
        return socket(AF_INET, SOCK_STREAM, 0);
    }

    /** {@code bind} to 127.0.0.1 and the given port (0: the kernel picks a free one). */
    public static Ret bindLoopback(int fd, int port) {
        try (Arena arena = Arena.ofConfined()) {
            return call(BIND, fd, sockaddrLoopback(arena, port), 16);
        }
    }

    public static Ret listen(int fd, int backlog) {
        return call(LISTEN, fd, backlog);
    }

    public static Ret accept(int fd) {
        return call(ACCEPT, fd, MemorySegment.NULL, MemorySegment.NULL);
    }

    /** {@code connect} to 127.0.0.1 at the given port. */
    public static Ret connectLoopback(int fd, int port) {
        try (Arena arena = Arena.ofConfined()) {
            return call(CONNECT, fd, sockaddrLoopback(arena, port), 16);
        }
    }

    /** The local port of a bound socket, or -1. */
    public static int localPort(int fd) {
        return port(GETSOCKNAME, fd);
    }

    /** The peer's port of a connected socket, or -1 (for instance ENOTCONN). */
    public static int peerPort(int fd) {
        return port(GETPEERNAME, fd);
    }

    private static int port(MethodHandle getName, int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(128);
            MemorySegment len = arena.allocateFrom(JAVA_INT, 128);
            Ret r = call(getName, fd, addr, len);
            if (!r.ok()) {
                return -1;
            }
            return Short.toUnsignedInt(Short.reverseBytes(addr.get(JAVA_SHORT, 2)));
        }
    }

    /** {@code recv(fd, buf, maxBytes, flags)}. */
    public static Recv recv(int fd, int maxBytes, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, maxBytes));
            Ret r = call(RECV, fd, buf, (long) maxBytes, flags);
            byte[] data = r.ok() ? buf.asSlice(0, r.value()).toArray(JAVA_BYTE) : new byte[0];
            return new Recv(r, data);
        }
    }

    public static Recv recv(int fd, int maxBytes) {
        return recv(fd, maxBytes, 0);
    }

    /** {@code send(fd, text, flags)} with the text's UTF-8 bytes. */
    public static Ret send(int fd, String text, int flags) {
        return send(fd, text.getBytes(StandardCharsets.UTF_8), flags);
    }

    public static Ret send(int fd, byte[] data, int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, data.length));
            buf.copyFrom(MemorySegment.ofArray(data));
            return call(SEND, fd, buf, (long) data.length, flags);
        }
    }

    /** {@code write(fd, text)}: unlike send, there are no flags, so SIGPIPE's fate is the process's. */
    public static Ret write(int fd, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, data.length));
            buf.copyFrom(MemorySegment.ofArray(data));
            return call(WRITE, fd, buf, (long) data.length);
        }
    }

    public static Recv read(int fd, int maxBytes) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(Math.max(1, maxBytes));
            Ret r = call(READ, fd, buf, (long) maxBytes);
            return new Recv(r, r.ok() ? buf.asSlice(0, r.value()).toArray(JAVA_BYTE) : new byte[0]);
        }
    }

    public static Ret shutdown(int fd, int how) {
        return call(SHUTDOWN, fd, how);
    }

    public static Ret close(int fd) {
        return call(CLOSE, fd);
    }

    public static Ret dup(int fd) {
        return call(DUP, fd);
    }

    public static Ret dup2(int oldFd, int newFd) {
        return call(DUP2, oldFd, newFd);
    }

    /** {@code pipe()}: the read end and the write end, or an exception if the process is out of descriptors. */
    public static int[] pipe() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT, 2);
            Ret r = call(PIPE, fds);
            if (!r.ok()) {
                throw new IllegalStateException("pipe: " + r);
            }
            return new int[] {fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    public static Ret setsockopt(int fd, int level, int option, int value) {
        try (Arena arena = Arena.ofConfined()) {
            return call(SETSOCKOPT, fd, level, option, arena.allocateFrom(JAVA_INT, value), 4);
        }
    }

    /** {@code getsockopt} of an int option; the value is in {@link Ret#value()}. */
    public static Ret getsockopt(int fd, int level, int option) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            MemorySegment len = arena.allocateFrom(JAVA_INT, 4);
            Ret r = call(GETSOCKOPT, fd, level, option, v, len);
            return r.ok() ? new Ret(v.get(JAVA_INT, 0), 0) : r;
        }
    }

    /** {@code SO_LINGER}: {@code struct linger { int l_onoff; int l_linger; }}. */
    public static Ret setLinger(int fd, boolean on, int seconds) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment linger = arena.allocate(JAVA_INT, 2);
            linger.setAtIndex(JAVA_INT, 0, on ? 1 : 0);
            linger.setAtIndex(JAVA_INT, 1, seconds);
            return call(SETSOCKOPT, fd, SOL_SOCKET, SO_LINGER, linger, 8);
        }
    }

    public static Ret fcntl(int fd, int cmd, int arg) {
        return call(FCNTL, fd, cmd, arg);
    }

    /** Bytes waiting in the receive queue ({@code ioctl FIONREAD}). */
    public static Ret bytesReadable(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(JAVA_INT);
            Ret r = call(IOCTL, fd, (long) FIONREAD, v);
            return r.ok() ? new Ret(v.get(JAVA_INT, 0), 0) : r;
        }
    }

    private static MemorySegment sockaddrLoopback(Arena arena, int port) {
        MemorySegment sa = arena.allocate(16);
        sa.set(JAVA_SHORT, 0, (short) AF_INET);
        sa.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) port);
        sa.set(JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN), 4, 0x7f000001);
        return sa;
    }

    // ---- topics dead-peer, epoll, linger (issue 15) ----

    public static final int SO_KEEPALIVE = 9;
    public static final int TCP_KEEPIDLE = 4;
    public static final int TCP_KEEPINTVL = 5;
    public static final int TCP_KEEPCNT = 6;
    public static final int TCP_USER_TIMEOUT = 18;
    public static final int TCP_REPAIR = 19;
}
