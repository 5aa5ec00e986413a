package dev.socknotes.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.TestPages;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PageParserTest {

    private static String only(PageParser.Result r) {
        assertThat(r.diagnostics()).hasSize(1);
        return r.diagnostics().getFirst().headline();
    }

    @Test
    void collectsRunSnippetWithItsOutputBlock() {
        ParsedPage p = TestPages.parsed(Lang.EN, "t", """
                Intro.

                ```java run id=half-close
                System.out.println(1);
                System.out.println(2);
                ```

                ```output
                1
                2
                ```
                """);
        assertThat(p.snippets()).hasSize(1);
        Snippet s = p.snippets().getFirst();
        assertThat(s.options().id()).contains("half-close");
        assertThat(s.code()).isEqualTo("System.out.println(1);\nSystem.out.println(2);");
        assertThat(s.fenceLine()).isEqualTo(6);
        assertThat(s.expected()).get().extracting(ExpectedBlock::text).isEqualTo("1\n2");
        assertThat(s.expected().get().fenceLine()).isEqualTo(11);
        assertThat(s.reference()).hasToString("t#half-close");
    }

    @Test
    void plainJavaBlockIsNotExecuted() {
        ParsedPage p = TestPages.parsed(Lang.EN, "t", "```java\nint x = 1;\n```\n");
        assertThat(p.snippets()).isEmpty();
    }

    @Test
    void parsesEveryOption() {
        ParsedPage p = TestPages.parsed(Lang.EN, "t", """
                ```java run id=a throws=java.io.IOException timeout=250ms reset slow
                throw new java.io.IOException("x");
                ```
                ```output
                throws java.io.IOException: x
                ```
                """);
        SnippetOptions o = p.snippets().getFirst().options();
        assertThat(o.throwsClass()).contains("java.io.IOException");
        assertThat(o.timeout()).contains(Duration.ofMillis(250));
        assertThat(o.reset()).isTrue();
        assertThat(o.slow()).isTrue();
        assertThat(o.hidden()).isFalse();
    }

    @Test
    void unknownOptionPointsAtItAndSuggestsTheClosest() {
        var r = TestPages.parse(Lang.EN, "t", "```java run id=x hiden\nint a;\n```\n");
        Diagnostic d = r.diagnostics().getFirst();
        assertThat(d.headline()).isEqualTo("content/en/t.md:4:18: error: unknown snippet option 'hiden'; did you mean "
                + "'hidden'? valid options: id=, hidden, silent, throws=, timeout=, reset, slow");
        assertThat(d.format()).contains("```java run id=x hiden\n                     ^");
    }

    @Test
    void duplicatedOptionIsAnError() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java run reset reset\nint a;\n```\n")))
                .isEqualTo("content/en/t.md:4:19: error: option 'reset' given twice");
    }

    @Test
    void throwsWithoutClassIsAnError() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java run throws=\nint a;\n```\n")))
                .contains("option 'throws' needs a value");
    }

    @Test
    void refusesIllegalCombinations() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java run hidden silent\nint a;\n```\n")))
                .contains("options 'hidden' and 'silent' cannot be combined");
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java run silent throws=E\nint a;\n```\n")))
                .contains("options 'silent' and 'throws' cannot be combined");
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java run hidden throws=E\nint a;\n```\n")))
                .contains("options 'hidden' and 'throws' cannot be combined");
    }

    @Test
    void timeoutAboveTheMaximumIsRefused() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java run timeout=121s\nint a;\n```\n")))
                .contains("at most 120s");
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java run timeout=5min\nint a;\n```\n")))
                .contains("timeout must be a number followed by ms or s");
    }

    @Test
    void hiddenSnippetTakesNoOutputBlock() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java run hidden\nint a;\n```\n```output\n```\n")))
                .isEqualTo("content/en/t.md:7:1: error: a hidden snippet takes no output block; remove it");
    }

    @Test
    void reportsUnterminatedFenceAtItsOpeningLine() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "Text.\n\n```java run\nint a;\n")))
                .isEqualTo("content/en/t.md:6:1: error: unterminated code fence: no closing ``` before the end of the file");
    }

    @Test
    void outputBlockWithoutRunSnippetIsAnError() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "Text.\n\n```output\n1\n```\n")))
                .contains("output block does not follow a ```java run block");
    }

    @Test
    void duplicateSnippetIdsAreReported() {
        assertThat(only(TestPages.parse(Lang.EN, "t", """
                ```java run id=a
                int x = 1;
                ```
                ```output
                ```
                ```java run id=a
                int y = 1;
                ```
                ```output
                ```
                """))).isEqualTo("content/en/t.md:9:13: error: duplicate snippet id 'a' (first used on line 4)");
    }

    @Test
    void typoInRunIsCaught() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "```java rnu\nint a;\n```\n"))).contains("did you mean 'run'?");
    }

    @Test
    void snippetsMustStandAtTopLevel() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "- item\n\n  ```java run\n  int a;\n  ```\n")))
                .contains("must stand at the top level");
    }

    @Test
    void sectionHeadingsNeedExplicitIds() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "## No id here\n\nText.\n")))
                .isEqualTo("content/en/t.md:4:1: error: section heading needs an explicit id shared by both languages, "
                        + "e.g. '## The symptom {#symptom}' / '## 现象 {#symptom}'");
        ParsedPage p = TestPages.parsed(Lang.ZH, "t", "## 现象 {#symptom}\n\n文字。\n");
        assertThat(p.headings()).singleElement().extracting(ParsedPage.HeadingRef::explicitId).isEqualTo("symptom");
    }

    @Test
    void collectsLinksToOtherTopics() {
        ParsedPage p = TestPages.parsed(Lang.EN, "t", "See [shutdown](shutdown.md#half-close) and [web](https://example.org/x.md).\n");
        assertThat(p.links()).singleElement().satisfies(l -> {
            assertThat(l.targetTopic()).isEqualTo("shutdown");
            assertThat(l.anchor()).isEqualTo("half-close");
            assertThat(l.line()).isEqualTo(4);
        });
    }

    @Test
    void collectsClaimReferencesWithTheirSectionAndPlace() {
        ParsedPage p = TestPages.parsed(Lang.EN, "t", "Intro. [](claim:a)\n\n## One {#one}\n\nShown. [](claim:b-c) [web](https://example.org).\n");
        assertThat(p.claimRefs()).extracting(ParsedPage.ClaimRef::claimId, ParsedPage.ClaimRef::section,
                ParsedPage.ClaimRef::line, ParsedPage.ClaimRef::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", null, 4, 17),
                        org.assertj.core.groups.Tuple.tuple("b-c", "one", 8, 17));
        assertThat(p.links()).isEmpty();
    }

    @Test
    void aClaimReferenceHasEmptyTextAndAnId() {
        assertThat(only(TestPages.parse(Lang.EN, "t", "Text [it](claim:a).\n")))
                .isEqualTo("content/en/t.md:4:6: error: a claim reference has empty link text; the page shows the verdict there: [](claim:a)");
        assertThat(only(TestPages.parse(Lang.EN, "t", "Text [](claim:).\n")))
                .isEqualTo("content/en/t.md:4:6: error: claim reference without a claim id: [](claim:ID), ID as in data/claims.yaml");
    }
}
