package dev.socknotes.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How a new JBake input differs from the one the current site was baked from, when the
 * difference is small enough to bake only part of it: the content files (pages) and assets whose
 * bytes changed, as paths relative to the input folder. Empty when anything else differs.
 */
record InputChanges(List<String> content, List<String> assets) {
    static Optional<InputChanges> between(Path before, Path after) {
        if (!Files.isDirectory(before)) {
            return Optional.empty();
        }
        try {
            TreeMap<String, Path> old = files(before);
            TreeMap<String, Path> now = files(after);
            if (!old.keySet().equals(now.keySet())) {
                return Optional.empty(); // a page or file added or removed: lists and links may change
            }
            List<String> content = new ArrayList<>();
            List<String> assets = new ArrayList<>();
            for (var e : now.entrySet()) {
                if (Arrays.equals(Files.readAllBytes(old.get(e.getKey())), Files.readAllBytes(e.getValue()))) {
                    continue;
                }
                if (e.getKey().startsWith("content/")) {
                    content.add(e.getKey());
                } else if (e.getKey().startsWith("assets/")) {
                    assets.add(e.getKey());
                } else {
                    return Optional.empty(); // templates, data or properties: every page may change
                }
            }
            return Optional.of(new InputChanges(List.copyOf(content), List.copyOf(assets)));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // cannot tell: bake everything
        }
    }

    private static TreeMap<String, Path> files(Path root) throws IOException {
        TreeMap<String, Path> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString().replace('\\', '/'), p));
        }
        return out;
    }
}
