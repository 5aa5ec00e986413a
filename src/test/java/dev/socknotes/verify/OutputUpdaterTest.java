package dev.socknotes.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.TestPages;
import dev.socknotes.content.Lang;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.SnippetResult;
import dev.socknotes.snippet.ParsedPage;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutputUpdaterTest {

    private static Map<Lang, OutputUpdater.PageUpdate> update(String en, String zh, Map<Integer, SnippetResult> results) {
        Map<Lang, ParsedPage> pages = new EnumMap<>(Lang.class);
        pages.put(Lang.EN, TestPages.parsed(Lang.EN, "t", en));
        pages.put(Lang.ZH, TestPages.parsed(Lang.ZH, "t", zh));
        var v = new Verifier().verify(pages, results, true, false, true);
        assertThat(v.diagnostics()).isEmpty();
        return new OutputUpdater().update(pages, v.evaluations(), s -> true);
    }

    private static SnippetResult printed(String out) {
        return new SnippetResult(new Outcome.Completed(out), "");
    }

    @Test
    void rewritesOnlyTheOutputBlockInBothLanguages() {
        String en = "Before.\n\n```java run id=a\nSystem.out.println(2);\n```\n\n```output\n1\n```\n\nAfter.\n";
        String zh = "之前。\n\n```java run id=a\nSystem.out.println(2);\n```\n\n```output\n1\n```\n\n之后。\n";
        var u = update(en, zh, Map.of(0, printed("2\n")));
        assertThat(u.get(Lang.EN).newText()).isEqualTo(TestPages.HEADER + en.replace("```output\n1\n```", "```output\n2\n```"));
        assertThat(u.get(Lang.ZH).newText()).isEqualTo(TestPages.HEADER + zh.replace("```output\n1\n```", "```output\n2\n```"));
        assertThat(u.get(Lang.EN).changes()).containsExactly("content/en/t.md:6 t#a: output updated (1 → 1 lines)");
    }

    @Test
    void insertsAMissingOutputBlockRightAfterTheCode() {
        String en = "```java run\nSystem.out.println(\"x\");\n```\n\nAfter.\n";
        var u = update(en, en, Map.of(0, printed("x\ny\n")));
        assertThat(u.get(Lang.EN).newText()).isEqualTo(TestPages.HEADER
                + "```java run\nSystem.out.println(\"x\");\n```\n```output\nx\ny\n```\n\nAfter.\n");
    }

    @Test
    void keepsAnExpectedBlockWhoseWildcardsStillMatch() {
        String en = "```java run\nSystem.out.println(1);\n```\n```output\nport [..]\n...\n```\n";
        var u = update(en, en, Map.of(0, printed("port 4711\na\nb\n")));
        assertThat(u.get(Lang.EN).changes()).isEmpty();
        assertThat(u.get(Lang.EN).newText()).isEqualTo(TestPages.HEADER + en);
    }

    @Test
    void usesALongerFenceWhenTheOutputHasBackticks() {
        assertThat(OutputUpdater.block("", "a ``` b")).isEqualTo("````output\na ``` b\n````\n");
    }

    @Test
    void recordsTheThrowsLine() {
        String en = "```java run throws=IllegalStateException\nthrow new IllegalStateException(\"no\");\n```\n";
        var u = update(en, en, Map.of(0, new SnippetResult(new Outcome.Threw("", "java.lang.IllegalStateException", "no", 0,
                true, java.util.List.of()), "")));
        assertThat(u.get(Lang.EN).newText()).endsWith("```\n```output\nthrows java.lang.IllegalStateException: no\n```\n");
    }
}
