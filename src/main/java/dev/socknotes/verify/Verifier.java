package dev.socknotes.verify;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.socknotes.content.Lang;
import dev.socknotes.content.SourceText;
import dev.socknotes.exec.Outcome;
import dev.socknotes.exec.SnippetResult;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.OutputPattern;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.snippet.Snippet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares what each snippet of a topic did with what its page says, and decides what the site
 * shows. Errors are reported at the English page (the zh page holds the same snippets, by the
 * parity check), naming the Chinese counterpart.
 */
public final class Verifier {
    /** How many lines of output an error message quotes. */
    static final int EXCERPT_LINES = 100;

    /**
     * How one snippet's run compares with its page.
     *
     * @param actual  the output as the page would show it (normalised, with the "throws" line), or
     *                empty when the run failed
     * @param matches whether the page's output block matches it
     */
    public record Evaluation(int index, Optional<String> actual, boolean matches, List<Diagnostic> failures) {}

    /** The topic's verdict: what each language page shows and what went wrong. */
    public record TopicVerification(Map<Lang, List<VerifiedSnippet>> snippets, List<Evaluation> evaluations,
                                    List<Diagnostic> diagnostics) {}

    /**
     * @param results one result per executed snippet, keyed by snippet index; absent indexes were
     *                not executed (slow, or nothing executed on this machine)
     * @param executedHere false when this build executes nothing (not Linux): recorded output shown
     * @param cached   results come from the cache of an earlier build
     * @param update   update mode: mismatches and missing output blocks are not errors
     */
    public TopicVerification verify(Map<Lang, ParsedPage> pages, Map<Integer, SnippetResult> results,
                                    boolean executedHere, boolean cached, boolean update) {
        ParsedPage en = pages.get(Lang.EN);
        ParsedPage zh = pages.get(Lang.ZH);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        Map<Lang, List<VerifiedSnippet>> shown = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            shown.put(l, new ArrayList<>());
        }
        boolean unavailableSaid = false;
        for (Snippet s : en.snippets()) {
            Snippet zhTwin = s.index() < zh.snippets().size() ? zh.snippets().get(s.index()) : s;
            SourceText src = en.page().source();
            SnippetResult r = results.get(s.index());
            SnippetStatus status;
            String output;
            boolean unavailable = r != null && r.outcome() instanceof Outcome.Unavailable;
            if (unavailable && !unavailableSaid) {
                unavailableSaid = true; // said once per topic, at its first snippet
                diagnostics.add(new Diagnostic(src.path(), s.fenceLine(), s.indent() + 1, dev.socknotes.diagnostic.Severity.NOTE,
                        "not verified here: " + ((Outcome.Unavailable) r.outcome()).reason()
                                + "; the topic's recorded outputs are shown, marked as such", src.line(s.fenceLine()), List.of()));
            }
            if (r == null || unavailable) {
                status = executedHere && !unavailable ? SnippetStatus.RECORDED : SnippetStatus.NOT_VERIFIED_HERE;
                output = s.expected().map(e -> e.text()).orElse(null);
                if (s.options().hasOutputBlock() && s.expected().isEmpty()) {
                    diagnostics.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin,
                            (s.options().slow() ? "slow snippet" : "snippet") + " was not executed in this build and has no "
                                    + "recorded output block to show; record one with "
                                    + "-Dsocknotes.mode=update" + (s.options().slow() ? " -Dsocknotes.slow=true" : "")));
                }
                evaluations.add(new Evaluation(s.index(), Optional.empty(), true, List.of()));
            } else {
                Evaluation ev = evaluate(src, s, zhTwin, r);
                evaluations.add(ev);
                diagnostics.addAll(ev.failures());
                if (ev.actual().isEmpty()) {
                    status = SnippetStatus.FAILED;
                    output = null;
                } else {
                    status = cached ? SnippetStatus.CACHED : SnippetStatus.VERIFIED;
                    output = ev.actual().get();
                    if (!update && s.options().hasOutputBlock()) {
                        checkAgainstPage(src, s, zhTwin, ev, diagnostics);
                    }
                }
            }
            String displayed = s.options().hasOutputBlock() ? output : null;
            shown.get(Lang.EN).add(new VerifiedSnippet(s, status, displayed));
            shown.get(Lang.ZH).add(new VerifiedSnippet(zhTwin, status, displayed));
        }
        return new TopicVerification(shown, evaluations, diagnostics);
    }

    private void checkAgainstPage(SourceText src, Snippet s, Snippet zhTwin, Evaluation ev, List<Diagnostic> diagnostics) {
        if (s.expected().isEmpty()) {
            diagnostics.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin,
                    "snippet has no ```output block; add one after it, or record it with -Dsocknotes.mode=update")
                    .withDetails(excerpt("it printed:", ev.actual().get())));
            return;
        }
        if (!ev.matches()) {
            int line = s.expected().get().fenceLine();
            diagnostics.add(at(src, s, line, s.indent() + 1, zhTwin,
                    "output differs from the output block (run with -Dsocknotes.mode=update to accept the new output)")
                    .withDetails(unifiedDiff(s.expected().get().text(), ev.actual().get())));
        }
    }

    /** Classifies one run; no page comparison yet. */
    Evaluation evaluate(SourceText src, Snippet s, Snippet zhTwin, SnippetResult r) {
        List<Diagnostic> failures = new ArrayList<>();
        Optional<String> actual = Optional.empty();
        Outcome o = r.outcome();
        switch (o) {
            case Outcome.Completed c -> {
                if (s.options().throwsClass().isPresent()) {
                    failures.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin, "expected to end by throwing "
                            + s.options().throwsClass().get() + ", but it completed normally")
                            .withDetails(excerpt("it printed:", c.output())));
                } else {
                    actual = Optional.of(OutputPattern.normalize(c.output()));
                }
            }
            case Outcome.Threw t -> {
                String thrown = t.exceptionClass() + (t.message() == null ? "" : ": " + t.message());
                int unitLine = codePosition(s, t.unitOffset())[0];
                Optional<String> wanted = s.options().throwsClass();
                if (wanted.isPresent() && sameClass(wanted.get(), t.exceptionClass())) {
                    if (!t.lastUnit()) {
                        failures.add(at(src, s, unitLine, s.indent() + 1, zhTwin, "threw " + thrown
                                + " as expected, but before the snippet's last statement; the statements after it never ran"));
                    } else {
                        String out = OutputPattern.normalize(t.output());
                        actual = Optional.of((out.isEmpty() ? "" : out + "\n") + "throws " + thrown);
                    }
                } else {
                    String expectation = wanted.map(w -> " (expected " + w + ")").orElse("");
                    List<String> details = new ArrayList<>(excerpt("it printed:", t.output()));
                    t.stackTrace().stream().limit(8).forEach(f -> details.add("  at " + f));
                    failures.add(at(src, s, unitLine, s.indent() + 1, zhTwin, "threw unexpectedly: " + thrown
                            + expectation).withDetails(details));
                }
            }
            case Outcome.CompileError ce -> {
                for (Outcome.CodeProblem p : ce.problems()) {
                    int[] pos = codePosition(s, p.offset());
                    List<String> lines = p.message().lines().toList();
                    Diagnostic d = at(src, s, pos[0], pos[1], zhTwin, "does not compile: " + lines.getFirst());
                    List<String> details = new ArrayList<>(lines.subList(1, lines.size()).stream().map(String::strip).toList());
                    details.addAll(d.details());
                    failures.add(d.withDetails(details));
                }
                if (ce.problems().isEmpty()) {
                    failures.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin, "does not compile"));
                }
            }
            case Outcome.TimedOut to -> failures.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin,
                    "timed out after " + describe(to.limit()) + (to.agentKilled()
                            ? "; it did not stop, so its agent JVM was killed" : "; it was stopped")
                            + " (raise the limit with timeout=, or use the support library's bounded helpers)")
                    .withDetails(excerpt("it printed before the limit:", to.output())));
            case Outcome.AgentDied d -> failures.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin,
                    "the agent JVM died while running this snippet: " + d.reason())
                    .withDetails(excerpt("it printed:", d.output())));
            case Outcome.OutputLimitExceeded ol -> failures.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin,
                    "printed more than " + (ol.limitBytes() / 1024) + " KiB of output; it was stopped")
                    .withDetails(excerpt("first lines:", ol.excerpt())));
            case Outcome.Unavailable u -> failures.add(new Diagnostic(src.path(), s.fenceLine(), s.indent() + 1,
                    dev.socknotes.diagnostic.Severity.NOTE, "not verified here: " + u.reason(), src.line(s.fenceLine()), List.of()));
            case Outcome.Skipped sk -> failures.add(new Diagnostic(src.path(), s.fenceLine(), s.indent() + 1,
                    dev.socknotes.diagnostic.Severity.NOTE, "not run: " + sk.reason(), src.line(s.fenceLine()), List.of()));
        }
        if (actual.isPresent() && !s.options().hasOutputBlock() && s.options().hidden() && !actual.get().isEmpty()) {
            failures.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin,
                    "hidden snippet printed output, which no reader would see; make it visible or silent, or stop printing")
                    .withDetails(excerpt("it printed:", actual.get())));
        }
        if (!r.strayOutput().isEmpty()) {
            failures.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin,
                    "output was written after this snippet finished, by a thread it left running; join the thread "
                            + "(the support library's Bounded helpers do) before the snippet ends")
                    .withDetails(excerpt("written later:", r.strayOutput())));
        }
        List<String> left = r.processesLeftRunning();
        if (!left.isEmpty()) {
            failures.add(at(src, s, s.fenceLine(), s.indent() + 1, zhTwin, "left " + left.size()
                    + (left.size() == 1 ? " process" : " processes") + " running: " + String.join(", ", left) + " — killed")
                    .withDetails(List.of("(the last snippet of an agent ends every process its topic started; a page must "
                            + "not depend on one: wait for it, or kill it, before the snippet ends)")));
        }
        boolean matches = actual.isPresent() && s.expected().isPresent()
                && OutputPattern.matches(s.expected().get().text(), actual.get());
        return new Evaluation(s.index(), failures.isEmpty() ? actual : Optional.empty(), matches, failures);
    }

    static boolean sameClass(String wanted, String actual) {
        if (wanted.contains(".")) {
            return wanted.equals(actual);
        }
        return actual.equals(wanted) || actual.endsWith("." + wanted) || actual.endsWith("$" + wanted);
    }

    /** {line, column} in the file of a char offset in the snippet's code. */
    static int[] codePosition(Snippet s, int offset) {
        String code = s.code();
        int clamped = Math.max(0, Math.min(offset, code.length()));
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < clamped; i++) {
            if (code.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int col = code.codePointCount(lineStart, clamped) + 1;
        return new int[] {s.fileLineOfCodeLine(line), s.indent() + col};
    }

    private static Diagnostic at(SourceText src, Snippet s, int line, int column, Snippet zhTwin, String message) {
        List<String> details = zhTwin == s ? List.of()
                : List.of("(" + s.reference() + "; the same snippet is in " + zhTwin.file().toString().replace('\\', '/')
                        + ":" + zhTwin.fenceLine() + ")");
        return new Diagnostic(src.path(), line, column, dev.socknotes.diagnostic.Severity.ERROR, message, src.line(line), details);
    }

    static List<String> unifiedDiff(String expected, String actual) {
        return unifiedDiff(expected, actual, "expected (page)", "actual (this build)");
    }

    /** A unified diff of two outputs, each normalized as output blocks are. */
    public static List<String> unifiedDiff(String expected, String actual, String expectedLabel, String actualLabel) {
        List<String> exp = OutputPattern.lines(OutputPattern.normalize(expected));
        List<String> act = OutputPattern.lines(OutputPattern.normalize(actual));
        var patch = DiffUtils.diff(exp, act);
        return UnifiedDiffUtils.generateUnifiedDiff(expectedLabel, actualLabel, exp, patch, 3);
    }

    static List<String> excerpt(String title, String output) {
        if (output == null || output.isEmpty()) {
            return List.of();
        }
        List<String> lines = OutputPattern.lines(OutputPattern.normalize(output));
        List<String> out = new ArrayList<>();
        out.add(title);
        lines.stream().limit(EXCERPT_LINES).forEach(l -> out.add("| " + l));
        if (lines.size() > EXCERPT_LINES) {
            out.add("| ... (" + (lines.size() - EXCERPT_LINES) + " more lines)");
        }
        return out;
    }

    private static String describe(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
