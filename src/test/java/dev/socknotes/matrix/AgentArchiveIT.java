package dev.socknotes.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.exec.Executor;
import dev.socknotes.exec.ExecutorSettings;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.SnippetJob;
import dev.socknotes.exec.TopicJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guests' agent archive, on a real kernel in qemu: a training run writes it through its port
 * and runs its topic to the end (its results stand as the topic's run), the archive is kept for
 * the next run, and an agent booted with it maps it (its /proc/self/maps names the file) while one
 * booted without does not.
 */
class AgentArchiveIT {
    private static final Path ROOT = Path.of("target", "matrix");
    private static final String MAPS_ARCHIVE = "System.out.println(java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/proc/self/maps\"))"
            + ".stream().anyMatch(l -> l.endsWith(\"" + AgentArchive.IN_GUEST + "\")));";

    @Test
    void aTrainingRunWritesTheArchiveItIsKeptAndAgentsBootedWithItMapIt(@TempDir Path dir) throws Exception {
        Kernel kernel = ((KernelFetch.Result.Ready) new KernelFetch(ROOT, KernelFetch.MIRROR).fetch(Suite.BOOKWORM)).kernel();
        GuestImage images = new GuestImage(ROOT);
        ExecutorSettings settings = ExecutorSettings.defaults(ROOT.resolve("exec").toAbsolutePath()).withWorkers(1);
        TopicJob training = MatrixTopic.load(Path.of("content"), "shutdown", false, VirtualMachine.timeoutFactor()).job();
        AgentArchives archives = new AgentArchives(dir);
        List<String> notes = new ArrayList<>();

        AgentArchives.Training trained = archives.train(kernel, images, training, settings, notes::add);

        AgentArchive archive = trained.archive();
        assertThat(archive).isInstanceOf(AgentArchive.Trained.class);
        Path file = ((AgentArchive.Trained) archive).file();
        assertThat(file).startsWith(dir.resolve("archive"));
        assertThat(Files.size(file)).isGreaterThan(1 << 20);
        assertThat(notes).singleElement().asString().startsWith("matrix: trained the agents' class-data archive (shutdown on ");
        // the training run is the topic's run on that kernel: every snippet ran to its end
        assertThat(trained.result().results()).hasSameSizeAs(training.snippets())
                .allSatisfy(r -> assertThat(r.outcome()).isInstanceOf(Outcome.Completed.class));
        assertThat(trained.resultUsable()).isTrue();

        assertThat(archives.kept(images)).contains((AgentArchive.Trained) archive); // kept for the next run

        assertThat(probe(kernel, images.build(kernel, archive), settings)).isEqualTo("true\n");
        assertThat(probe(kernel, images.build(kernel, new AgentArchive.None()), settings)).isEqualTo("false\n");
    }

    /** Whether the agent JVM in the guest has the archive file mapped. */
    private static String probe(Kernel kernel, Path image, ExecutorSettings settings) throws Exception {
        TopicJob job = new TopicJob("archive-probe", List.of(new SnippetJob("probe", MAPS_ARCHIVE, Duration.ofMinutes(2), false)), Map.of());
        try (Executor executor = new Executor(settings, new VirtualMachine(kernel, image))) {
            Outcome outcome = executor.run(List.of(job)).getFirst().results().getFirst().outcome();
            assertThat(outcome).isInstanceOf(Outcome.Completed.class);
            return outcome.output();
        }
    }
}
