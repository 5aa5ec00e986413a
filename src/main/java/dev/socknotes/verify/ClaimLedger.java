package dev.socknotes.verify;

import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.OutputPattern;
import dev.socknotes.snippet.SnippetRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The claims ledger ({@code data/claims.yaml}): every claim with a verdict, the snippets that
 * decide it and the lines of their output that show it. A proof whose snippet does not exist or
 * did not verify, or a {@code shows} line that matches no line of the snippet's output in this
 * build, fails the build at its place in the ledger: a verdict cannot outlive its evidence.
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
     * @param proofs    the snippets that decide it, each with the output lines that show it
     */
    public record Claim(String id, int line, String seed, Map<Lang, String> statement, Map<Lang, String> note,
                        Verdict verdict, List<Proof> proofs) {
        public boolean decided() {
            return verdict != Verdict.UNTESTABLE;
        }
    }

    /** A proof: a snippet and the lines of its output that show the claim. */
    public record Proof(SnippetRef snippet, int line, int column, List<ShownLine> shows) {}

    /**
     * One {@code shows} entry: a whole output line, with {@code [..]} as a wildcard inside it (the
     * matching rules of output blocks), and where the ledger has it.
     */
    public record ShownLine(String text, int line, int column) {}

    /** The output a proof is checked against: what the site shows for the snippet in this build. */
    public record ProofOutput(SnippetStatus status, String output) {}

    /** A {@code shows} line and the output line (0-based) it matched. */
    public record Evidence(Claim claim, Proof proof, ShownLine shows, int outputLine) {}

    /** Whether a claim's {@code shows} lines hold on a kernel of the matrix, by its records. */
    public enum Holding {
        /** Every proof's record is fresh and each of its shows lines matches a line of the record's output. */
        HOLDS("holds"),
        /** A shows line matches no line of a fresh record's output. */
        FAILS("fails"),
        /** Not decided: a proof's record is missing or stale, and no shows line failed on the others. */
        NOT_CHECKED("not-checked");

        private final String key;

        Holding(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A claim on one kernel of the matrix. */
    public record OnKernel(MatrixKernel kernel, Holding holding) {}

    /**
     * The result of checking every proof: the claims, errors, the evidence found, and per claim
     * (by id) whether it holds on each kernel of the matrix (none for an untestable claim).
     */
    public record Checked(List<Claim> claims, List<Diagnostic> diagnostics, List<Evidence> evidence,
                          Map<String, List<OnKernel>> kernels) {
        public static final Checked NONE = new Checked(List.of(), List.of(), List.of());

        public Checked {
            kernels = Map.copyOf(kernels);
        }

        public Checked(List<Claim> claims, List<Diagnostic> diagnostics, List<Evidence> evidence) {
            this(claims, diagnostics, evidence, Map.of());
        }

        /** The claim on each kernel of the matrix, in the matrix's order; empty when it was not checked there. */
        public List<OnKernel> onKernels(Claim claim) {
            return kernels.getOrDefault(claim.id(), List.of());
        }

        /** "31 (24 confirmed, 4 partly, 2 refuted, 1 untestable), 45 of 45 shows lines matched". */
        public String summary() {
            List<String> parts = new ArrayList<>();
            for (Verdict v : Verdict.values()) {
                if (count(v) > 0) {
                    parts.add(count(v) + " " + v.key());
                }
            }
            return claims.size() + " (" + String.join(", ", parts) + "), " + evidence.size() + " of " + showsChecked()
                    + " shows lines matched";
        }

        /** How many claims have this verdict. */
        public long count(Verdict verdict) {
            return claims.stream().filter(c -> c.verdict() == verdict).count();
        }

        /** How many {@code shows} lines the proofs name (each one checked). */
        public long showsChecked() {
            return claims.stream().flatMap(c -> c.proofs().stream()).mapToLong(p -> p.shows().size()).sum();
        }

        /** Output line index → the claims whose {@code shows} lines matched it, for one snippet. */
        public Map<Integer, List<Claim>> marksFor(SnippetRef snippet) {
            Map<Integer, List<Claim>> marks = new TreeMap<>();
            for (Evidence e : evidence) {
                if (e.proof().snippet().equals(snippet)) {
                    List<Claim> at = marks.computeIfAbsent(e.outputLine(), k -> new ArrayList<>());
                    if (!at.contains(e.claim())) {
                        at.add(e.claim());
                    }
                }
            }
            return marks;
        }

        public List<Evidence> of(Claim claim) {
            return evidence.stream().filter(e -> e.claim().equals(claim)).toList();
        }
    }

    public record Loaded(List<Claim> claims, List<Diagnostic> diagnostics) {}

    private static final Set<String> KEYS = Set.of("id", "seed", "zh", "en", "verdict", "proof", "note_zh", "note_en");
    private static final Set<String> PROOF_KEYS = Set.of("snippet", "shows");
    private static final String PROOF_FORM = "each proof is '- snippet: topic#id' with 'shows:', a block list of output lines";

    public Loaded load(Path file, Path display) throws IOException {
        List<Diagnostic> errors = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node item : YamlList.items(file, display, "claims.yaml must be a list of claims (- id: ...)", errors)) {
            int line = item.getStartMark().getLine() + 1;
            if (!(item instanceof MappingNode map)) {
                errors.add(Diagnostic.error(display, line, 1, "each claim must be a mapping with id, zh, en, verdict, proof"));
                continue;
            }
            Map<String, Node> fields = fields(map, KEYS, display, errors);
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
            List<Proof> proofs = proofs(id, fields.get("proof"), verdict.get() != Verdict.UNTESTABLE, display, errors);
            if (verdict.get() == Verdict.UNTESTABLE) {
                if (note.get(Lang.EN).isEmpty() || note.get(Lang.ZH).isEmpty()) {
                    errors.add(Diagnostic.error(display, line, 1, "claim " + id + ": an untestable claim needs note_zh and note_en saying why"));
                }
            } else if (fields.get("proof") == null || (fields.get("proof") instanceof SequenceNode ps && ps.getValue().isEmpty())) {
                errors.add(Diagnostic.error(display, line, 1, "claim " + id + ": verdict " + verdict.get().key()
                        + " needs a proof (" + PROOF_FORM + "), or verdict untestable with a reason"));
            }
            claims.add(new Claim(id, line, Optional.ofNullable(scalar(fields.get("seed"))).orElse(""), statement, note,
                    verdict.get(), proofs));
        }
        return new Loaded(claims, errors);
    }

    private static Map<String, Node> fields(MappingNode map, Set<String> allowed, Path display, List<Diagnostic> errors) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = ((ScalarNode) t.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                errors.add(Diagnostic.error(display, t.getKeyNode().getStartMark().getLine() + 1,
                        t.getKeyNode().getStartMark().getColumn() + 1,
                        "unknown " + (allowed == KEYS ? "claim" : "proof") + " field '" + key + "'; fields: "
                                + String.join(", ", allowed.stream().sorted().toList())));
            }
            fields.put(key, t.getValueNode());
        }
        return fields;
    }

    private static List<Proof> proofs(String claim, Node node, boolean decided, Path display, List<Diagnostic> errors) {
        List<Proof> proofs = new ArrayList<>();
        if (node == null) {
            return proofs;
        }
        if (!(node instanceof SequenceNode list)) {
            errors.add(at(display, node, "claim " + claim + ": proof must be a list; " + PROOF_FORM));
            return proofs;
        }
        for (Node item : list.getValue()) {
            if (!(item instanceof MappingNode map)) {
                errors.add(at(display, item, "claim " + claim + ": proof '" + scalar(item) + "' has no shows lines; " + PROOF_FORM));
                continue;
            }
            Map<String, Node> fields = fields(map, PROOF_KEYS, display, errors);
            String text = scalar(fields.get("snippet"));
            Optional<SnippetRef> parsed = text == null ? Optional.empty() : SnippetRef.parse(text);
            if (parsed.isEmpty()) {
                errors.add(at(display, fields.getOrDefault("snippet", item), "claim " + claim
                        + ": a proof needs 'snippet: topic#id'" + (text == null ? "" : ", not '" + text + "'")));
                continue;
            }
            SnippetRef snippet = parsed.get();
            List<ShownLine> shows = new ArrayList<>();
            Node showsNode = fields.get("shows");
            boolean noShows = showsNode == null || (showsNode instanceof ScalarNode empty && empty.getValue().isEmpty());
            if (noShows) {
                if (decided) {
                    errors.add(at(display, item, "claim " + claim + ": proof " + snippet
                            + " has no shows lines: name the output lines that show the claim"));
                }
            } else if (showsNode instanceof SequenceNode lines && lines.getFlowStyle() == DumperOptions.FlowStyle.BLOCK) {
                for (Node l : lines.getValue()) {
                    if (scalar(l) == null) {
                        errors.add(at(display, l, "claim " + claim + ": each shows entry is one output line (a string)"));
                    } else {
                        shows.add(new ShownLine(scalar(l), l.getStartMark().getLine() + 1, l.getStartMark().getColumn() + 1));
                    }
                }
            } else {
                errors.add(at(display, showsNode, "claim " + claim + ": shows must be a block list, one output line per '- \"...\"' entry"));
            }
            proofs.add(new Proof(snippet, item.getStartMark().getLine() + 1, item.getStartMark().getColumn() + 1, shows));
        }
        return proofs;
    }

    private static Diagnostic at(Path display, Node node, String message) {
        return Diagnostic.error(display, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, message);
    }

    /**
     * Checks every proof against this build: the snippet exists and did not fail, and each of its
     * {@code shows} lines matches a line of the output the site shows for it (what the JVM printed
     * in this build, or the recorded output of a snippet not run here).
     *
     * @param outputs each snippet with an id → its status and shown output
     */
    public Checked check(List<Claim> claims, Map<SnippetRef, ProofOutput> outputs, Path display) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Claim c : claims) {
            for (Proof p : c.proofs()) {
                ProofOutput out = outputs.get(p.snippet());
                if (out == null) {
                    errors.add(Diagnostic.error(display, p.line(), p.column(), "claim " + c.id() + ": proving snippet " + p.snippet()
                            + " does not exist (snippets are named topic#id by their id= option)"));
                    continue;
                }
                if (out.status() == SnippetStatus.FAILED) {
                    errors.add(Diagnostic.error(display, p.line(), p.column(), "claim " + c.id() + ": proving snippet " + p.snippet()
                            + " did not verify in this build"));
                    continue;
                }
                List<String> lines = outputLines(out.output());
                for (ShownLine shows : p.shows()) {
                    int found = matchingLine(shows, lines);
                    if (found >= 0) {
                        evidence.add(new Evidence(c, p, shows, found));
                    } else {
                        List<String> details = new ArrayList<>();
                        details.add("the output of " + p.snippet() + " (" + out.status().jsonName() + "):");
                        lines.forEach(l -> details.add("  " + l));
                        errors.add(Diagnostic.error(display, shows.line(), shows.column(), "claim " + c.id() + ": shows line \""
                                + shows.text() + "\" matches no line of the output of " + p.snippet()).withDetails(details));
                    }
                }
            }
        }
        return new Checked(claims, errors, evidence);
    }

    /**
     * Whether each claim's {@code shows} lines hold on each kernel of the matrix: matched, as in
     * {@link #check}, against the outputs its records hold for the proofs' snippets.
     *
     * @return claim id → one entry per kernel, in the matrix's order
     */
    public Map<String, List<OnKernel>> onKernels(List<Claim> claims, KernelResults kernels) {
        Map<String, List<OnKernel>> byClaim = new LinkedHashMap<>();
        for (Claim c : claims) {
            if (!c.decided() || c.proofs().isEmpty()) {
                continue;
            }
            List<OnKernel> on = new ArrayList<>();
            for (int k = 0; k < kernels.kernels().size(); k++) {
                Holding holding = Holding.HOLDS;
                for (Proof p : c.proofs()) {
                    String output = switch (kernels.of(p.snippet()).get(k)) {
                        case KernelResult.Same same -> same.output();
                        case KernelResult.Differs differs -> differs.output();
                        case KernelResult.Stale stale -> null;
                        case KernelResult.Missing missing -> null;
                    };
                    if (output == null) {
                        holding = holding == Holding.FAILS ? holding : Holding.NOT_CHECKED;
                        continue;
                    }
                    List<String> lines = outputLines(output);
                    if (p.shows().stream().anyMatch(shows -> matchingLine(shows, lines) < 0)) {
                        holding = Holding.FAILS;
                    }
                }
                on.add(new OnKernel(kernels.kernels().get(k), holding));
            }
            byClaim.put(c.id(), on);
        }
        return byClaim;
    }

    private static List<String> outputLines(String output) {
        return OutputPattern.lines(OutputPattern.normalize(output == null ? "" : output));
    }

    /** The first output line (0-based) a shows line matches, or -1. */
    private static int matchingLine(ShownLine shows, List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (OutputPattern.lineMatches(shows.text(), lines.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }
}
