package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.SnippetRef;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.SnippetStatus;
import dev.socknotes.verify.Verifier;
import dev.socknotes.verify.VerifiedSnippet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The claims ledger, each proof checked against the snippets this build verified. */
record ClaimsStage(BuildConfig config) implements Stage<Map<String, Verifier.TopicVerification>, List<ClaimLedger.Claim>> {
    @Override
    public Output<List<ClaimLedger.Claim>> run(Map<String, Verifier.TopicVerification> verified) throws IOException {
        Path file = config.dataDir().resolve("claims.yaml");
        Path display = config.projectRoot().relativize(file.toAbsolutePath().normalize());
        ClaimLedger ledger = new ClaimLedger();
        ClaimLedger.Loaded claims = ledger.load(file, display);
        Map<SnippetRef, SnippetStatus> statuses = new HashMap<>();
        for (Verifier.TopicVerification v : verified.values()) {
            for (VerifiedSnippet vs : v.snippets().get(Lang.EN)) {
                if (vs.snippet().options().id().isPresent()) {
                    statuses.put(vs.snippet().reference(), vs.status());
                }
            }
        }
        List<Diagnostic> diagnostics = new ArrayList<>(claims.diagnostics());
        diagnostics.addAll(ledger.checkProofs(claims.claims(), statuses, display));
        return Output.of(claims.claims(), diagnostics);
    }
}
