package dev.socknotes.verify;

import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.SnippetRef;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The claims ledger ({@code data/claims.yaml}): every claim of the seed notes with a verdict and
 * the snippets that decide it. A claim whose proving snippet does not exist, or did not verify in
 * this build, fails the build at the claim's line.
 */
public final class ClaimLedger {

    public enum Verdict {
        CONFIRMED("confirmed"), PARTLY("partly"), REFUTED("refuted"), UNTESTABLE("untestable");

        private final String key;

        Verdict(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Optional<Verdict> of(String s) {
            for (Verdict v : values()) {
                if (v.key.equals(s)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One claim.
     *
     * @param seed      where the seed notes make it (section or numbered note), for the ledger
     * @param statement the claim in each language
     * @param note      the verdict explained in each language (for untestable: why)
     * @param proofs    the snippets that decide it
     */
    public record Claim(String id, int line, String seed, Map<Lang, String> statement, Map<Lang, String> note,
                        Verdict verdict, List<SnippetRef> proofs) {}

    public record Loaded(List<Claim> claims, List<Diagnostic> diagnostics) {}

    private static final Set<String> KEYS = Set.of("id", "seed", "zh", "en", "verdict", "proof", "note_zh", "note_en");

    public Loaded load(Path file, Path display) throws IOException {
        List<Diagnostic> errors = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Loaded(claims, errors);
        }
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            errors.add(Diagnostic.error(display, e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1,
                    "malformed YAML: " + e.getProblem()));
            return new Loaded(claims, errors);
        }
        if (!(root instanceof SequenceNode seq)) {
            errors.add(Diagnostic.error(display, 1, 1, "claims.yaml must be a list of claims (- id: ...)"));
            return new Loaded(claims, errors);
        }
        Set<String> ids = new HashSet<>();
        for (Node item : seq.getValue()) {
            int line = item.getStartMark().getLine() + 1;
            if (!(item instanceof MappingNode map)) {
                errors.add(Diagnostic.error(display, line, 1, "each claim must be a mapping with id, zh, en, verdict, proof"));
                continue;
            }
            Map<String, Node> fields = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                if (!KEYS.contains(key)) {
                    errors.add(Diagnostic.error(display, t.getKeyNode().getStartMark().getLine() + 1, 1,
                            "unknown claim field '" + key + "'; fields: " + String.join(", ", KEYS.stream().sorted().toList())));
                }
                fields.put(key, t.getValueNode());
            }
            String id = scalar(fields.get("id"));
            if (id == null) {
                errors.add(Diagnostic.error(display, line, 1, "claim without id"));
                continue;
            }
            if (!ids.add(id)) {
                errors.add(Diagnostic.error(display, line, 1, "duplicate claim id '" + id + "'"));
            }
            Optional<Verdict> verdict = Optional.ofNullable(scalar(fields.get("verdict"))).flatMap(Verdict::of);
            if (verdict.isEmpty()) {
                errors.add(Diagnostic.error(display, line, 1, "claim " + id + ": verdict must be confirmed, partly, refuted or untestable"));
                continue;
            }
            Map<Lang, String> statement = new EnumMap<>(Lang.class);
            Map<Lang, String> note = new EnumMap<>(Lang.class);
            for (Lang l : Lang.values()) {
                String s = scalar(fields.get(l.dir()));
                if (s == null || s.isBlank()) {
                    errors.add(Diagnostic.error(display, line, 1, "claim " + id + ": missing '" + l.dir() + "' wording"));
                }
                statement.put(l, s == null ? "" : s.strip());
                String n = scalar(fields.get("note_" + l.dir()));
                note.put(l, n == null ? "" : n.strip());
            }
            List<Node> proofNodes = fields.get("proof") instanceof SequenceNode ps ? ps.getValue()
                    : fields.get("proof") != null ? List.of(fields.get("proof")) : List.of();
            List<SnippetRef> proofs = new ArrayList<>();
            for (Node p : proofNodes) {
                String text = scalar(p);
                Optional<SnippetRef> ref = text == null ? Optional.empty() : SnippetRef.parse(text);
                ref.ifPresentOrElse(proofs::add, () -> errors.add(Diagnostic.error(display, p.getStartMark().getLine() + 1,
                        p.getStartMark().getColumn() + 1, "claim " + id + ": a proof is a snippet reference topic#id, not '"
                                + text + "'")));
            }
            if (verdict.get() == Verdict.UNTESTABLE) {
                if (note.get(Lang.EN).isEmpty() || note.get(Lang.ZH).isEmpty()) {
                    errors.add(Diagnostic.error(display, line, 1, "claim " + id + ": an untestable claim needs note_zh and note_en saying why"));
                }
            } else if (proofs.isEmpty()) {
                errors.add(Diagnostic.error(display, line, 1, "claim " + id + ": verdict " + verdict.get().key()
                        + " needs proof: [topic#snippet-id, ...] (or verdict untestable with a reason)"));
            }
            claims.add(new Claim(id, line, Optional.ofNullable(scalar(fields.get("seed"))).orElse(""), statement, note,
                    verdict.get(), proofs));
        }
        return new Loaded(claims, errors);
    }

    /**
     * Checks every proof against this build's snippets.
     *
     * @param statuses each snippet with an id → its status in this build
     */
    public List<Diagnostic> checkProofs(List<Claim> claims, Map<SnippetRef, SnippetStatus> statuses, Path display) {
        List<Diagnostic> errors = new ArrayList<>();
        for (Claim c : claims) {
            for (SnippetRef ref : c.proofs()) {
                SnippetStatus s = statuses.get(ref);
                if (s == null) {
                    errors.add(Diagnostic.error(display, c.line(), 1, "claim " + c.id() + ": proving snippet " + ref
                            + " does not exist (snippets are named topic#id by their id= option)"));
                } else if (s == SnippetStatus.FAILED) {
                    errors.add(Diagnostic.error(display, c.line(), 1, "claim " + c.id() + ": proving snippet " + ref
                            + " did not verify in this build"));
                }
            }
        }
        return errors;
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }
}
