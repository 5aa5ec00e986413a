package dev.socknotes.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * How long this JVM's snippets waited in the library's bounded waits — for a kernel timer, a state
 * change, a child's exit, a call to block. The build reads and resets it after each topic, so the
 * benchmark can tell the time the notes mean to wait from the build's own overhead.
 *
 * <p>Build instrumentation, not API: package-private, read by the build's agent
 * ({@code dev.socknotes.exec.agent.AgentMain}, by reflection) when the build asks for it on
 * JShell's execution channel.
 */
final class Waits {
    private static final AtomicLong NANOS = new AtomicLong();

    private Waits() {}

    /**
     * Polls {@code done} every millisecond until it is true (returns true) or {@code max} has passed
     * (returns false), and counts the time spent as waited.
     */
    static boolean until(Duration max, BooleanSupplier done) {
        long start = System.nanoTime();
        try {
            while (true) {
                if (done.getAsBoolean()) {
                    return true;
                }
                if (System.nanoTime() - start > max.toNanos()) {
                    return false;
                }
                LockSupport.parkNanos(1_000_000);
            }
        } finally {
            since(start);
        }
    }

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()} reading). */
    static void since(long startNanos) {
        NANOS.addAndGet(System.nanoTime() - startNanos);
    }

    /** The milliseconds waited since the last call, and starts counting again (read by the agent, see above). */
    static long takeMillis() {
        return NANOS.getAndSet(0) / 1_000_000;
    }
}
