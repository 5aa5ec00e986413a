package dev.socknotes;

import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.verify.SnippetStatus;
import dev.socknotes.verify.Verifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Topics and their results → what each page shows for each snippet, and every mismatch.
 *
 * @param update update mode: differences are what gets written, not errors; no console line
 */
record VerifyStage(boolean update) implements Stage<VerifyStage.Input, Map<String, Verifier.TopicVerification>> {
    record Input(List<TopicWork> topics, Executions executions) {}

    @Override
    public Output<Map<String, Verifier.TopicVerification>> run(Input in) {
        Verifier verifier = new Verifier();
        Map<String, Verifier.TopicVerification> verified = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Executions ex = in.executions();
        for (TopicWork w : in.topics()) {
            var v = verifier.verify(w.parsed(), ex.results().getOrDefault(w.key(), Map.of()), ex.executedHere(),
                    ex.fromCache().contains(w.key()), update);
            verified.put(w.key(), v);
            diagnostics.addAll(v.diagnostics());
        }
        if (update) {
            return Output.of(verified, diagnostics);
        }
        int snippets = in.topics().stream().mapToInt(w -> w.en().snippets().size()).sum();
        long ok = verified.values().stream().flatMap(v -> v.snippets().get(Lang.EN).stream())
                .filter(s -> s.status() == SnippetStatus.VERIFIED || s.status() == SnippetStatus.CACHED).count();
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        return new Output<>(verified, diagnostics, seconds -> "%d of %d snippets verified%s"
                .formatted(ok, snippets, errors > 0 ? ", " + errors + " errors" : ""));
    }
}
