package dev.socknotes.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socknotes.exec.Environment;
import dev.socknotes.render.GeneratedPages;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.TranslationSync;

/**
 * {@code verification.json}: every snippet's status, where and how contained it was verified, and
 * its output as verified (JSON escaping only); no timings.
 */
public final class VerificationJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerificationJson() {}

    public static String write(java.util.List<GeneratedPages.StatusRow> rows, java.util.List<TranslationSync.Stale> stale,
                               Environment env, ClaimLedger.Checked claims) {
        ObjectNode root = JSON.createObjectNode();
        if (env != null) {
            ObjectNode e = root.putObject("environment");
            e.put("os", "Linux");
            e.put("kernelRelease", env.kernelRelease());
            e.put("javaVendor", env.javaVendor());
            e.put("javaVersion", env.javaVersion());
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
}
