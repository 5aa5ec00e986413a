package dev.socknotes.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.exec.Executor;
import dev.socknotes.exec.ExecutorSettings;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.TopicResult;
import dev.socknotes.snippet.OutputPattern;
import dev.socknotes.snippet.Snippet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real topic on a real Debian kernel in qemu: JShell compiles on the host, the agent runs in the
 * virtual machine behind its virtio-serial ports, and every output matches the page's output block
 * (which this machine's kernel produced).
 */
class VirtualMachineIT {
    private static final Path ROOT = Path.of("target", "matrix");

    @Test
    void runsATopicsSnippetsInAVirtualMachineAndPrintsWhatThePageSays() throws Exception {
        KernelFetch.Result fetched = new KernelFetch(ROOT, KernelFetch.MIRROR).fetch(Suite.BOOKWORM);
        assertThat(fetched).isInstanceOf(KernelFetch.Result.Ready.class);
        Kernel kernel = ((KernelFetch.Result.Ready) fetched).kernel();
        long t0 = System.nanoTime();
        Path image = new GuestImage(ROOT).build(kernel);
        System.out.printf("initramfs %s: %d bytes, built in %d ms%n", image, Files.size(image), (System.nanoTime() - t0) / 1_000_000);
        VirtualMachine vm = new VirtualMachine(kernel, image);
        MatrixTopic topic = MatrixTopic.load(Path.of("content"), "symptom", false, VirtualMachine.timeoutFactor());

        ExecutorSettings settings = ExecutorSettings.defaults(ROOT.resolve("exec").toAbsolutePath()).withWorkers(1);
        try (Executor executor = new Executor(settings, vm)) {
            TopicResult result = executor.run(List.of(topic.job())).getFirst();
            System.out.printf("topic %s on %s: %d ms%n", topic.job().topic(), kernel.release(), result.elapsed().toMillis());

            assertThat(result.environment().kernelRelease()).isEqualTo(kernel.release());
            assertThat(result.results()).hasSize(topic.snippets().size()).hasSizeGreaterThan(0);
            for (int i = 0; i < topic.snippets().size(); i++) {
                Snippet snippet = topic.snippets().get(i);
                Outcome outcome = result.results().get(i).outcome();
                assertThat(outcome).as(snippet.label()).isInstanceOf(Outcome.Completed.class);
                String expected = snippet.expected().orElseThrow().text();
                assertThat(OutputPattern.matches(expected, outcome.output()))
                        .as("%s printed in the VM:%n%s%nthe page says:%n%s", snippet.label(), outcome.output(), expected).isTrue();
            }
        }
    }
}
