package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bakes a two-topic site of its own with the real pipeline (JShell, JBake) and inspects the HTML. */
class SmallSiteBakeTest {
    @TempDir
    static Path root;
    static Path site;
    static String console;

    static final String EN_A = """
            title=Alpha
            date=2026-11-24
            order=1
            ~~~~~~
            Intro with a [link to beta](b.md#two).

            ## One {#one}

            ```java run id=script
            System.out.println("<script>alert(1)</script>");
            ```
            ```output
            <script>alert(1)</script>
            ```
            """;
    static final String ZH_A = """
            title=甲
            date=2026-11-24
            order=1
            ~~~~~~
            引言，[链接到乙](b.md#two)。

            ## 第一节 {#one}

            ```java run id=script
            System.out.println("<script>alert(1)</script>");
            ```
            ```output
            <script>alert(1)</script>
            ```
            """;

    @BeforeAll
    static void bake() throws IOException {
        write("content/en/a.md", EN_A);
        write("content/zh/a.md", ZH_A);
        write("content/en/b.md", "title=Beta\ndate=2026-11-24\norder=2\n~~~~~~\n## Two {#two}\n\nText.\n");
        write("content/zh/b.md", "title=乙\ndate=2026-11-24\norder=2\n~~~~~~\n## 第二节 {#two}\n\n正文。\n");
        console = TestPages.bake(root);
        site = root.resolve("target/site");
    }

    private static void write(String rel, String text) throws IOException {
        TestPages.write(root, rel, text);
    }

    private static Document page(String rel) throws IOException {
        return Jsoup.parse(site.resolve(rel).toFile(), "UTF-8");
    }

    @Test
    void writesThreeViewsPerTopicWithTheirLanguages() throws IOException {
        assertThat(page("zh/a.html").selectFirst("html").attr("lang")).isEqualTo("zh-Hans");
        assertThat(page("en/a.html").selectFirst("html").attr("lang")).isEqualTo("en");
        Document both = page("bilingual/a.html");
        assertThat(both.select(".col[lang=zh-Hans]")).isNotEmpty();
        assertThat(both.select(".col[lang=en]")).isNotEmpty();
        assertThat(both.select("section.pair#one .pair-heading h2")).extracting(Element::text).containsExactly("第一节", "One");
    }

    @Test
    void hreflangAndLanguageSwitchPointAtExistingPages() throws IOException {
        Document en = page("en/a.html");
        assertThat(en.select("link[rel=alternate]")).extracting(e -> e.attr("hreflang"))
                .containsExactly("zh-Hans", "en", "x-default");
        for (Element link : en.select("link[rel=alternate], .lang-switch a")) {
            assertThat(site.resolve("en").resolve(link.attr("href")).normalize()).exists();
        }
    }

    @Test
    void topicLinksPointAtThePageInTheSameLanguage() throws IOException {
        assertThat(page("zh/a.html").select("a[href='b.html#two']")).hasSize(1);
        assertThat(page("en/a.html").select("a[href='b.html#two']")).hasSize(1);
    }

    @Test
    void printedMarkupIsShownAsTextNeverAsAnElement() throws IOException {
        Document en = page("en/a.html");
        assertThat(en.select("figure.snippet script")).isEmpty();
        assertThat(en.select("figure.snippet samp").text()).contains("<script>alert(1)</script>");
    }

    @Test
    void consoleHasOneLinePerStage() {
        assertThat(console.lines().filter(l -> l.startsWith("content:") || l.startsWith("execute:")
                || l.startsWith("verify:") || l.startsWith("bake:"))).hasSize(4);
    }

    @Test
    void aSecondBuildOfTheSameSourcesIsByteIdentical() throws IOException {
        Path again = root.resolve("again");
        var result = new Socknotes(BuildConfig.from(root, Map.of(Setting.WORKERS, "1", Setting.OUT, again.resolve("site").toString())),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        assertThat(result.exitCode()).isZero();
        List<String> first;
        List<String> second;
        try (var a = Files.walk(site); var b = Files.walk(again.resolve("site"))) {
            first = a.filter(Files::isRegularFile).map(p -> site.relativize(p).toString()).sorted().toList();
            second = b.filter(Files::isRegularFile).map(p -> again.resolve("site").relativize(p).toString()).sorted().toList();
        }
        assertThat(second).isEqualTo(first);
        for (String f : first) {
            assertThat(Files.readAllBytes(again.resolve("site").resolve(f))).as(f).isEqualTo(Files.readAllBytes(site.resolve(f)));
        }
        assertThat(Files.readAllBytes(again.resolve("socknotes-site.zip")))
                .isEqualTo(Files.readAllBytes(root.resolve("target/socknotes-site.zip")));
    }

    @Test
    void withTheCacheARebuildRendersOnlyTheEditedPagesAndEqualsAFullBake(@TempDir Path project) throws IOException {
        BrokenInputCorpusTest.copyTree(root.resolve("content"), project.resolve("content"));
        BrokenInputCorpusTest.copyTree(root.resolve("templates"), project.resolve("templates"));
        BrokenInputCorpusTest.copyTree(root.resolve("assets"), project.resolve("assets"));
        Map<Setting, String> cached = Map.of(Setting.WORKERS, "1", Setting.CACHE, "true");
        assertThat(build(project, cached)).doesNotContain(" rendered, ");
        build(project, cached); // results now come from the cache, which the pages say: they change once
        assertThat(build(project, cached)).containsPattern("\\(0 rendered, \\d+ unchanged from the previous site\\)");

        Path page = project.resolve("content/en/b.md");
        Files.writeString(page, Files.readString(page).replace("Text.", "Edited text."));
        assertThat(build(project, cached)).containsPattern("\\(2 rendered, \\d+ unchanged"); // en/b and bilingual/b
        Path incremental = project.resolve("target/site");
        assertThat(Jsoup.parse(incremental.resolve("en/b.html").toFile(), "UTF-8").text()).contains("Edited text.");

        Path full = project.resolve("full/site");
        assertThat(build(project, Map.of(Setting.WORKERS, "1", Setting.CACHE, "true", Setting.OUT, full.toString())))
                .doesNotContain(" rendered, "); // another folder: nothing to reuse
        try (var a = Files.walk(incremental); var b = Files.walk(full)) {
            List<String> inc = a.filter(Files::isRegularFile).map(p -> incremental.relativize(p).toString()).sorted().toList();
            List<String> all = b.filter(Files::isRegularFile).map(p -> full.relativize(p).toString()).sorted().toList();
            assertThat(inc).isEqualTo(all);
            for (String f : all) {
                assertThat(Files.readAllBytes(incremental.resolve(f))).as(f).isEqualTo(Files.readAllBytes(full.resolve(f)));
            }
        }

        Files.writeString(project.resolve("templates/topic.ftl"), Files.readString(project.resolve("templates/topic.ftl")) + "\n");
        assertThat(build(project, cached)).as("a template change bakes everything").doesNotContain(" rendered, ");
    }

    private static String build(Path project, Map<Setting, String> settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var result = new Socknotes(BuildConfig.from(project, settings), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(result.exitCode()).as(text).isZero();
        return text;
    }
}
