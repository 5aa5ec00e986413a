package dev.socknotes.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.TestPages;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

class ParityTest {

    private static final String EN = """
            ## Half-close {#half-close}

            Text.

            ```java run id=a
            System.out.println(1);
            ```
            ```output
            1
            ```
            """;

    @Test
    void identicalSnippetsAndSectionsPass() {
        String zh = EN.replace("Half-close", "半关闭").replace("Text.", "文字。");
        assertThat(new Parity().check(TestPages.parsed(Lang.EN, "t", EN), TestPages.parsed(Lang.ZH, "t", zh))).isEmpty();
    }

    @Test
    void codeDriftNamesBothPlaces() {
        String zh = "\n" + EN.replace("println(1)", "println(2)");
        var errors = new Parity().check(TestPages.parsed(Lang.EN, "t", EN), TestPages.parsed(Lang.ZH, "t", zh));
        assertThat(errors).singleElement().satisfies(d -> {
            assertThat(d.headline()).isEqualTo("content/en/t.md:8:1: error: snippet 1 differs between languages: code differs "
                    + "at line 1 of the block: 'System.out.println(1);' vs 'System.out.println(2);'");
            assertThat(d.details()).containsExactly("中文 counterpart: content/zh/t.md:9");
        });
    }

    @Test
    void missingSnippetAndDifferentOptionsAreReported() {
        String zh = EN.replace("id=a", "id=b");
        assertThat(new Parity().check(TestPages.parsed(Lang.EN, "t", EN), TestPages.parsed(Lang.ZH, "t", zh)))
                .extracting(Diagnostic::message).containsExactly("snippet 1 differs between languages: options differ "
                        + "('java run id=a' vs 'java run id=b')");
        String none = "## 半关闭 {#half-close}\n\n文字。\n";
        assertThat(new Parity().check(TestPages.parsed(Lang.EN, "t", EN), TestPages.parsed(Lang.ZH, "t", none)))
                .extracting(Diagnostic::headline).containsExactly("content/en/t.md:8:1: error: run snippet 1 has no "
                        + "counterpart in content/zh/t.md (both languages need the same snippets in the same order)");
    }

    @Test
    void sectionIdsMustLineUp() {
        String zh = EN.replace("{#half-close}", "{#halfclose}");
        assertThat(new Parity().check(TestPages.parsed(Lang.EN, "t", EN), TestPages.parsed(Lang.ZH, "t", zh)))
                .extracting(Diagnostic::message).containsExactly("section {#half-close} does not line up: "
                        + "content/zh/t.md:4 has {#halfclose} in its place");
    }

    @Test
    void claimsCitedInDifferentSectionsNameBothPlaces() {
        String en = "Intro.\n\n## One {#one}\n\nA. [](claim:c1)\n\n## Two {#two}\n\nB.\n";
        String zh = "引言。\n\n## 一 {#one}\n\n甲。\n\n## 二 {#two}\n\n乙。[](claim:c1)\n";
        var errors = new Parity().check(TestPages.parsed(Lang.EN, "t", en), TestPages.parsed(Lang.ZH, "t", zh));
        assertThat(errors).extracting(Diagnostic::headline, d -> d.details()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("content/en/t.md:8:13: error: claim c1 is cited in section {#one} here but not in"
                        + " section {#one} of content/zh/t.md (both languages cite the same claims in the same sections)",
                        java.util.List.of("中文 counterpart: content/zh/t.md:6")),
                org.assertj.core.groups.Tuple.tuple("content/zh/t.md:12:12: error: claim c1 is cited in section {#two} here but not in"
                        + " section {#two} of content/en/t.md (both languages cite the same claims in the same sections)",
                        java.util.List.of("English counterpart: content/en/t.md:10")));
    }
}
