package dev.socknotes.matrix;

import dev.socknotes.exec.Executor;
import dev.socknotes.exec.ExecutorSettings;
import dev.socknotes.exec.TopicJob;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps the guests' agent archive ({@link AgentArchive}) under {@code target/matrix/archive/}, one
 * per runtime, agent jars and JVM options ({@link GuestImage#agentIdentity()}), and trains it when
 * there is none: one topic run once in a guest whose agent writes the archive as it exits. The
 * archive holds no kernel's state, so one training serves every kernel. The training run's results
 * are not used: the topics are run again from the archive, as every matrix run runs them.
 */
final class AgentArchives {
    private final Path dir;

    AgentArchives(Path workDir) {
        this.dir = workDir.resolve("archive");
    }

    AgentArchive obtain(Kernel kernel, GuestImage images, TopicJob training, ExecutorSettings settings, Consumer<String> note)
            throws IOException, URISyntaxException, Tool.MissingToolException {
        String identity = images.agentIdentity();
        Path kept = dir.resolve(identity + ".jsa");
        if (Files.isRegularFile(kept)) {
            return new AgentArchive.Trained(kept);
        }
        Files.createDirectories(dir);
        Path written = dir.resolve(identity + ".jsa.partial");
        Files.deleteIfExists(written);
        long started = System.nanoTime();
        VirtualMachine vm = new VirtualMachine(kernel, images.build(kernel, new AgentArchive.Training()), Optional.of(written));
        try (Executor executor = new Executor(settings.withWorkers(1), vm)) {
            executor.run(List.of(training));
        }
        if (!Files.isRegularFile(written) || Files.size(written) == 0) {
            note.accept("matrix: no agent archive was written by the training run (" + training.topic() + " on "
                    + kernel.displayName() + "); agents start without one");
            return new AgentArchive.None();
        }
        Files.move(written, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        note.accept("matrix: trained the agents' class-data archive (" + training.topic() + " on " + kernel.displayName()
                + ", " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s, " + Files.size(kept) / 1024 + " KiB)");
        return new AgentArchive.Trained(kept);
    }
}
