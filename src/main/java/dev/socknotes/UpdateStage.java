package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.verify.OutputUpdater;
import dev.socknotes.verify.Parity;
import dev.socknotes.verify.Verifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Update mode's last step: the output blocks in content/ rewritten to what the snippets printed. */
record UpdateStage(BuildConfig config, PrintStream console) implements Stage<UpdateStage.Input, Integer> {
    /** @param onlyId the one snippet to update (its id or 1-based position), or empty for all */
    record Input(List<TopicWork> topics, Map<String, Verifier.TopicVerification> verified, Optional<String> onlyId) {}

    @Override
    public Output<Integer> run(Input in) throws IOException {
        OutputUpdater updater = new OutputUpdater();
        List<Diagnostic> diagnostics = new ArrayList<>();
        int changedFiles = 0;
        for (TopicWork w : in.topics()) {
            var v = in.verified().get(w.key());
            if (!Parity.sameCode(w.en(), w.parsed().get(Lang.ZH))) {
                diagnostics.add(Diagnostic.error(w.en().page().source().path(), 0, 0,
                        "update refused: the zh and en snippets of this topic differ; make them identical first"));
                continue;
            }
            var updates = updater.update(w.parsed(), v.evaluations(),
                    s -> in.onlyId().isEmpty() || in.onlyId().get().equals(s.reference().id()));
            for (var u : updates.values()) {
                if (u.changes().isEmpty()) {
                    continue;
                }
                Path file = config.projectRoot().resolve(u.source().path());
                Files.writeString(file, u.newText(), StandardCharsets.UTF_8);
                changedFiles++;
                u.changes().forEach(console::println);
            }
        }
        int changed = changedFiles;
        return new Output<>(changed, diagnostics, seconds -> changed + " files changed");
    }
}
