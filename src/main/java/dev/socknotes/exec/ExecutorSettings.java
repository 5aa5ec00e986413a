package dev.socknotes.exec;

import dev.socknotes.config.SandboxPolicy;

import dev.socknotes.exec.agent.FilesystemLockdown;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the executor runs agents.
 *
 * @param workDir          folder for agent sockets, crash logs and native output (under target/)
 * @param workers          topics executed in parallel
 * @param outputLimitBytes a snippet printing more than this is stopped
 * @param stopGrace        how long a timed-out snippet gets to end after being interrupted
 *                         before its agent is killed
 * @param sandbox          how far agents are contained
 * @param lockdownMethod   how an agent makes its filesystem read-only; empty: the best the kernel
 *                         has (tests pick the fallback with it)
 */
public record ExecutorSettings(Path workDir, int workers, long outputLimitBytes, Duration stopGrace,
                               SandboxPolicy sandbox, Optional<FilesystemLockdown.Method> lockdownMethod) {
    public static final long ONE_MIB = 1024 * 1024;

    public ExecutorSettings {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(stopGrace, "stopGrace");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(lockdownMethod, "lockdownMethod");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
    }

    /** 1 MiB of output, one second of grace, one worker per core, sandbox when available. */
    public static ExecutorSettings defaults(Path workDir) {
        return new ExecutorSettings(workDir, Runtime.getRuntime().availableProcessors(), ONE_MIB,
                Duration.ofSeconds(1), SandboxPolicy.AUTO, Optional.empty());
    }

    public ExecutorSettings withWorkers(int n) {
        return new ExecutorSettings(workDir, n, outputLimitBytes, stopGrace, sandbox, lockdownMethod);
    }

    public ExecutorSettings withOutputLimit(long bytes) {
        return new ExecutorSettings(workDir, workers, bytes, stopGrace, sandbox, lockdownMethod);
    }

    public ExecutorSettings withSandbox(SandboxPolicy policy) {
        return new ExecutorSettings(workDir, workers, outputLimitBytes, stopGrace, policy, lockdownMethod);
    }

    public ExecutorSettings withLockdownMethod(FilesystemLockdown.Method method) {
        return new ExecutorSettings(workDir, workers, outputLimitBytes, stopGrace, sandbox, Optional.of(method));
    }

    /** How far agents are contained (see {@link Containment}). */
}
