package dev.socknotes.support;

/**
 * Moving a lot of data, to hold a connection in a state that needs queued data: a sender whose
 * peer's receive window is full cannot send its FIN yet, so it stays in FIN_WAIT1 or LAST_ACK
 * until the peer reads. Deterministic, because the kernel says exactly when the queue is full.
 */
public final class Bulk {
    private static final int CHUNK = 64 * 1024;

    private Bulk() {}

    /**
     * Sends without blocking until the kernel refuses with EAGAIN: the peer's receive buffer and
     * our send buffer are then both full. Returns the bytes accepted.
     */
    public static long sendUntilFull(int fd) {
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        while (true) {
            Ret r = Libc.send(fd, chunk, Libc.MSG_DONTWAIT | Libc.MSG_NOSIGNAL);
            if (!r.ok()) {
                if (r.errnoName().equals("EAGAIN")) {
                    return total;
                }
                throw new IllegalStateException("send: " + r);
            }
            total += r.value();
        }
    }

    /** Reads (blocking) until end of stream; returns the bytes read. Throws on an error such as ECONNRESET. */
    public static long readToEof(int fd) {
        long total = 0;
        while (true) {
            Recv r = Libc.recv(fd, CHUNK);
            if (!r.ret().ok()) {
                throw new IllegalStateException("recv after " + total + " bytes: " + r);
            }
            if (r.eof()) {
                return total;
            }
            total += r.ret().value();
        }
    }
}
