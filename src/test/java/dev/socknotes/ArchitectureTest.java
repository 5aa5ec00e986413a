package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages have one direction: each may use only those listed before it (its own subpackages
 * count as itself), so the package graph has no cycle. Diagnostics are at the bottom; publishing
 * (verification.json, the zip, the support bundle) is at the top, below only the recipe and the
 * CLI. The snippet support library is below them all: it uses none of the build's packages (it is
 * what the agents load and readers download); the build may use it, as the diagrams read the
 * packet lines of {@code support.PacketLine}.
 */
class ArchitectureTest {
    static final List<String> LAYERS = List.of("support", "internal", "diagnostic", "config", "content", "snippet", "exec", "cache",
            "verify", "render", "site", "publish", "matrix", "", "cli");
    static final String SUPPORT = LAYERS.get(0);
    // the build's sources and the support library's own source set
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/dev/socknotes"), Path.of("src/support/java/dev/socknotes"));
    // a reference to one of our packages: an import or a qualified name, after strings and comments are removed
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.socknotes\\.(?:([a-z]\\w*)\\.)?([A-Z]\\w*|\\*)");
    private static final Pattern STRINGS_AND_COMMENTS = Pattern.compile(
            "\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])'|//[^\\n]*|/\\*(?s:.*?)\\*/");

    @Test
    void noPackageUsesOneAboveIt() throws IOException {
        List<String> backEdges = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Path file : javaFiles()) {
            String from = topPackage(file);
            seen.add(from);
            String code = STRINGS_AND_COMMENTS.matcher(Files.readString(file)).replaceAll(" ");
            Matcher m = REFERENCE.matcher(code);
            while (m.find()) {
                String to = m.group(1) == null ? "" : m.group(1);
                if (!to.equals(from) && !allowed(from, to)) {
                    backEdges.add(file + ": " + label(from) + " uses " + label(to) + " (" + m.group() + ")");
                }
            }
        }
        assertThat(seen).as("every package has its place in LAYERS").allMatch(LAYERS::contains);
        assertThat(backEdges).as("references against the direction of " + LAYERS).isEmpty();
    }

    @Test
    void theRuleSeesABackEdge() {
        assertThat(allowed("render", "verify")).isTrue();
        assertThat(allowed("diagnostic", "render")).isFalse();
        assertThat(allowed("render", SUPPORT)).isTrue();
        assertThat(allowed(SUPPORT, "internal")).isFalse();
        Matcher m = REFERENCE.matcher(STRINGS_AND_COMMENTS.matcher(
                "import dev.socknotes.render.X; // dev.socknotes.cli.Main\n String s = \"dev.socknotes.site.Y\";").replaceAll(" "));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).containsExactly("render");
    }

    static boolean allowed(String from, String to) {
        return LAYERS.indexOf(to) >= 0 && LAYERS.indexOf(to) < LAYERS.indexOf(from);
    }

    private static String label(String pkg) {
        return pkg.isEmpty() ? "dev.socknotes" : pkg;
    }

    private static String topPackage(Path file) {
        Path rel = SOURCES.stream().filter(file::startsWith).findFirst().orElseThrow().relativize(file);
        return rel.getNameCount() == 1 ? "" : rel.getName(0).toString();
    }

    private static List<Path> javaFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCES) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void theSupportLibraryIsASourceSetOfItsOwn() throws IOException {
        assertThat(javaFiles()).filteredOn(f -> f.startsWith(SOURCES.get(1))).isNotEmpty()
                .allMatch(f -> topPackage(f).equals(SUPPORT));
        assertThat(javaFiles()).filteredOn(f -> f.startsWith(SOURCES.get(0))).noneMatch(f -> topPackage(f).equals(SUPPORT));
    }
}
