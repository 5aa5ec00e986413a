package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import dev.socknotes.diagnostic.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real builds of a one-topic site through the translation workflow: sync mode records the pairs,
 * an edit of one language makes the other's section stale (warning, notice, attribute, verification
 * report), strict mode fails on it, sync mode clears it; facts missing from one language and
 * avoided terms are reported at their places.
 */
class TranslationBuildTest {
    private static final String EN = """
            title=T
            date=2026-11-24
            ~~~~~~
            The lead text.

            ## One {#one}

            The kernel waits 60 s, then the call fails with `EPIPE`.

            ## Two {#two}

            A peer closes its end.
            """;
    private static final String ZH = """
            title=T
            date=2026-11-24
            ~~~~~~
            引言。

            ## 一 {#one}

            内核等待 60 秒，随后调用以 `EPIPE` 失败。

            ## 二 {#two}

            对端关闭了它的一端。
            """;
    private static final String TERMS = """
            - en: peer
              zh: 对端
              avoid: [对方]
              meaning_en: the other end
              meaning_zh: 另一端
            """;

    @TempDir
    Path root;

    private record Build(int exitCode, List<Diagnostic> diagnostics, String console) {
        List<String> headlines() {
            return diagnostics.stream().map(Diagnostic::headline).toList();
        }
    }

    @BeforeEach
    void project() throws IOException {
        BrokenInputCorpusTest.copyTree(Path.of("templates"), root.resolve("templates"));
        BrokenInputCorpusTest.copyTree(Path.of("assets"), root.resolve("assets"));
        TestPages.write(root, "content/en/t.md", EN);
        TestPages.write(root, "content/zh/t.md", ZH);
        TestPages.write(root, "data/terms.yaml", TERMS);
    }

