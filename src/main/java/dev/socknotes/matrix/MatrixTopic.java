package dev.socknotes.matrix;

import dev.socknotes.content.HeaderParser;
import dev.socknotes.content.Lang;
import dev.socknotes.content.Page;
import dev.socknotes.content.SourceText;
import dev.socknotes.exec.SnippetJob;
import dev.socknotes.exec.TopicJob;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.PageParser;
import dev.socknotes.snippet.Snippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One topic's run snippets as the matrix executes them: the English page's (both languages hold
 * byte-identical snippets, which the normal build checks), in page order, with the topic's sysctls.
 *
 * @param job      what the executor runs, one job per snippet
 * @param snippets the snippets the jobs come from, same order
 */
public record MatrixTopic(TopicJob job, List<Snippet> snippets) {
    /**
     * The topic of {@code content/en/<topic>.md}; a page that does not parse is an error naming it.
     *
     * @param timeoutFactor how much longer than on this machine each snippet may take where it runs
     *                      (an emulated CPU is many times slower; the snippets' own waits are measured
     *                      on the guest's clock and stay as written)
     */
    public static MatrixTopic load(Path contentDir, String topic, boolean slow, int timeoutFactor) throws IOException {
        Path file = contentDir.resolve(Lang.EN.dir()).resolve(topic + ".md");
        SourceText src = SourceText.of(file, Files.readString(file, StandardCharsets.UTF_8));
        HeaderParser.Parsed header = new HeaderParser().parse(src, topic);
        if (header.header().isEmpty()) {
            throw new IOException(describe(header.diagnostics()));
        }
        PageParser.Result parsed = new PageParser().parse(new Page(Lang.EN, src, header.header().get()));
        if (!parsed.diagnostics().isEmpty()) {
            throw new IOException(describe(parsed.diagnostics()));
        }
        List<SnippetJob> jobs = new ArrayList<>();
        List<Snippet> snippets = new ArrayList<>();
        for (Snippet s : parsed.page().snippets()) {
            if (s.options().slow() && !slow) {
                continue;
            }
            jobs.add(new SnippetJob(s.label(), s.code(), s.options().effectiveTimeout().multipliedBy(timeoutFactor),
                    s.options().reset()));
            snippets.add(s);
        }
        var h = header.header().get();
        return new MatrixTopic(new TopicJob(topic, jobs, h.sysctls(), h.needsSandbox()), snippets);
    }

    private static String describe(List<Diagnostic> diagnostics) {
        return String.join("\n", diagnostics.stream().map(Diagnostic::format).toList());
    }
}
