package dev.socknotes.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.publish.SupportBundle;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentClassPathTest {

    @Test
    void agentsRunWithTheSupportJarThatIsPublishedAndTheAgentJarOnly(@TempDir Path work) throws Exception {
        List<String> entries = List.of(AgentClassPath.runtime(work).split(File.pathSeparator));
        assertThat(entries).containsExactly(work.resolve("classpath/support.jar").toString(), work.resolve("classpath/agent.jar").toString());
        assertThat(Files.readAllBytes(Path.of(entries.get(0)))).isEqualTo(SupportBundle.jar());
        try (JarFile support = new JarFile(entries.get(0)); JarFile agent = new JarFile(entries.get(1))) {
            assertThat(support.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")))
                    .isNotEmpty().allMatch(n -> n.startsWith("dev/socknotes/support/"));
            assertThat(agent.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")))
                    .contains("dev/socknotes/exec/agent/AgentMain.class").allMatch(n -> n.startsWith("dev/socknotes/exec/agent/"));
        }
        assertThat(AgentClassPath.compile(work)).isEqualTo(entries.get(0));
    }

    @Test
    void aSnippetCannotImportTheBuildsOwnPackages(@TempDir Path work) {
        java.time.Duration limit = java.time.Duration.ofSeconds(10);
        try (Executor executor = new Executor(ExecutorSettings.defaults(work).withWorkers(1))) {
            TopicResult r = executor.run(List.of(new TopicJob("t", List.of(
                    new SnippetJob("a", "System.out.println(dev.socknotes.publish.SupportBundle.SOURCE_DIR);", limit, false),
                    new SnippetJob("b", "System.out.println(PacketLine.parse(\"client → server  [R]\").isPresent());", limit, false)),
                    java.util.Map.of()))).getFirst();
            assertThat(r.results().get(0).outcome()).isInstanceOfSatisfying(Outcome.CompileError.class,
                    e -> assertThat(e.problems().getFirst().message()).contains("dev.socknotes.publish"));
            assertThat(r.results().get(1).outcome()).isEqualTo(new Outcome.Completed("true\n"));
        }
    }
}
