package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.SnippetRef;
import dev.socknotes.verify.ClaimLedger;
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
 * build. With {@code onlyVerified} (update mode, which runs a part of the site), proofs whose
 * snippets were not run are left alone.
 */
record ClaimsStage(BuildConfig config, boolean onlyVerified)
        implements Stage<Map<String, Verifier.TopicVerification>, ClaimLedger.Checked> {
    @Override
    public Output<ClaimLedger.Checked> run(Map<String, Verifier.TopicVerification> verified) throws IOException {
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
        ClaimLedger.Checked result = new ClaimLedger.Checked(claims.claims(), diagnostics, checked.evidence());
        return new Output<>(result, diagnostics, seconds -> result.summary());
    }
}
