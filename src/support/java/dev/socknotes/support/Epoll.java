package dev.socknotes.support;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code epoll(7)} and {@code poll(2)} through FFM, printed by name: {@code client: EPOLLIN EPOLLRDHUP}.
 * Each registration carries a label instead of the descriptor's number (numbers differ from run to
 * run); the label travels in the event's {@code data} field, as a program would store a pointer.
 *
 * <pre>{@code
 * try (var epoll = Epoll.create()) {
 *     epoll.add(pair.client(), "client", Epoll.EPOLLIN | Epoll.EPOLLRDHUP);
 *     System.out.println(epoll.ready(100));      // [client: EPOLLIN EPOLLRDHUP]
 * }
 * }</pre>
 */
public final class Epoll implements AutoCloseable {
    public static final int EPOLLIN = 0x001;
    public static final int EPOLLPRI = 0x002;
    public static final int EPOLLOUT = 0x004;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;
    public static final int EPOLLNVAL = 0x020;
    public static final int EPOLLRDHUP = 0x2000;
    public static final int EPOLLET = 1 << 31;
    /** poll(2)'s bits are the same numbers; {@link #poll} prints them with the {@code POLL} prefix. */
    static final int EPOLL_CTL_ADD = 1;
    static final int EPOLL_CTL_DEL = 2;
    static final int EPOLL_CTL_MOD = 3;
    private static final int MAX_EVENTS = 16;
    /** {@code struct epoll_event} is packed on x86_64 (12 bytes), naturally aligned elsewhere (16). */
    private static final int EVENT_SIZE = System.getProperty("os.arch").equals("amd64") ? 12 : 16;
    private static final int DATA_OFFSET = EVENT_SIZE == 12 ? 4 : 8;

    private static final MethodHandle CREATE = Libc.fn("epoll_create1", JAVA_INT, JAVA_INT);
    private static final MethodHandle CTL = Libc.fn("epoll_ctl", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);
    private static final MethodHandle WAIT = Libc.fn("epoll_wait", JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    private static final MethodHandle POLL = Libc.fn("poll", JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT);
    private static final Map<Integer, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put(EPOLLIN, "IN");
        NAMES.put(EPOLLPRI, "PRI");
        NAMES.put(EPOLLOUT, "OUT");
        NAMES.put(EPOLLERR, "ERR");
        NAMES.put(EPOLLHUP, "HUP");
        NAMES.put(EPOLLNVAL, "NVAL");
        NAMES.put(EPOLLRDHUP, "RDHUP");
    }

    private final int epfd;
    private final List<String> labels = new ArrayList<>();

    private Epoll(int epfd) {
        this.epfd = epfd;
    }

    /** One ready registration: its label and the events the kernel reported. */
    public record Event(String label, int events) {
        public boolean has(int event) {
            return (events & event) != 0;
        }

        @Override
        public String toString() {
            return label + ": " + names("EPOLL", events);
        }
    }

    /** {@code epoll_create1(0)}; throws if the kernel refuses. */
    public static Epoll create() {
        Ret r = Libc.call(CREATE, 0);
        if (!r.ok()) {
            throw new IllegalStateException("epoll_create1 = " + r);
        }
        return new Epoll(r.intValue());
    }

    /** {@code epoll_ctl(EPOLL_CTL_ADD)}: registers {@code fd} for {@code events} under {@code label}. */
    public Ret add(int fd, String label, int events) {
        labels.add(label);
        return ctl(EPOLL_CTL_ADD, fd, events, labels.size() - 1);
    }

    /** {@code epoll_ctl(EPOLL_CTL_MOD)} of a registration made with {@link #add}. */
    public Ret modify(int fd, String label, int events) {
        return ctl(EPOLL_CTL_MOD, fd, events, labels.indexOf(label));
    }

    /** {@code epoll_ctl(EPOLL_CTL_DEL)}. */
    public Ret delete(int fd) {
        return ctl(EPOLL_CTL_DEL, fd, 0, 0);
    }

    private Ret ctl(int op, int fd, int events, long data) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment event = arena.allocate(EVENT_SIZE);
            event.set(JAVA_INT, 0, events);
            event.set(JAVA_LONG.withByteAlignment(4), DATA_OFFSET, data);
            return Libc.call(CTL, epfd, op, fd, event);
        }
    }

    /**
     * {@code epoll_wait} with a timeout in milliseconds: the ready registrations, in the order of
     * their labels (the kernel's order is that of readiness, which may vary); empty after the
     * timeout.
     */
    public List<Event> ready(int timeoutMillis) {
        long start = System.nanoTime();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment events = arena.allocate((long) EVENT_SIZE * MAX_EVENTS);
            Ret r = Libc.call(WAIT, epfd, events, MAX_EVENTS, timeoutMillis);
            if (!r.ok()) {
                throw new IllegalStateException("epoll_wait = " + r);
            }
            List<Event> out = new ArrayList<>();
            for (int i = 0; i < r.value(); i++) {
                long at = (long) EVENT_SIZE * i;
                int index = (int) events.get(JAVA_LONG.withByteAlignment(4), at + DATA_OFFSET);
                out.add(new Event(labels.get(index), events.get(JAVA_INT, at)));
            }
            out.sort(java.util.Comparator.comparingInt(e -> labels.indexOf(e.label())));
            return out;
        } finally {
            Waits.since(start);
        }
    }

    @Override
    public void close() {
        Libc.close(epfd);
    }

    /**
     * {@code poll(2)} of one descriptor: the returned events by name ({@code POLLIN POLLRDHUP}),
     * {@code (none)} after the timeout.
     */
    public static String poll(int fd, int events, int timeoutMillis) {
        long start = System.nanoTime();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pollfd = arena.allocate(8); // struct pollfd { int fd; short events; short revents; }
            pollfd.set(JAVA_INT, 0, fd);
            pollfd.set(JAVA_SHORT, 4, (short) events);
            Ret r = Libc.call(POLL, pollfd, 1L, timeoutMillis);
            if (!r.ok()) {
                return "poll = " + r;
            }
            return names("POLL", Short.toUnsignedInt(pollfd.get(JAVA_SHORT, 6)));
        } finally {
            Waits.since(start);
        }
    }

    /** The set bits by name with a prefix, {@code (none)} for 0. */
    static String names(String prefix, int events) {
        StringJoiner joined = new StringJoiner(" ");
        for (var name : NAMES.entrySet()) {
            if ((events & name.getKey()) != 0) {
                joined.add(prefix + name.getValue());
            }
        }
        int unknown = events & ~NAMES.keySet().stream().mapToInt(Integer::intValue).sum();
        if (unknown != 0) {
            joined.add("0x" + Integer.toHexString(unknown));
        }
        return joined.length() == 0 ? "(none)" : joined.toString();
    }
}
