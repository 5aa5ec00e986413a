package dev.socknotes.exec;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Time that threads spent runnable but waiting for a CPU, from the kernel's {@code schedstat}
 * ({@code /proc/PID/task/TID/schedstat}, second field: run-queue delay in nanoseconds). A snippet's
 * time limit is meant for snippets that hang or spin, not for a machine too busy to run them:
 * the executor does not count the time the snippet's threads — the agent JVM's and the build
 * thread that compiles and sends its units — only waited for a core. Where the kernel has no
 * schedstat, nothing is credited and the limit is plain wall time.
 */
final class CpuWait {
    private final ProcessHandle agent;
    private final Optional<Path> buildThread;
    private final long start;

    private CpuWait(ProcessHandle agent, Optional<Path> buildThread) {
        this.agent = agent;
        this.buildThread = buildThread;
        this.start = total();
    }

    /** Starts counting for the agent's process tree and the calling thread (the one that evaluates). */
    static CpuWait since(ProcessHandle agent) {
        Optional<Path> self;
        try {
            self = Optional.of(Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self"))));
        } catch (IOException | UnsupportedOperationException e) {
            self = Optional.empty();
        }
        return new CpuWait(agent, self);
    }

    /** Nanoseconds waited for a CPU since {@link #since}. */
    long waitedNanos() {
        return Math.max(0, total() - start);
    }

    private long total() {
        long sum = buildThread.map(CpuWait::runDelay).orElse(0L);
        for (ProcessHandle p : Stream.concat(Stream.of(agent), agent.descendants()).toList()) {
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(p.pid()), "task"))) {
                for (Path task : tasks) {
                    sum += runDelay(task);
                }
            } catch (IOException e) {
                // the process ended meanwhile: its threads wait no more
            }
        }
        return sum;
    }

    private static long runDelay(Path task) {
        try {
            List<String> lines = Files.readAllLines(task.resolve("schedstat"));
            String[] fields = lines.isEmpty() ? new String[0] : lines.getFirst().trim().split("\\s+");
            return fields.length >= 2 ? Long.parseLong(fields[1]) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
