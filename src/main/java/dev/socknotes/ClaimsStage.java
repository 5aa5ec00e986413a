package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.SnippetRef;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.verify.ClaimCitations;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.KernelResults;
import dev.socknotes.verify.Verifier;
import dev.socknotes.verify.VerifiedSnippet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims ledger, each proof checked against the output the site shows for its snippet in this
 * build (and, not as an error, against the kernel matrix's records), and each claim cited by the
 * prose. With {@code onlyVerified} (update mode, which runs a
 * part of the site), proofs whose snippets were not run, and claims its topics do not cite, are left alone.
 */
record ClaimsStage(BuildConfig config, boolean onlyVerified) implements Stage<ClaimsStage.Input, ClaimLedger.Checked> {
    /** @param kernels the kernel matrix's records, on which each claim's shows lines are checked too */
    record Input(List<TopicWork> topics, Map<String, Verifier.TopicVerification> verified, KernelResults kernels) {}

    @Override
    public Output<ClaimLedger.Checked> run(Input in) throws IOException {
        Map<String, Verifier.TopicVerification> verified = in.verified();
        Path file = config.dataDir().resolve("claims.yaml");
        Path display = config.projectRoot().relativize(file.toAbsolutePath().normalize());
        ClaimLedger ledger = new ClaimLedger();
        ClaimLedger.Loaded claims = ledger.load(file, display);
        Map<SnippetRef, ClaimLedger.ProofOutput> outputs = new HashMap<>();
        for (Verifier.TopicVerification v : verified.values()) {
            for (VerifiedSnippet vs : v.snippets().get(Lang.EN)) {
                if (vs.snippet().options().id().isPresent()) {
                    outputs.put(vs.snippet().reference(), new ClaimLedger.ProofOutput(vs.status(), vs.shownOutput()));
                }
            }
        }
        List<ClaimLedger.Claim> checkable = !onlyVerified ? claims.claims() : claims.claims().stream()
                .map(c -> new ClaimLedger.Claim(c.id(), c.line(), c.seed(), c.statement(), c.note(), c.verdict(),
                        c.proofs().stream().filter(p -> outputs.containsKey(p.snippet())).toList()))
                .toList();
        ClaimLedger.Checked checked = ledger.check(checkable, outputs, display);
        List<Diagnostic> diagnostics = new ArrayList<>(claims.diagnostics());
        diagnostics.addAll(checked.diagnostics());
        List<ParsedPage> pages = in.topics().stream().flatMap(w -> w.parsed().values().stream()).toList();
        diagnostics.addAll(new ClaimCitations().check(claims.claims(), pages, !onlyVerified, display));
        ClaimLedger.Checked result = new ClaimLedger.Checked(claims.claims(), diagnostics, checked.evidence(),
                ledger.onKernels(claims.claims(), in.kernels()));
        return new Output<>(result, diagnostics, seconds -> result.summary());
    }
}
