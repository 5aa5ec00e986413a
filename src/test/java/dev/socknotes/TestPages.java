package dev.socknotes;

import dev.socknotes.content.HeaderParser;
import dev.socknotes.content.Lang;
import dev.socknotes.content.Page;
import dev.socknotes.content.SourceText;
import dev.socknotes.snippet.PageParser;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import dev.socknotes.diagnostic.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds pages from strings for unit tests, and test projects for real bakes. */
public final class TestPages {
    private TestPages() {}

    public static final String HEADER = "title=Test\ndate=2026-11-24\n~~~~~~\n";

    public static Page page(Lang lang, String topic, String text) {
        SourceText src = SourceText.of(Path.of("content", lang.dir(), topic + ".md"), text);
        var parsed = new HeaderParser().parse(src, topic);
        if (parsed.header().isEmpty()) {
            throw new AssertionError("bad test header: " + parsed.diagnostics());
        }
        return new Page(lang, src, parsed.header().get());
    }

    public static PageParser.Result parse(Lang lang, String topic, String body) {
        return new PageParser().parse(page(lang, topic, HEADER + body));
    }

    public static ParsedPage parsed(Lang lang, String topic, String body) {
        PageParser.Result r = parse(lang, topic, body);
        if (!r.diagnostics().isEmpty()) {
            throw new AssertionError("unexpected diagnostics: " + r.diagnostics());
        }
        return r.page();
    }

    /** Writes one file of a test project. */
    public static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /**
     * A topic of two snippets sharing a session, the second using the first's variable; its output
     * blocks hold what they print.
     */
    public static final String TWO_SNIPPETS = """
            title=T
            date=2026-11-24
            ~~~~~~
            ```java run id=first
            var greeting = "hello from " + (1 + 1);
            System.out.println(greeting);
            ```
            ```output
            hello from 2
            ```

            ```java run id=second
            System.out.println(greeting.length());
            ```
            ```output
            12
            ```
            """;

    /** What a build did: its exit code, its errors' headlines and its console. */
    public record Build(int exitCode, List<String> errors, String console) {}

    /** Builds the project under {@code root} with the real pipeline, successful or not. */
    public static Build run(Path root, Map<Setting, String> settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var result = new Socknotes(BuildConfig.from(root, settings), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        return new Build(result.exitCode(), result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline)
                .toList(), out.toString(StandardCharsets.UTF_8));
    }

    /**
     * Builds the project under {@code root} with the real pipeline and the repository's templates
     * and assets, requiring success.
     *
     * @return the console
     */
    public static String bake(Path root) {
        BrokenInputCorpusTest.copyTree(Path.of("templates"), root.resolve("templates"));
        BrokenInputCorpusTest.copyTree(Path.of("assets"), root.resolve("assets"));
        Build b = run(root, Map.of(Setting.WORKERS, "1"));
        if (b.exitCode() != 0) {
            throw new AssertionError("the build failed:\n" + b.console());
        }
        return b.console();
    }
}