    private Build run(String... settings) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.WORKERS, "1");
        for (int i = 0; i < settings.length; i += 2) {
            values.put(Setting.valueOf(settings[i]), settings[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var result = new Socknotes(BuildConfig.from(root, values), new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        return new Build(result.exitCode(), result.diagnostics(), out.toString(StandardCharsets.UTF_8));
    }

    private Document page(String rel) throws IOException {
        return Jsoup.parse(root.resolve("target/site").resolve(rel).toFile(), "UTF-8");
    }

    private void edit(String rel, String from, String to) throws IOException {
        Path p = root.resolve(rel);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void aSentenceAddedInEnglishMakesTheChineseSectionStaleUntilSyncModeRecordsThePair() throws Exception {
        Build sync = run("MODE", "sync");
        assertThat(sync.exitCode()).as(sync.console()).isZero();
        assertThat(sync.console()).contains("recorded in sync: t# en=", "recorded in sync: t#one en=", "recorded in sync: t#two en=",
                "sync: 3 section pairs recorded in data/translations.lock");
        String lock = Files.readString(root.resolve("data/translations.lock"));
        assertThat(lock.lines().filter(l -> !l.startsWith("#"))).hasSize(3);

        Build clean = run();
        assertThat(clean.exitCode()).as(clean.console()).isZero();
        assertThat(clean.diagnostics()).isEmpty();
        assertThat(page("zh/t.html").select("[data-translation-stale]")).isEmpty();
        assertThat(Files.readString(root.resolve("data/translations.lock"))).as("a build never writes under data/").isEqualTo(lock);

        edit("content/en/t.md", "then the call fails with `EPIPE`.", "then the call fails with `EPIPE`. It says so once.");
        Build stale = run();
        assertThat(stale.exitCode()).as(stale.console()).isZero();
        assertThat(stale.headlines()).containsExactly(
                "content/zh/t.md:6: warning: section #one may be behind content/en/t.md:6, changed since the last sync");
        assertThat(stale.console()).contains("-Dsocknotes.mode=sync -Dsocknotes.only=t#one");
        assertThat(Files.readString(root.resolve("data/translations.lock"))).isEqualTo(lock);

        Document zh = page("zh/t.html");
        assertThat(zh.select("section[data-translation-stale]")).hasSize(1);
        Element section = zh.selectFirst("section[data-translation-stale]");
        assertThat(section.attr("data-translation-stale")).isEqualTo("behind");
        assertThat(section.selectFirst("h2").id()).isEqualTo("one");
        Element notice = section.selectFirst("p.translation-stale");
        assertThat(notice.text()).startsWith("本节的英文原文在上次同步之后有改动");
        assertThat(notice.select("a").eachAttr("href")).containsExactly("../en/t.html#one", "../bilingual/t.html#one");
        assertThat(zh.select("[data-translation-stale]")).as("only the stale section's element").hasSize(1);
        assertThat(page("en/t.html").select("[data-translation-stale]")).as("the English section is not behind").isEmpty();
        Document both = page("bilingual/t.html");
        assertThat(both.select("section#one[data-translation-stale=behind]")).hasSize(1);
        assertThat(both.select("section#one .col[lang=zh-Hans] p.translation-stale a").eachAttr("href"))
                .containsExactly("../en/t.html#one", "../bilingual/t.html#one");
        assertThat(page("en/verification.html").select("table.stale-table a[href=t.html#one]").text()).isEqualTo("t#one");
        JsonNode report = new ObjectMapper().readTree(root.resolve("target/site/verification.json").toFile());
        JsonNode entry = report.path("translations").path("stale").get(0);
        assertThat(entry.path("section").asText()).isEqualTo("one");
        assertThat(entry.path("state").asText()).isEqualTo("behind");
        assertThat(entry.path("behind").asText()).isEqualTo("zh");
        assertThat(entry.path("zh").asText()).isEqualTo("content/zh/t.md:6");
        assertThat(BuiltSiteIT.nuProblems(root.resolve("target/site"), List.of(root.resolve("target/site/zh/t.html"),
                root.resolve("target/site/bilingual/t.html"), root.resolve("target/site/en/verification.html")))).isEmpty();

        Path previous = root.resolve("target/site/zh/t.html");
        String before = Files.readString(previous);
        Build strict = run("STRICT_TRANSLATIONS", "true");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline)).containsExactly(
                "content/zh/t.md:6: error: section #one may be behind content/en/t.md:6, changed since the last sync");
        assertThat(Files.readString(previous)).as("the previous site is left intact").isEqualTo(before);

        Build wrongSection = run("MODE", "sync", "ONLY", "t#3");
        assertThat(wrongSection.exitCode()).isEqualTo(1);
        assertThat(wrongSection.headlines().getFirst()).startsWith("socknotes.only: error: names no section of t: #3 (in sync mode the part after # is a section id");
        Build syncOne = run("MODE", "sync", "ONLY", "t#one");
        assertThat(syncOne.exitCode()).as(syncOne.console()).isZero();
        assertThat(syncOne.console()).contains("recorded in sync: t#one en=").doesNotContain("t#two en=");
        Build cleared = run("STRICT_TRANSLATIONS", "true");
        assertThat(cleared.exitCode()).as(cleared.console()).isZero();
        assertThat(cleared.diagnostics()).isEmpty();
        assertThat(page("zh/t.html").select("[data-translation-stale]")).isEmpty();
    }

    @Test
    void bothLanguagesChangedIsReportedOnceAndMarkedInBoth() throws Exception {
        assertThat(run("MODE", "sync").exitCode()).isZero();
        edit("content/en/t.md", "A peer closes its end.", "A peer closes its end first.");
        edit("content/zh/t.md", "对端关闭了它的一端。", "对端先关闭了它的一端。");
        Build b = run();
        assertThat(b.headlines()).containsExactly(
                "content/zh/t.md:10: warning: section #two and content/en/t.md:10 both changed since the last sync, needs a check");
        assertThat(page("zh/t.html").select("section[data-translation-stale=changed-in-both] h2#two")).hasSize(1);
        assertThat(page("en/t.html").select("section[data-translation-stale=changed-in-both] p.translation-stale a").eachAttr("href"))
                .containsExactly("../zh/t.html#two", "../bilingual/t.html#two");
    }

    @Test
    void aTopicMissingFromTheLockCountsAsInSync() {
        Build b = run();
        assertThat(b.exitCode()).as(b.console()).isZero();
        assertThat(b.diagnostics()).isEmpty();
        assertThat(root.resolve("data/translations.lock")).doesNotExist();
    }

    @Test
    void aNumberOrAnErrnoChangedInOneLanguageIsReportedForThatSectionPair() throws Exception {
        edit("content/en/t.md", "The kernel waits 60 s, then the call fails with `EPIPE`.",
                "The kernel waits 30 seconds, then the call fails with `ECONNRESET`.");
        Build b = run();
        assertThat(b.exitCode()).as(b.console()).isZero();
        assertThat(b.headlines()).containsExactlyInAnyOrder(
                "content/en/t.md:8:18: warning: number '30 s' of section #one is not in its translation content/zh/t.md:6",
                "content/en/t.md:8:56: warning: name 'ECONNRESET' of section #one is not in its translation content/zh/t.md:6",
                "content/zh/t.md:8:6: warning: number '60 s' of section #one is not in its translation content/en/t.md:6",
                "content/zh/t.md:8:18: warning: name 'EPIPE' of section #one is not in its translation content/en/t.md:6");
        assertThat(b.console()).contains("if the difference is deliberate, add to this section: [only-here]: # \"30 s\"");

        Build strict = run("STRICT_TRANSLATIONS", "true");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.diagnostics().stream().filter(Diagnostic::isError)).hasSize(4);

        // marked as deliberate on both sides: nothing left to report, and the marks render as nothing
        edit("content/en/t.md", "`ECONNRESET`.\n", "`ECONNRESET`.\n\n[only-here]: # \"30 s; ECONNRESET\"\n");
        edit("content/zh/t.md", "`EPIPE` 失败。\n", "`EPIPE` 失败。\n\n[only-here]: # \"60 s; EPIPE\"\n");
        Build marked = run("STRICT_TRANSLATIONS", "true");
        assertThat(marked.exitCode()).as(marked.console()).isZero();
        assertThat(marked.diagnostics()).isEmpty();
        assertThat(page("en/t.html").body().text()).doesNotContain("only-here");
    }

    @Test
    void anAvoidedVariantInChineseProseIsReportedAtItsLineAndColumnButNotInCodeOrQuoted() throws Exception {
        edit("content/zh/t.md", "对端关闭了它的一端。", "对方关闭了它的一端（`对方` 是代码，“对方”是提到这个词）。");
        edit("content/en/t.md", "A peer closes its end.", "A peer closes its end (`对方` is code).");
        Build b = run();
        assertThat(b.exitCode()).as(b.console()).isZero();
        assertThat(b.headlines()).containsExactly(
                "content/zh/t.md:12:1: warning: '对方' for peer: the termbase's term is '对端' (data/terms.yaml:1)");
        Build strict = run("STRICT_TRANSLATIONS", "true");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.headlines()).containsExactly(
                "content/zh/t.md:12:1: error: '对方' for peer: the termbase's term is '对端' (data/terms.yaml:1)");
    }

    @Test
    void theGlossaryBlockShowsTheTermbaseInBothLanguages() throws Exception {
        edit("content/en/t.md", "A peer closes its end.", "A peer closes its end.\n\n```termbase\n```");
        edit("content/zh/t.md", "对端关闭了它的一端。", "对端关闭了它的一端。\n\n```termbase\n```");
        assertThat(run().exitCode()).isZero();
        assertThat(page("zh/t.html").select("table tbody tr td").eachText()).containsExactly("对端", "peer", "另一端 （不用：对方）");
        assertThat(page("en/t.html").select("table tbody tr td").eachText())
                .containsExactly("peer", "对端", "the other end (Chinese texts avoid: 对方)");
    }

    @Test
    void onlyOutsideUpdateAndSyncModeIsRefused() {
        Build b = run("ONLY", "t#one");
        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.headlines()).containsExactly("socknotes.only: error: applies to update and sync mode only "
                + "(add -Dsocknotes.mode=update or -Dsocknotes.mode=sync)");
    }
}
