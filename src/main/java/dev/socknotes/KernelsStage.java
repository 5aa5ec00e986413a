package dev.socknotes;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.Header;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.matrix.KernelRecords;
import dev.socknotes.matrix.MatrixTopic;
import dev.socknotes.matrix.Suite;
import dev.socknotes.publish.SupportBundle;
import dev.socknotes.snippet.ExpectedBlock;
import dev.socknotes.snippet.SnippetRef;
import dev.socknotes.verify.KernelResult;
import dev.socknotes.verify.KernelResults;
import dev.socknotes.verify.MatrixKernel;
import dev.socknotes.verify.Verifier;
import dev.socknotes.verify.VerifiedSnippet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kernel matrix's committed records ({@code data/matrix/<suite>.json}) read and compared with
 * this build, snippet by snippet (issue 16). Never boots a machine: a missing or stale record is
 * a result the pages show, not an error; only a records file that does not parse is one.
 */
record KernelsStage(BuildConfig config) implements Stage<KernelsStage.Input, KernelResults> {
    record Input(List<TopicWork> topics, Map<String, Verifier.TopicVerification> verified) {}

    private record Read(MatrixKernel kernel, Optional<KernelRecords> records) {}

    @Override
    public Output<KernelResults> run(Input in) throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Read> kernels = new ArrayList<>();
        for (Suite suite : Suite.values()) {
            Optional<KernelRecords> records = read(config.dataDir().resolve("matrix").resolve(suite.codename() + ".json"), diagnostics);
            kernels.add(new Read(new MatrixKernel(suite.codename(), suite.kernelLine(), records.map(r -> new MatrixKernel.Recorded(
                    r.release(), r.imagePackage(), r.packageVersion(), r.jdk()))), records));
        }
        String supportHash = SupportBundle.hash();
        Map<SnippetRef, List<KernelResult>> bySnippet = new LinkedHashMap<>();
        for (TopicWork w : in.topics()) {
            Header header = w.topic().page(Lang.EN).header();
            // a record's hash is of the snippets the matrix ran: without the slow ones (as CI runs it) or with them
            Map<SnippetRef, String> withoutSlow = MatrixTopic.of(w.key(), header, w.en().snippets(), false, 1).codeHashes(supportHash);
            Map<SnippetRef, String> withSlow = MatrixTopic.of(w.key(), header, w.en().snippets(), true, 1).codeHashes(supportHash);
            Verifier.TopicVerification v = in.verified().get(w.key());
            for (VerifiedSnippet vs : v.snippets().get(Lang.EN)) {
                SnippetRef ref = vs.snippet().reference();
                String thisBuild = v.evaluations().stream().filter(e -> e.index() == vs.snippet().index()).findFirst()
                        .flatMap(Verifier.Evaluation::actual).orElse(vs.shownOutput());
                List<KernelResult> results = new ArrayList<>();
                for (Read k : kernels) {
                    Optional<KernelResults.Recorded> recorded = k.records().flatMap(r -> r.find(ref.toString()))
                            .map(r -> new KernelResults.Recorded(r.status(), r.output(),
                                    r.codeHash().equals(withoutSlow.get(ref)) || r.codeHash().equals(withSlow.get(ref))));
                    results.add(KernelResults.compare(k.kernel(), recorded, thisBuild, vs.snippet().expected().map(ExpectedBlock::text)));
                }
                bySnippet.put(ref, results);
            }
        }
        KernelResults result = new KernelResults(kernels.stream().map(Read::kernel).toList(), bySnippet);
        return new Output<>(result, diagnostics, seconds -> summary(result));
    }

    /** A records file that does not parse is an error at its line; one that does not exist is a kernel without records. */
    private Optional<KernelRecords> read(Path file, List<Diagnostic> diagnostics) throws IOException {
        try {
            return KernelRecords.read(file);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            diagnostics.add(Diagnostic.error(config.projectRoot().relativize(file.toAbsolutePath().normalize()),
                    at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "not a kernel matrix records file: " + e.getOriginalMessage()
                            + " (rewrite it with -Dsocknotes.mode=matrix-update)"));
            return Optional.empty();
        }
    }

    /** "5.10.223, 6.1.176, 6.12.117: 84 results as this build, 0 differ, 0 stale, 3 missing". */
    private static String summary(KernelResults r) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String name : List.of("verified", "differs", "stale", "missing")) {
            counts.put(name, 0);
        }
        r.bySnippet().values().forEach(list -> list.forEach(k -> counts.merge(k.jsonName(), 1, Integer::sum)));
        return String.join(", ", r.kernels().stream().map(MatrixKernel::release).toList()) + " (recorded): "
                + counts.get("verified") + " results as this build, " + counts.get("differs") + " differ, "
                + counts.get("stale") + " stale, " + counts.get("missing") + " missing";
    }
}
