package dev.socknotes.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs a call that may block in its own thread and reports what became of it, in words that do
 * not vary from run to run: "recv returned 0", "read threw SocketException: Socket closed",
 * "accept still blocked after 1000 ms" (the bound, never a measured time).
 */
public final class Bounded {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Bounded() {}

    /** Starts {@code body} in a daemon thread named after {@code what}. */
    public static Call start(String what, Callable<?> body) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        String name = "b" + COUNTER.incrementAndGet() + "-" + what.replaceAll("[^A-Za-z0-9_]", "");
        Thread t = new Thread(() -> {
            try {
                future.complete(body.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return new Call(what, t, future);
    }

    /** Runs {@code body} and waits up to {@code max} for it. */
    public static Result call(String what, Duration max, Callable<?> body) {
        return start(what, body).result(max);
    }

    /** A call running in its own thread. */
    public static final class Call {
        private final String what;
        private final Thread thread;
        private final CompletableFuture<Object> future;

        Call(String what, Thread thread, CompletableFuture<Object> future) {
            this.what = what;
            this.thread = thread;
            this.future = future;
        }

        public Thread thread() {
            return thread;
        }

        /**
         * Waits until the thread sleeps inside a system call other than a futex wait (that is, it
         * is really blocked in the kernel, say in recv or accept), or has finished; false if
         * neither happened within {@code max}. Use it before acting on a blocked call instead of
         * sleeping and hoping.
         */
        public boolean awaitBlocked(Duration max) {
            return Waits.until(max, () -> future.isDone() || inBlockingSyscall(thread.getName()));
        }

        /** What the call did within {@code max}: returned, threw, or is still blocked. */
        public Result result(Duration max) {
            long start = System.nanoTime();
            try {
                Object v = future.get(max.toNanos(), TimeUnit.NANOSECONDS);
                return new Result(what, Outcome.RETURNED, v, null, max);
            } catch (TimeoutException e) {
                return new Result(what, Outcome.BLOCKED, null, null, max);
            } catch (ExecutionException e) {
                return new Result(what, Outcome.THREW, null, e.getCause(), max);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(what, Outcome.BLOCKED, null, null, max);
            } finally {
                Waits.since(start);
            }
        }
    }

    public enum Outcome { RETURNED, THREW, BLOCKED }

    /** What a bounded call did. */
    public record Result(String what, Outcome outcome, Object value, Throwable thrown, Duration bound) {
        public boolean blocked() {
            return outcome == Outcome.BLOCKED;
        }

        @Override
        public String toString() {
            return switch (outcome) {
                case RETURNED -> what + " returned " + value;
                case THREW -> what + " threw " + thrown.getClass().getSimpleName()
                        + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
                case BLOCKED -> what + " still blocked after " + bound.toMillis() + " ms";
            };
        }
    }

    /**
     * Whether the thread with this name sleeps in a system call other than futex. HotSpot copies
     * a Java thread's name (its first 15 bytes) to {@code /proc/self/task/<tid>/comm}.
     */
    static boolean inBlockingSyscall(String threadName) {
        String comm = threadName.length() > 15 ? threadName.substring(0, 15) : threadName;
        Optional<Path> task = findTask(comm);
        if (task.isEmpty()) {
            return false;
        }
        try {
            String stat = Files.readString(task.get().resolve("stat"), StandardCharsets.UTF_8);
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            String syscall = Files.readAllLines(task.get().resolve("syscall")).getFirst().split(" ")[0];
            return state == 'S' && !syscall.equals("running") && !syscall.equals(futexNumber());
        } catch (IOException | RuntimeException e) {
            return false; // the thread ended meanwhile, or /proc/.../syscall is not readable here
        }
    }

    private static Optional<Path> findTask(String comm) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    if (Files.readAllLines(t.resolve("comm")).equals(List.of(comm))) {
                        return Optional.of(t);
                    }
                } catch (IOException e) {
                    // that thread ended while we looked
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String futexNumber() {
        return System.getProperty("os.arch").equals("aarch64") ? "98" : "202";
    }
}
