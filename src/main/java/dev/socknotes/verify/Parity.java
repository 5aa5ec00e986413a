package dev.socknotes.verify;

import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.snippet.Snippet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that the two translations of a topic can stand side by side: the same run snippets
 * (byte-identical code, options and output blocks, in the same order) and the same sequence of
 * explicit heading ids, and the same claims cited in each section. Every difference names the
 * English place and the Chinese place.
 */
public final class Parity {

    public List<Diagnostic> check(ParsedPage en, ParsedPage zh) {
        List<Diagnostic> errors = new ArrayList<>();
        checkSnippets(en, zh, errors);
        checkHeadings(en, zh, errors);
        checkSandbox(en, zh, errors);
        checkClaimRefs(en, zh, errors);
        checkClaimRefs(zh, en, errors);
        return errors;
    }

    /** The snippets run in one sandbox for both languages, so its settings must agree. */
    private void checkSandbox(ParsedPage en, ParsedPage zh, List<Diagnostic> errors) {
        var a = en.page().header();
        var b = zh.page().header();
        if (!a.sysctls().equals(b.sysctls()) || a.needsSandbox() != b.needsSandbox()) {
            var src = zh.page().source();
            errors.add(Diagnostic.error(src.path(), 1, 1, "the header's sysctl/sandbox settings differ from "
                    + display(en) + " (" + describe(b) + " here, " + describe(a) + " there); the snippets run once for both languages",
                    src.line(1)));
        }
    }

    private static String describe(dev.socknotes.content.Header h) {
        String s = h.sysctls().isEmpty() ? "no sysctl" : "sysctl " + h.sysctls();
        return h.needsSandbox() ? s + ", sandbox=required" : s;
    }

    /** True when the code of every snippet is the same in both languages (update mode needs it). */
    public static boolean sameCode(ParsedPage en, ParsedPage zh) {
        if (en.snippets().size() != zh.snippets().size()) {
            return false;
        }
        for (int i = 0; i < en.snippets().size(); i++) {
            Snippet a = en.snippets().get(i);
            Snippet b = zh.snippets().get(i);
            if (!a.code().equals(b.code()) || !normalizeInfo(a.infoString()).equals(normalizeInfo(b.infoString()))) {
                return false;
            }
        }
        return true;
    }

