package dev.socknotes.verify;

import dev.socknotes.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The data files that are YAML lists (the claims ledger, the termbase), read as nodes with their lines. */
final class YamlList {
    private YamlList() {}

    /**
     * The file's items; none for a missing or empty file; none, and an error at its place, for
     * malformed YAML or a document that is not a list.
     *
     * @param form what the file must be, for the error ("claims.yaml must be a list of claims (- id: ...)")
     */
    static List<Node> items(Path file, Path display, String form, List<Diagnostic> errors) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Node root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            errors.add(Diagnostic.error(display, e.getProblemMark().getLine() + 1, e.getProblemMark().getColumn() + 1,
                    "malformed YAML: " + e.getProblem()));
            return List.of();
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode seq)) {
            errors.add(Diagnostic.error(display, 1, 1, form));
            return List.of();
        }
        return seq.getValue();
    }
}
