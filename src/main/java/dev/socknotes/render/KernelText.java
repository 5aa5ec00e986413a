package dev.socknotes.render;

import dev.socknotes.content.Lang;
import dev.socknotes.exec.Environment;
import dev.socknotes.internal.DisplayText;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.KernelResult;
import dev.socknotes.verify.MatrixKernel;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jsoup.nodes.Entities;

/**
 * The kernel matrix in words (issue 16), in both languages: which kernels a snippet was verified
 * on, where it differs, where its record is stale or missing; where a claim holds. Shared by the
 * snippets, the matrix page and the claims ledger.
 */
final class KernelText {
    private final UiStrings ui;

    KernelText(UiStrings ui) {
        this.ui = ui;
    }

    /** This build's kernel as the pages name it ("6.18.44"), when this build ran snippets. */
    static Optional<String> thisBuild(Environment env) {
        return Optional.ofNullable(env).map(e -> MatrixKernel.upstream(e.kernelRelease()));
    }

    /**
     * A snippet's verification line, plain text: "verified on 6.18.44 (this build); also 5.10.223,
     * 6.1.176; differs on 6.12.117; not re-run on 5.10 since the snippet changed".
     *
     * @param thisBuild this build's release, when the snippet was verified in it
     */
    String snippetLine(Lang lang, Optional<String> thisBuild, List<KernelResult> results) {
        List<String> clauses = new ArrayList<>();
        thisBuild.ifPresent(r -> clauses.add(format(lang, UiKey.SNIPPET_VERIFIED_ON, r)));
        List<String> same = releases(results, r -> r instanceof KernelResult.Same, false);
        if (!same.isEmpty()) {
            clauses.add(format(lang, thisBuild.isPresent() ? UiKey.KERNELS_ALSO : UiKey.KERNELS_VERIFIED, list(lang, same)));
        }
        List<String> differs = releases(results, r -> r instanceof KernelResult.Differs, false);
        if (!differs.isEmpty()) {
            clauses.add(format(lang, UiKey.KERNELS_DIFFER, list(lang, differs)));
        }
        List<String> stale = releases(results, r -> r instanceof KernelResult.Stale, true);
        if (!stale.isEmpty()) {
            clauses.add(format(lang, UiKey.KERNELS_STALE, list(lang, stale)));
        }
        List<String> missing = releases(results, r -> r instanceof KernelResult.Missing, true);
        if (!missing.isEmpty()) {
            clauses.add(format(lang, UiKey.KERNELS_MISSING, list(lang, missing)));
        }
        return join(lang, UiKey.KERNELS_CLAUSES, clauses);
    }

    /**
     * Where a claim holds: "holds on every kernel: 6.18.44 (this build), 5.10.223, …", or "holds on
     * 6.18.44 (this build), 6.1.176; not on 5.10.223; not checked on 6.12 (no fresh record)".
     */
    String claimLine(Lang lang, Optional<String> thisBuild, List<ClaimLedger.OnKernel> onKernels) {
        List<String> holds = new ArrayList<>();
        thisBuild.ifPresent(r -> holds.add(format(lang, UiKey.KERNELS_THIS_BUILD, r)));
        List<String> fails = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        for (ClaimLedger.OnKernel k : onKernels) {
            switch (k.holding()) {
                case HOLDS -> holds.add(k.kernel().release());
                case FAILS -> fails.add(k.kernel().release());
                case NOT_CHECKED -> notChecked.add(k.kernel().series());
            }
        }
        if (fails.isEmpty() && notChecked.isEmpty()) {
            return format(lang, UiKey.CLAIMS_KERNELS_ALL, list(lang, holds));
        }
        List<String> clauses = new ArrayList<>();
        if (!holds.isEmpty()) {
            clauses.add(format(lang, UiKey.CLAIMS_KERNELS_HOLDS, list(lang, holds)));
        }
        if (!fails.isEmpty()) {
            clauses.add(format(lang, UiKey.CLAIMS_KERNELS_FAILS, list(lang, fails)));
        }
        if (!notChecked.isEmpty()) {
            clauses.add(format(lang, UiKey.CLAIMS_KERNELS_NOT_CHECKED, list(lang, notChecked)));
        }
        return join(lang, UiKey.KERNELS_CLAUSES, clauses);
    }

    /** A result's short label, for the matrix page's cells. */
    String label(Lang lang, KernelResult r) {
        return ui.get(lang, switch (r) {
            case KernelResult.Same s -> UiKey.KERNEL_SAME;
            case KernelResult.Differs d -> UiKey.KERNEL_DIFFERS;
            case KernelResult.Stale s -> UiKey.KERNEL_STALE;
            case KernelResult.Missing m -> UiKey.KERNEL_MISSING;
        });
    }

    /** The diff of a kernel's output against this build's, collapsed, made safe to display and escaped. */
    String diffHtml(KernelResult.Differs d, String summary) {
        return "<details class=\"kernel-diff\"><summary>" + esc(summary) + "</summary><pre><samp>"
                + esc(DisplayText.safe(String.join("\n", d.diff()))) + "</samp></pre></details>";
    }

    /** The summary of a snippet's diff: "Output on Linux 5.10.223, compared with this build". */
    String diffSummary(Lang lang, KernelResult.Differs d) {
        return format(lang, UiKey.KERNEL_DIFF, d.kernel().release());
    }

    String format(Lang lang, UiKey key, Object... args) {
        return MessageFormat.format(ui.get(lang, key), args);
    }

    String list(Lang lang, List<String> items) {
        return join(lang, UiKey.KERNELS_LIST, items);
    }

    /** Items joined pairwise by a two-argument pattern ("{0}, {1}"), so each language keeps its punctuation. */
    private String join(Lang lang, UiKey pattern, List<String> items) {
        String joined = "";
        for (String item : items) {
            joined = joined.isEmpty() ? item : format(lang, pattern, joined, item);
        }
        return joined;
    }

    /** Releases of the results that pass, or their series ("5.10") where a record says nothing current about the release. */
    private static List<String> releases(List<KernelResult> results, Predicate<KernelResult> which, boolean series) {
        return results.stream().filter(which).map(r -> series ? r.kernel().series() : r.kernel().release()).toList();
    }

    static String esc(String s) {
        return Entities.escape(s);
    }
}
