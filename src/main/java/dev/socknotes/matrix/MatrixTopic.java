package dev.socknotes.matrix;

import dev.socknotes.content.Header;
import dev.socknotes.content.HeaderParser;
import dev.socknotes.content.Lang;
import dev.socknotes.content.Page;
import dev.socknotes.content.SourceText;
import dev.socknotes.exec.SnippetJob;
import dev.socknotes.exec.TopicJob;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.PageParser;
import dev.socknotes.snippet.Snippet;
import dev.socknotes.snippet.SnippetRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        return of(topic, header.header().get(), parsed.page().snippets(), slow, timeoutFactor);
    }

    /**
     * The topic from its parsed English page's snippets (the normal build parses each page once and
     * computes the records' code hashes from them; see {@link #codeHashes}).
     */
    public static MatrixTopic of(String topic, Header header, List<Snippet> pageSnippets, boolean slow, int timeoutFactor) {
        List<SnippetJob> jobs = new ArrayList<>();
        List<Snippet> snippets = new ArrayList<>();
        for (Snippet s : pageSnippets) {
            if (s.options().slow() && !slow) {
                continue;
            }
            jobs.add(new SnippetJob(s.label(), s.code(), s.options().effectiveTimeout().multipliedBy(timeoutFactor),
                    s.options().reset()));
            snippets.add(s);
        }
        return new MatrixTopic(new TopicJob(topic, jobs, header.sysctls(), header.needsSandbox()), snippets);
    }

    /**
     * Each snippet's code hash, as its record holds it: its code and the code run before it in the
     * topic's session, and the support library's hash, so that a record is stale as soon as anything
     * it depended on changed.
     */
    public Map<SnippetRef, String> codeHashes(String supportHash) {
        List<String> code = snippets.stream().map(Snippet::code).toList();
        Map<SnippetRef, String> hashes = new LinkedHashMap<>();
        for (int i = 0; i < code.size(); i++) {
            hashes.put(snippets.get(i).reference(), KernelRecords.codeHash(code, i, supportHash));
        }
        return hashes;
    }

    private static String describe(List<Diagnostic> diagnostics) {
        return String.join("\n", diagnostics.stream().map(Diagnostic::format).toList());
    }
}
