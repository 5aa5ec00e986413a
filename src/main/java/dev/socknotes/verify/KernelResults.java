package dev.socknotes.verify;

import dev.socknotes.snippet.OutputPattern;
import dev.socknotes.snippet.SnippetRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel matrix's records, each compared with this build (issue 16): for every snippet, one
 * result per kernel of the matrix, in the matrix's order. The normal build only reads records; a
 * missing or stale one is shown as such, never an error.
 *
 * @param kernels   the matrix's kernels, oldest first
 * @param bySnippet every snippet's results, one per kernel in {@code kernels}' order
 */
public record KernelResults(List<MatrixKernel> kernels, Map<SnippetRef, List<KernelResult>> bySnippet) {
    public static final KernelResults NONE = new KernelResults(List.of(), Map.of());

    /** A snippet's record on one kernel, as the build reads it. @param fresh its code hash is the current code's */
    public record Recorded(String status, String output, boolean fresh) {}

    public KernelResults {
        kernels = List.copyOf(kernels);
        bySnippet = Map.copyOf(bySnippet);
    }

    /** The snippet's results, one per kernel; all missing for a snippet the records do not know. */
    public List<KernelResult> of(SnippetRef snippet) {
        return bySnippet.getOrDefault(snippet, kernels.stream().<KernelResult>map(KernelResult.Missing::new).toList());
    }

    /**
     * Compares a record with this build. A record agrees when it completed (or threw, as the page
     * says) and printed this build's output, or output the page's block matches (a block's
     * {@code [..]} and {@code ...} may cover what differs between runs).
     *
     * @param thisBuild     what the snippet printed in this build (with the "throws" line), or the
     *                      page's recorded output where it did not run here; null when neither exists
     * @param expectedBlock the page's output block, when it has one
     */
    public static KernelResult compare(MatrixKernel kernel, Optional<Recorded> record, String thisBuild,
                                       Optional<String> expectedBlock) {
        if (record.isEmpty()) {
            return new KernelResult.Missing(kernel);
        }
        Recorded r = record.get();
        if (!r.fresh()) {
            return new KernelResult.Stale(kernel, r.status(), r.output());
        }
        boolean ran = r.status().equals("completed") || r.status().equals("threw");
        String mine = thisBuild == null ? "" : OutputPattern.normalize(thisBuild);
        boolean same = ran && (OutputPattern.normalize(r.output()).equals(mine)
                || expectedBlock.map(block -> OutputPattern.matches(block, r.output())).orElse(false));
        if (same) {
            return new KernelResult.Same(kernel, r.status(), r.output());
        }
        String theirs = ran ? r.output() : r.output() + (r.output().isEmpty() ? "" : "\n") + "(" + r.status() + ")";
        return new KernelResult.Differs(kernel, r.status(), r.output(),
                Verifier.unifiedDiff(mine, theirs, "this build", "Linux " + kernel.release()));
    }
}
