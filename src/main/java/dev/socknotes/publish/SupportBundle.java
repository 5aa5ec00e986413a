package dev.socknotes.publish;

import dev.socknotes.exec.AgentClassPath;
import dev.socknotes.internal.PackageJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The snippet support library as readers get it: the very jar the snippets' agents run with
 * ({@link AgentClassPath#supportJar}: the classes of the separately compiled {@code src/support/java}
 * source set) and, for the appendix page, the sources in that source set.
 */
public final class SupportBundle {
    /** Where the support library's sources are, relative to the project root. */
    public static final String SOURCE_DIR = "src/support/java/dev/socknotes/support/";

    private SupportBundle() {}

    /** The support jar's bytes, or an empty array when the support package is not on the class path. */
    public static byte[] jar() throws IOException {
        return AgentClassPath.supportJar();
    }

    /** The support library's Java sources (file name → text), read from the project's source set. */
    public static Map<String, String> sources(Path projectRoot) throws IOException {
        Path dir = projectRoot.resolve(SOURCE_DIR);
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }

    /** A hash of the support classes, part of the result-cache key and of the matrix's code hash. */
    public static String hash() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (var e : PackageJar.classFiles(dev.socknotes.support.Ret.class).entrySet()) {
            sb.append(e.getKey()).append(java.util.HexFormat.of().formatHex(e.getValue()));
        }
        return dev.socknotes.cache.ResultCache.sha256(sb.toString());
    }
}
