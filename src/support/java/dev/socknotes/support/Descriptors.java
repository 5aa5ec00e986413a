package dev.socknotes.support;

import java.util.ArrayList;
import java.util.List;

/**
 * Descriptor numbers as the kernel hands them out: a new descriptor always gets the lowest number
 * the process has free (open(2), "the lowest-numbered file descriptor not currently open"), so a
 * number freed by {@code close()} is the next one given out unless a lower one is free. A JVM has
 * such holes (Java closes files too), so a page that wants to show a number coming back fills
 * them first.
 */
public final class Descriptors {
    /** Numbers a page may have to fill before its own comes back; more means something else is wrong. */
    private static final int MAX_HOLES = 256;

    private Descriptors() {}

    /**
     * A new TCP socket that got {@code number}, which must be free: opens sockets until the kernel
     * hands out that number (the holes below it first), then closes the ones that filled the holes.
     */
    public static int socketNumbered(int number) {
        List<Integer> fillers = new ArrayList<>();
        try {
            for (int i = 0; i <= MAX_HOLES; i++) {
                int fd = Loopback.checked(Libc.tcpSocket(), "socket");
                if (fd == number) {
                    return fd;
                }
                fillers.add(fd);
                if (fd > number) {
                    Libc.close(fd);
                    throw new IllegalStateException("descriptor " + number + " is not free: socket() passed it");
                }
            }
            throw new IllegalStateException("more than " + MAX_HOLES + " free numbers below " + number);
        } finally {
            fillers.forEach(Libc::close);
        }
    }

    /** A raw TCP socket listening on 127.0.0.1 on a port the kernel picks ({@link Libc#localPort} tells it). */
    public static int listener(int backlog) {
        int fd = Loopback.checked(Libc.tcpSocket(), "socket");
        Loopback.checked(Libc.bindLoopback(fd, 0), "bind");
        Loopback.checked(Libc.listen(fd, backlog), "listen");
        return fd;
    }

    /** Connects {@code fd} to {@code listener} and returns the accepted end. */
    public static int connect(int fd, int listener) {
        Loopback.checked(Libc.connectLoopback(fd, Libc.localPort(listener)), "connect");
        return Loopback.checked(Libc.accept(listener), "accept");
    }
}