    private void checkSnippets(ParsedPage en, ParsedPage zh, List<Diagnostic> errors) {
        List<Snippet> a = en.snippets();
        List<Snippet> b = zh.snippets();
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Snippet s = a.get(i);
            Snippet t = b.get(i);
            String what = null;
            if (!normalizeInfo(s.infoString()).equals(normalizeInfo(t.infoString()))) {
                what = "options differ ('" + s.infoString() + "' vs '" + t.infoString() + "')";
            } else if (!s.code().equals(t.code())) {
                what = "code differs" + firstDifference(s.code(), t.code());
            } else if (!Objects.equals(s.expected().map(e -> e.text()), t.expected().map(e -> e.text()))) {
                what = s.expected().isPresent() != t.expected().isPresent()
                        ? "only one of them has an output block"
                        : "output blocks differ" + firstDifference(s.expected().get().text(), t.expected().get().text());
            }
            if (what != null) {
                errors.add(mismatch(en, s, "snippet " + (i + 1) + " differs between languages: " + what, t));
            }
        }
        for (int i = n; i < a.size(); i++) {
            errors.add(mismatch(en, a.get(i), "run snippet " + (i + 1) + " has no counterpart in "
                    + display(zh) + " (both languages need the same snippets in the same order)", null));
        }
        for (int i = n; i < b.size(); i++) {
            errors.add(mismatch(zh, b.get(i), "run snippet " + (i + 1) + " has no counterpart in "
                    + display(en) + " (both languages need the same snippets in the same order)", null));
        }
    }

    private void checkHeadings(ParsedPage en, ParsedPage zh, List<Diagnostic> errors) {
        List<ParsedPage.HeadingRef> a = en.headings().stream().filter(h -> h.explicitId() != null).toList();
        List<ParsedPage.HeadingRef> b = zh.headings().stream().filter(h -> h.explicitId() != null).toList();
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).explicitId().equals(b.get(i).explicitId())) {
                errors.add(headingError(en, a.get(i), "section {#" + a.get(i).explicitId() + "} does not line up: "
                        + display(zh) + ":" + b.get(i).line() + " has {#" + b.get(i).explicitId() + "} in its place"));
                return;
            }
        }
        if (a.size() != b.size()) {
            Optional<ParsedPage.HeadingRef> extraEn = a.size() > n ? Optional.of(a.get(n)) : Optional.empty();
            Optional<ParsedPage.HeadingRef> extraZh = b.size() > n ? Optional.of(b.get(n)) : Optional.empty();
            extraEn.ifPresent(h -> errors.add(headingError(en, h, "section {#" + h.explicitId()
                    + "} has no counterpart in " + display(zh))));
            extraZh.ifPresent(h -> errors.add(headingError(zh, h, "section {#" + h.explicitId()
                    + "} has no counterpart in " + display(en))));
        }
    }

    /** Each claim {@code page} cites in a section is cited in the same section of {@code other}. */
    private void checkClaimRefs(ParsedPage page, ParsedPage other, List<Diagnostic> errors) {
        Set<List<String>> cited = new HashSet<>();
        other.claimRefs().forEach(r -> cited.add(Arrays.asList(r.section(), r.claimId())));
        Set<List<String>> reported = new HashSet<>();
        for (ParsedPage.ClaimRef ref : page.claimRefs()) {
            List<String> key = Arrays.asList(ref.section(), ref.claimId());
            if (cited.contains(key) || !reported.add(key)) {
                continue;
            }
            String section = ref.section() == null ? "the text before the first section" : "section {#" + ref.section() + "}";
            int otherLine = ref.section() == null ? other.page().header().bodyLine()
                    : other.headings().stream().filter(h -> ref.section().equals(h.explicitId())).mapToInt(ParsedPage.HeadingRef::line)
                            .findFirst().orElse(other.page().header().bodyLine());
            var src = page.page().source();
            errors.add(Diagnostic.error(src.path(), ref.line(), ref.column(), "claim " + ref.claimId() + " is cited in "
                    + section + " here but not in " + section + " of " + display(other)
                    + " (both languages cite the same claims in the same sections)", src.line(ref.line()))
                    .withDetails(List.of(other.page().lang().nativeName() + " counterpart: " + display(other) + ":" + otherLine)));
        }
    }

    private static Diagnostic mismatch(ParsedPage page, Snippet s, String message, Snippet twin) {
        var src = page.page().source();
        List<String> details = twin == null ? List.of()
                : List.of(Lang.ZH.nativeName() + " counterpart: " + display(twin.file()) + ":" + twin.fenceLine());
        return Diagnostic.error(src.path(), s.fenceLine(), s.indent() + 1, message, src.line(s.fenceLine()))
                .withDetails(details);
    }

    private static Diagnostic headingError(ParsedPage page, ParsedPage.HeadingRef h, String message) {
        var src = page.page().source();
        return Diagnostic.error(src.path(), h.line(), 1, message, src.line(h.line()));
    }

    private static String firstDifference(String x, String y) {
        String[] a = x.split("\n", -1);
        String[] b = y.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return " at line " + (i + 1) + " of the block: '" + a[i] + "' vs '" + b[i] + "'";
            }
        }
        return " (" + a.length + " lines vs " + b.length + ")";
    }

    static String normalizeInfo(String info) {
        return String.join(" ", info.strip().split("\\s+"));
    }

    private static String display(ParsedPage p) {
        return display(p.page().source().path());
    }

    private static String display(java.nio.file.Path p) {
        return p.toString().replace('\\', '/');
    }
}
