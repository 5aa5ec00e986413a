package dev.socknotes;

import dev.socknotes.config.SandboxPolicy;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.exec.Executor;
import dev.socknotes.exec.ExecutorSettings;
import dev.socknotes.exec.TopicJob;
import dev.socknotes.exec.TopicResult;
import dev.socknotes.publish.SupportBundle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs topics' snippets through the executor with this build's settings. */
final class SnippetRunner {
    private SnippetRunner() {}

    static List<TopicResult> run(BuildConfig cfg, List<TopicJob> jobs) throws IOException {
        if (jobs.isEmpty()) {
            return List.of();
        }
        Files.createDirectories(cfg.workDir());
        ExecutorSettings settings = ExecutorSettings.defaults(cfg.workDir().resolve("exec")).withWorkers(cfg.workers())
                .withSandbox(cfg.sandbox());
        try (Executor executor = new Executor(settings)) {
            return executor.run(jobs);
        }
    }

    /** The parts of the cache key that come from the machine: JDK, kernel, support library. */
    static String environmentKey() throws IOException {
        String kernel = Files.readAllLines(Path.of("/proc/sys/kernel/osrelease")).stream().findFirst().orElse("?");
        return Runtime.version() + "|" + System.getProperty("java.vendor") + "|" + kernel + "|" + SupportBundle.hash();
    }
}
