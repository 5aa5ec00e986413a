package dev.socknotes.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.SnippetResult;
import dev.socknotes.snippet.Snippet;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The matrix check's comparison, without a machine: the committed records of the real site against
 * a run that printed what they say, then against a record whose output was changed. (KernelMatrixIT
 * runs the same contract end to end in qemu.)
 */
class KernelMatrixCheckTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path RECORDS = ROOT.resolve("data/matrix/bookworm.json");

    @Test
    void aChangedRecordedOutputFailsTheCheckWithADiffNamingTheKernelAndTheSnippet() throws Exception {
        KernelRecords recorded = KernelRecords.read(RECORDS).orElseThrow();
        Snippet snippet = MatrixTopic.load(ROOT.resolve("content"), "shutdown", false, 1).snippets().getFirst();
        KernelRecords.SnippetRecord record = recorded.find(snippet.reference().toString()).orElseThrow();
        Kernel kernel = new Kernel(Suite.BOOKWORM, recorded.imagePackage(), recorded.packageVersion(), recorded.release(),
                Path.of("vmlinuz"), Path.of("modules"));
        // the run printed what the record says (a machine's output, as the executor returns it)
        KernelRecords.SnippetRecord run = KernelRecords.SnippetRecord.of(record.snippet(), record.codeHash(),
                new SnippetResult(new Outcome.Completed(record.output() + "\n"), ""));
        KernelMatrix matrix = new KernelMatrix(ROOT, ROOT.resolve("content"), RECORDS.getParent(), ROOT.resolve("target/matrix"),
                Optional.empty(), false, 1, new PrintStream(OutputStream.nullOutputStream()));
        assertThat(matrix.compare(kernel.displayName(), RECORDS, snippet, Optional.of(record), run)).isEmpty();

        String firstLine = record.output().lines().findFirst().orElseThrow();
        KernelRecords.SnippetRecord changed = new KernelRecords.SnippetRecord(record.snippet(), record.codeHash(), record.status(),
                record.output().replaceFirst(java.util.regex.Pattern.quote(firstLine), "something else"));
        Diagnostic d = matrix.compare(kernel.displayName(), RECORDS, snippet, Optional.of(changed), run).orElseThrow();

        assertThat(d.headline()).isEqualTo("content/en/shutdown.md:" + snippet.fenceLine() + ":1: error: " + snippet.reference()
                + " printed on Linux 6.1 (" + recorded.imagePackage() + " " + recorded.packageVersion()
                + ") not what data/matrix/bookworm.json records (run with -Dsocknotes.mode=matrix-update to record what it printed)");
        assertThat(d.details()).contains("--- recorded (data/matrix/bookworm.json)",
                "+++ this run (Linux 6.1 (" + recorded.imagePackage() + " " + recorded.packageVersion() + "))",
                "-something else", "+" + firstLine);
    }
}
