package dev.socknotes.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.TestPages;
import dev.socknotes.diagnostic.Diagnostic;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix's record contract on a real kernel in qemu, with a two-snippet topic: update writes
 * the records, a check of unchanged code re-runs nothing, a record whose output differs fails with
 * a diff naming kernel and snippet, and an edited snippet makes its records (and those after it) stale.
 */
class KernelMatrixIT {
    private static final Path WORK = Path.of("target", "matrix").toAbsolutePath();
    private static final String PAGE = TestPages.TWO_SNIPPETS;

    @Test
    void recordsAreWrittenCheckedFoundDifferentAndFoundStale(@TempDir Path project) throws Exception {
        Path page = Files.createDirectories(project.resolve("content/en")).resolve("t.md");
        Files.writeString(page, PAGE);
        Path records = project.resolve("data/matrix/bookworm.json");

        KernelMatrix.Report update = matrix(project).run(List.of(Suite.BOOKWORM), true);
        assertThat(update.errors()).isEmpty();
        KernelRecords written = KernelRecords.read(records).orElseThrow();
        assertThat(written.imagePackage()).startsWith("linux-image-6.1.0-");
        assertThat(written.release()).startsWith("6.1.0-");
        assertThat(written.snippets()).extracting(KernelRecords.SnippetRecord::snippet).containsExactly("t#first", "t#second");
        assertThat(written.snippets()).extracting(KernelRecords.SnippetRecord::output).containsExactly("hello from 2", "12");
        assertThat(written.snippets()).extracting(KernelRecords.SnippetRecord::status).containsOnly("completed");
        assertThat(Files.readString(records)).doesNotContainIgnoringCase("millis").doesNotContain("elapsed");

        long started = System.nanoTime();
        KernelMatrix.Report unchanged = matrix(project).run(List.of(Suite.BOOKWORM), false);
        System.out.printf("no-change check: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(unchanged.errors()).isEmpty();
        assertThat(unchanged.notes()).anyMatch(n -> n.contains("1 topics fresh, 0 to run")).noneMatch(n -> n.contains("emulation") || n.contains("KVM"));

        // a record that says otherwise, recorded with another JDK so that the check re-runs the topic
        var second = written.snippets().get(1);
        new KernelRecords(written.suite(), written.imagePackage(), written.packageVersion(), written.release(), "Some JDK 24",
                List.of(written.snippets().get(0), new KernelRecords.SnippetRecord(second.snippet(), second.codeHash(),
                        second.status(), "13"))).write(records);
        KernelMatrix.Report differs = matrix(project).run(List.of(Suite.BOOKWORM), false);
        assertThat(differs.errors()).hasSize(1);
        Diagnostic d = differs.errors().getFirst();
        assertThat(d.headline()).contains("t.md:12:1: error: t#second printed on Linux 6.1 (linux-image-6.1.0-")
                .contains("not what data/matrix/bookworm.json records");
        assertThat(d.details()).contains("-13", "+12");
        assertThat(differs.notes()).anyMatch(n -> n.contains("recorded with") && n.contains("Some JDK 24"));

        written.write(records);
        Files.writeString(page, PAGE.replace("(1 + 1)", "(1 + 2)"));
        KernelMatrix.Report stale = matrix(project).run(List.of(Suite.BOOKWORM), false);
        assertThat(stale.errors()).extracting(Diagnostic::message).hasSize(2)
                .allMatch(m -> m.contains("is stale")).anyMatch(m -> m.contains("t#first")).anyMatch(m -> m.contains("t#second"));
    }

    private static KernelMatrix matrix(Path project) {
        PrintStream console = System.out;
        return new KernelMatrix(project, project.resolve("content"), project.resolve("data/matrix"), WORK, Optional.empty(),
                false, 1, console);
    }
}
