package dev.socknotes.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the executor runs agents.
 *
 * @param workDir          folder for agent sockets, crash logs and native output (under target/)
 * @param workers          topics executed in parallel
 * @param outputLimitBytes a snippet printing more than this is stopped
 * @param stopGrace        how long a timed-out snippet gets to end after being interrupted
 *                         before its agent is killed
 * @param sandbox          whether agents run in their own network namespace
 */
public record ExecutorSettings(Path workDir, int workers, long outputLimitBytes, Duration stopGrace,
                               SandboxPolicy sandbox) {
    public static final long ONE_MIB = 1024 * 1024;

    public ExecutorSettings {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(stopGrace, "stopGrace");
        Objects.requireNonNull(sandbox, "sandbox");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
    }

    /** 1 MiB of output, one second of grace, one worker per core, sandbox when available. */
    public static ExecutorSettings defaults(Path workDir) {
        return new ExecutorSettings(workDir, Runtime.getRuntime().availableProcessors(), ONE_MIB,
                Duration.ofSeconds(1), SandboxPolicy.AUTO);
    }

    public ExecutorSettings withWorkers(int n) {
        return new ExecutorSettings(workDir, n, outputLimitBytes, stopGrace, sandbox);
    }

    public ExecutorSettings withOutputLimit(long bytes) {
        return new ExecutorSettings(workDir, workers, bytes, stopGrace, sandbox);
    }

    public ExecutorSettings withSandbox(SandboxPolicy policy) {
        return new ExecutorSettings(workDir, workers, outputLimitBytes, stopGrace, policy);
    }

    /** Whether agents run in their own user + network namespace. */
    public enum SandboxPolicy {
        /** When this machine can make one; topics that set sysctls need one. */
        AUTO,
        /** Always; a machine that cannot make one fails every topic with the reason. */
        ON,
        /** Never; topics that set sysctls are not executed. */
        OFF;

        public static SandboxPolicy parse(String s) {
            return valueOf(s.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
