package dev.socknotes.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.TestPages;
import dev.socknotes.content.Lang;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.SnippetResult;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.ParsedPage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts on outcomes; the outcomes themselves come from real JShell runs in ExecutorTest. */
class VerifierTest {

    private static Verifier.TopicVerification verify(String body, SnippetResult r) {
        Map<Lang, ParsedPage> pages = new EnumMap<>(Lang.class);
        pages.put(Lang.EN, TestPages.parsed(Lang.EN, "t", body));
        pages.put(Lang.ZH, TestPages.parsed(Lang.ZH, "t", body));
        return new Verifier().verify(pages, Map.of(0, r), true, false, false);
    }

    private static SnippetResult ok(String out) {
        return new SnippetResult(new Outcome.Completed(out), "");
    }

    @Test
    void mismatchGivesAUnifiedDiffAtTheOutputBlock() {
        var v = verify("```java run\nx();\n```\n\n```output\n1\n2\n```\n", ok("1\n3\n"));
        Diagnostic d = v.diagnostics().getFirst();
        assertThat(d.headline()).isEqualTo("content/en/t.md:8:1: error: output differs from the output block "
                + "(run with -Dsocknotes.mode=update to accept the new output)");
        assertThat(d.details()).contains("--- expected (page)", "+++ actual (this build)", " 1", "-2", "+3");
        assertThat(d.details()).contains("(t#1; the same snippet is in content/zh/t.md:4)");
    }

    @Test
    void matchingOutputIsVerifiedAndShowsWhatThisBuildPrinted() {
        var v = verify("```java run\nx();\n```\n```output\nport [..]\n```\n", ok("port 4242\n"));
        assertThat(v.diagnostics()).isEmpty();
        assertThat(v.snippets().get(Lang.ZH)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SnippetStatus.VERIFIED);
            assertThat(s.shownOutput()).isEqualTo("port 4242");
        });
    }

    @Test
    void missingOutputBlockIsAnErrorWithAFixIt() {
        var v = verify("```java run\nx();\n```\n", ok("hi\n"));
        assertThat(v.diagnostics()).extracting(Diagnostic::message).containsExactly(
                "snippet has no ```output block; add one after it, or record it with -Dsocknotes.mode=update");
    }

    @Test
    void compileErrorPointsIntoTheCode() {
        var v = verify("```java run\nint a = 1;\nint b = nope;\n```\n```output\n```\n",
                new SnippetResult(new Outcome.CompileError("", List.of(new Outcome.CodeProblem(19, "cannot find symbol"))), ""));
        assertThat(v.diagnostics()).extracting(Diagnostic::headline)
                .containsExactly("content/en/t.md:6:9: error: does not compile: cannot find symbol");
    }

    @Test
    void declaredExceptionIsHonouredAndShownAsTheLastLine() {
        var v = verify("```java run throws=SocketException\nx();\n```\n```output\nbefore\nthrows java.net.SocketException: Broken pipe\n```\n",
                new SnippetResult(new Outcome.Threw("before\n", "java.net.SocketException", "Broken pipe", 0, true, List.of()), ""));
        assertThat(v.diagnostics()).isEmpty();
        assertThat(v.snippets().get(Lang.EN).getFirst().shownOutput()).isEqualTo("before\nthrows java.net.SocketException: Broken pipe");
    }

    @Test
    void subclassOfTheDeclaredExceptionDoesNotCount() {
        var v = verify("```java run throws=java.io.IOException\nx();\n```\n```output\n```\n",
                new SnippetResult(new Outcome.Threw("", "java.net.SocketException", "reset", 0, true, List.of()), ""));
        assertThat(v.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("threw unexpectedly: java.net.SocketException: reset (expected java.io.IOException)");
    }

    @Test
    void completingNormallyWhenAnExceptionWasDeclaredIsAnError() {
        var v = verify("```java run throws=IllegalStateException\nx();\n```\n```output\n```\n", ok(""));
        assertThat(v.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("expected to end by throwing IllegalStateException, but it completed normally");
    }

    @Test
    void timeoutAndStrayOutputAreErrors() {
        var v = verify("```java run\nx();\n```\n```output\n```\n",
                new SnippetResult(new Outcome.TimedOut("", Duration.ofSeconds(2), true), ""));
        assertThat(v.diagnostics()).extracting(Diagnostic::message).singleElement().asString()
                .startsWith("timed out after 2 s; it did not stop, so its agent JVM was killed");
        var stray = verify("```java run\nx();\n```\n```output\n```\n", new SnippetResult(new Outcome.Completed(""), "late\n"));
        assertThat(stray.diagnostics()).extracting(Diagnostic::message).singleElement().asString()
                .startsWith("output was written after this snippet finished");
    }

    @Test
    void outputIsNeverInterpretedAsMarkup() {
        var v = verify("```java run\nx();\n```\n```output\n<script>alert(1)</script>\n```\n", ok("<script>alert(1)</script>\n"));
        assertThat(v.diagnostics()).isEmpty();
        var html = new dev.socknotes.render.SnippetHtml(TestUi.load()).render(v.snippets().get(Lang.EN).getFirst(), Lang.EN, "t", null);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
    }

    @Test
    void aTopicThisMachineCannotRunShowsItsRecordedOutputMarkedWithOneNote() {
        var v = verify("```java run\nx();\n```\n```output\nrecorded line\n```\n",
                new SnippetResult(new Outcome.Unavailable("no network namespace here"), ""));
        assertThat(v.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(dev.socknotes.diagnostic.Severity.NOTE);
            assertThat(d.message()).contains("not verified here: no network namespace here");
        });
        assertThat(v.snippets().get(Lang.EN).getFirst().status()).isEqualTo(SnippetStatus.NOT_VERIFIED_HERE);
        assertThat(v.snippets().get(Lang.EN).getFirst().shownOutput()).isEqualTo("recorded line");
    }
}
