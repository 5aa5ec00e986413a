package dev.socknotes.matrix;

import dev.socknotes.exec.Executor;
import dev.socknotes.exec.ExecutorSettings;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.TopicJob;
import dev.socknotes.exec.TopicResult;
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
 * archive holds no kernel's state, so one training serves every kernel. The training run is a run
 * of its topic on its kernel like any other (the archive is written after the last snippet, as the
 * agent exits), so its results count as that kernel's, unless its agent did not last the topic.
 */
final class AgentArchives {
    private final Path dir;

    AgentArchives(Path workDir) {
        this.dir = workDir.resolve("archive");
    }

    /** What a training run left: the archive ({@link AgentArchive.None} if none was written) and the topic's results. */
    record Training(AgentArchive archive, TopicResult result) {
        /** Whether the results can stand as the topic's run: the agent lasted every snippet. */
        boolean resultUsable() {
            return result.results().stream().map(r -> r.outcome())
                    .noneMatch(o -> o instanceof Outcome.AgentDied || o instanceof Outcome.Skipped || o instanceof Outcome.Unavailable);
        }
    }

    /** The archive a training run left for these agents, if one did. */
    Optional<AgentArchive.Trained> kept(GuestImage images) throws IOException {
        Path kept = file(images);
        return Files.isRegularFile(kept) ? Optional.of(new AgentArchive.Trained(kept)) : Optional.empty();
    }

    /** Runs {@code training} on {@code kernel} in a guest whose agent writes the archive as it exits, and keeps the archive. */
    Training train(Kernel kernel, GuestImage images, TopicJob training, ExecutorSettings settings, Consumer<String> note)
            throws IOException, URISyntaxException, Tool.MissingToolException {
        Path kept = file(images);
        Files.createDirectories(dir);
        Path written = kept.resolveSibling(kept.getFileName() + ".partial");
        Files.deleteIfExists(written);
        long started = System.nanoTime();
        VirtualMachine vm = new VirtualMachine(kernel, images.build(kernel, new AgentArchive.Training()), Optional.of(written));
        TopicResult result;
        try (Executor executor = new Executor(settings.withWorkers(1), vm)) {
            result = executor.run(List.of(training)).getFirst();
        }
        if (!Files.isRegularFile(written) || Files.size(written) == 0) {
            note.accept("matrix: no agent archive was written by the training run (" + training.topic() + " on "
                    + kernel.displayName() + "); agents start without one");
            return new Training(new AgentArchive.None(), result);
        }
        Files.move(written, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        note.accept("matrix: trained the agents' class-data archive (" + training.topic() + " on " + kernel.displayName()
                + ", " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s, " + Files.size(kept) / 1024 + " KiB)");
        return new Training(new AgentArchive.Trained(kept), result);
    }

    private Path file(GuestImage images) throws IOException {
        return dir.resolve(images.agentIdentity() + ".jsa");
    }
}
