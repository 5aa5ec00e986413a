package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import dev.socknotes.diagnostic.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real builds of small projects that fail outside the pages' Markdown — in a template, in a
 * setting, inside the build itself — and one whose topics link across folders.
 */
class ErrorPathsTest {
    private static final String EN = "title=T\ndate=2026-11-24\n~~~~~~\nText.\n";
    private static final String ZH = "title=T\ndate=2026-11-24\n~~~~~~\n文字。\n";

    @TempDir
    Path root;

    private record Build(int exitCode, java.util.List<String> errors, String console) {}

    private Build build(Map<Setting, String> settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var result = new Socknotes(BuildConfig.from(root, settings), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        return new Build(result.exitCode(), result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline)
                .toList(), out.toString(StandardCharsets.UTF_8));
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private void project() throws IOException {
        write("content/en/t.md", EN);
        write("content/zh/t.md", ZH);
        BrokenInputCorpusTest.copyTree(Path.of("templates"), root.resolve("templates"));
        BrokenInputCorpusTest.copyTree(Path.of("assets"), root.resolve("assets"));
    }

    @Test
    void aTemplateErrorIsReportedAtTheTemplatesLineAndColumn() throws IOException {
        project();
        Path topic = root.resolve("templates/topic.ftl");
        String text = Files.readString(topic);
        assertThat(text.lines().toList().get(11)).contains("content.summary?has_content");
        Files.writeString(topic, text.replace("content.summary?has_content", "content.summary.nosuch?has_content"));

        Build b = build(Map.of(Setting.WORKERS, "1"));

        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.errors()).hasSize(1);
        assertThat(b.errors().getFirst()).as(b.console())
                .startsWith("templates/topic.ftl:12:10: error: For \".\" left-hand operand: Expected a hash");
        assertThat(b.console()).contains("    " + Files.readAllLines(topic).get(11).stripTrailing() + "\n")
                .doesNotContain("Failed to render");
    }

    @Test
    void anOptionErrorNamesTheSetting() throws IOException {
        project();
        Build b = build(Map.of(Setting.WORKERS, "1", Setting.ONLY, "t"));
        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.errors()).containsExactly(
                "socknotes.only: error: applies to update and sync mode only (add -Dsocknotes.mode=update or -Dsocknotes.mode=sync)");
        Build update = build(Map.of(Setting.WORKERS, "1", Setting.MODE, "update", Setting.ONLY, "nosuch#id"));
        assertThat(update.errors()).containsExactly("socknotes.only: error: names no topic: nosuch#id");
    }

    @Test
    void anUnexpectedExceptionIsOneInternalErrorWithItsStackTraceInALogFile() throws IOException {
        project();
        // a claim whose field name is a list: the ledger reader does not expect that shape
        write("data/claims.yaml", "- {[id]: c1}\n");
        Path previousSite = root.resolve("target/site/index.html");
        write("target/site/index.html", "previous");

        Build b = build(Map.of(Setting.WORKERS, "1"));

        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.errors()).singleElement().asString().startsWith(
                "socknotes: error: internal error: java.lang.ClassCastException in dev.socknotes.verify.ClaimLedger.fields;"
                        + " its stack trace is in target/socknotes/internal-error.log");
        assertThat(b.console()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(root.resolve("target/socknotes/internal-error.log")).content()
                .contains("java.lang.ClassCastException").contains("\tat dev.socknotes.verify.ClaimLedger.fields");
        assertThat(previousSite).hasContent("previous");
    }

    @Test
    void linksBetweenTopicsInDifferentFoldersPointAtThePages() throws IOException {
        project();
        write("content/en/t.md", EN.replace("Text.", "See [the guide](guide/g.md#steps)."));
        write("content/zh/t.md", ZH.replace("文字。", "见[指南](guide/g.md#steps)。"));
        write("content/en/guide/g.md", "title=G\ndate=2026-11-24\n~~~~~~\nBack to [the start](../t.md).\n\n## Steps {#steps}\n\nOne.\n");
        write("content/zh/guide/g.md", "title=G\ndate=2026-11-24\n~~~~~~\n回到[开头](../t.md)。\n\n## 步骤 {#steps}\n\n一。\n");

        Build b = build(Map.of(Setting.WORKERS, "1"));

        assertThat(b.exitCode()).as(b.console()).isZero();
        Path site = root.resolve("target/site");
        for (String lang : new String[] {"en", "zh"}) {
            var start = Jsoup.parse(site.resolve(lang + "/t.html").toFile(), "UTF-8");
            assertThat(start.select("main a[href='guide/g.html#steps']")).as(lang).hasSize(1);
            var guide = Jsoup.parse(site.resolve(lang + "/guide/g.html").toFile(), "UTF-8");
            assertThat(guide.select("main a[href='../t.html']")).as(lang).hasSize(1);
            assertThat(guide.select("a[href$='.md']")).as(lang + ": no link left to a source file").isEmpty();
        }
        assertThat(site.resolve("en").resolve("guide/g.html")).exists();
        assertThat(site.resolve("en/guide").resolve("../t.html").normalize()).exists();
    }
}
