package dev.socknotes.matrix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.socknotes.cache.ResultCache;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.SnippetResult;
import dev.socknotes.snippet.OutputPattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One kernel's committed results, {@code data/matrix/<suite>.json}: what every snippet printed on
 * it. Stable order (topics by key, snippets in page order) and no timings, so the file changes
 * only when a result does.
 *
 * @param suite          Debian suite, e.g. "bookworm"
 * @param imagePackage   the kernel image package the results were produced with
 * @param packageVersion its version (mirrors keep only the current point release)
 * @param release        the kernel release the agent reported
 * @param jdk            the agent JVM's vendor and version
 * @param snippets       one record per snippet
 */
public record KernelRecords(String suite, String imagePackage, String packageVersion, String release, String jdk,
                            List<SnippetRecord> snippets) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public KernelRecords {
        snippets = List.copyOf(snippets);
    }

    /**
     * @param snippet  "topic#id"
     * @param codeHash of the snippet's code, the code before it in its topic, and the support library
     * @param status   what became of it: completed, threw, compile-error, timed-out, agent-died,
     *                 output-limit, skipped, unavailable
     * @param output   what it printed (stray output of threads it left running included), normalized
     *                 as output blocks are; a throw ends with "throws Class: message"
     */
    public record SnippetRecord(String snippet, String codeHash, String status, String output) {
        static SnippetRecord of(String snippet, String codeHash, SnippetResult result) {
            Outcome o = result.outcome();
            String printed = OutputPattern.normalize(o.output() + result.strayOutput());
            String status = switch (o) {
                case Outcome.Completed c -> "completed";
                case Outcome.Threw t -> "threw";
                case Outcome.CompileError c -> "compile-error";
                case Outcome.TimedOut t -> "timed-out";
                case Outcome.AgentDied d -> "agent-died";
                case Outcome.OutputLimitExceeded l -> "output-limit";
                case Outcome.Skipped s -> "skipped";
                case Outcome.Unavailable u -> "unavailable";
            };
            if (o instanceof Outcome.Threw t) {
                printed = (printed.isEmpty() ? "" : printed + "\n") + "throws " + t.exceptionClass()
                        + (t.message() == null ? "" : ": " + t.message());
            }
            return new SnippetRecord(snippet, codeHash, status, printed);
        }

        /** Status and output, as compared between runs. */
        String result() {
            return "status: " + status + "\n" + output;
        }
    }

    /** The hash of snippet {@code index}: its code and every snippet's code before it in the session, plus the support library's. */
    static String codeHash(List<String> topicCode, int index, String supportHash) {
        StringBuilder sb = new StringBuilder(supportHash);
        for (int i = 0; i <= index; i++) {
            sb.append('\0').append(topicCode.get(i));
        }
        return ResultCache.sha256(sb.toString());
    }

    public Optional<SnippetRecord> find(String snippet) {
        return snippets.stream().filter(r -> r.snippet().equals(snippet)).findFirst();
    }

    public static Optional<KernelRecords> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(file.toFile(), KernelRecords.class));
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
    }
}
