package dev.socknotes.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socknotes.exec.Environment;
import dev.socknotes.render.GeneratedPages;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.KernelResult;
import dev.socknotes.verify.KernelResults;
import dev.socknotes.verify.MatrixKernel;
import dev.socknotes.verify.TranslationSync;

/**
 * {@code verification.json}: every snippet's status, where and how contained it was verified, and
 * its output as verified (JSON escaping only), with what the kernel matrix recorded for it on each
 * kernel; each claim with its verdict and whether it holds on each kernel; no timings.
 */
public final class VerificationJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerificationJson() {}

    /** @param kernels the kernel matrix's records compared with this build: nested in each snippet and claim */
    public static String write(java.util.List<GeneratedPages.StatusRow> rows, java.util.List<TranslationSync.Stale> stale,
                               Environment env, ClaimLedger.Checked claims, KernelResults kernels) {
        ObjectNode root = JSON.createObjectNode();
        if (env != null) {
            ObjectNode e = root.putObject("environment");
            e.put("os", "Linux");
            e.put("kernelRelease", env.kernelRelease());
            e.put("javaVendor", env.javaVendor());
            e.put("javaVersion", env.javaVersion());
        }
        ArrayNode matrix = root.putArray("kernels");
        for (MatrixKernel k : kernels.kernels()) {
            ObjectNode n = kernel(matrix.addObject(), k);
            n.put("series", k.series());
            k.recorded().ifPresent(r -> n.put("uname", r.uname()).put("jdk", r.jdk()));
        }
        ArrayNode snippets = root.putArray("snippets");
        for (var r : rows) {
            var s = r.snippet().snippet();
            ObjectNode n = snippets.addObject();
            n.put("topic", r.topic());
            n.put("id", s.options().id().orElse(null));
            n.put("reference", s.reference().toString());
            n.put("source", s.file().toString().replace('\\', '/') + ":" + s.fenceLine());
            n.put("status", r.snippet().status().jsonName());
            n.put("containment", r.containment() == null ? null : r.containment().jsonName());
            // exactly as verified (or recorded): the page shows it made safe to display, this file does not
            n.put("output", r.snippet().shownOutput());
            ArrayNode onKernels = n.putArray("kernels");
            for (KernelResult k : kernels.of(s.reference())) {
                ObjectNode kn = kernel(onKernels.addObject(), k.kernel());
                kn.put("status", k.jsonName());
                switch (k) {
                    case KernelResult.Same same -> kn.put("recordedStatus", same.recordedStatus()).put("output", same.output());
                    case KernelResult.Differs d -> {
                        kn.put("recordedStatus", d.recordedStatus()).put("output", d.output());
                        d.diff().forEach(kn.putArray("diff")::add);
                    }
                    // what the record says, though it was made for other code
                    case KernelResult.Stale old -> kn.put("recordedStatus", old.recordedStatus()).put("output", old.output());
                    case KernelResult.Missing missing -> kn.putNull("output");
                }
            }
            ArrayNode mine = n.putArray("claims");
            for (ClaimLedger.Claim c : claims.claims()) {
                var evidence = claims.of(c).stream().filter(e -> e.proof().snippet().equals(s.reference())).toList();
                if (evidence.isEmpty()) {
                    continue;
                }
                ObjectNode claim = mine.addObject();
                claim.put("id", c.id());
                claim.put("verdict", c.verdict().key());
                ArrayNode shows = claim.putArray("shows");
                for (var e : evidence) {
                    shows.addObject().put("line", e.shows().text()).put("outputLine", e.outputLine() + 1);
                }
                ArrayNode holds = claim.putArray("kernels");
                for (ClaimLedger.OnKernel k : claims.onKernels(c)) {
                    kernel(holds.addObject(), k.kernel()).put("holds", k.holding().key());
                }
            }
        }
        ObjectNode counts = root.putObject("claims");
        counts.put("total", claims.claims().size());
        ObjectNode byVerdict = counts.putObject("byVerdict");
        for (ClaimLedger.Verdict v : ClaimLedger.Verdict.values()) {
            byVerdict.put(v.key(), claims.count(v));
        }
        counts.put("showsChecked", claims.showsChecked());
        counts.put("showsMatched", claims.evidence().size());
        counts.put("holdOnEveryKernel", claims.claims().stream().filter(c -> !claims.onKernels(c).isEmpty()
                && claims.onKernels(c).stream().allMatch(k -> k.holding() == ClaimLedger.Holding.HOLDS)).count());
        // section pairs changed in one language (or both) since they were last declared in sync
        ArrayNode staleSections = root.putObject("translations").putArray("stale");
        for (TranslationSync.Stale s : stale) {
            ObjectNode n = staleSections.addObject();
            n.put("topic", s.topic());
            n.put("section", s.section());
            n.put("state", s.state().jsonName());
            n.put("behind", s.behind().map(l -> l.dir()).orElse(null));
            n.put("zh", s.zh().toString());
            n.put("en", s.en().toString());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A kernel as each entry names it: suite, release as the pages show it, and the image package it was recorded with. */
    private static ObjectNode kernel(ObjectNode n, MatrixKernel k) {
        n.put("suite", k.suite());
        n.put("release", k.release());
        n.put("package", k.recorded().map(MatrixKernel.Recorded::imagePackage).orElse(null));
        n.put("packageVersion", k.recorded().map(MatrixKernel.Recorded::packageVersion).orElse(null));
        return n;
    }
}
