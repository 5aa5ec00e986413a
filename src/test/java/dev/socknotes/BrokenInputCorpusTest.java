package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.exec.Sandbox;
import dev.socknotes.internal.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every broken input under src/test/resources/cases/NAME/ (a content/ tree, maybe data/ and
 * templates/) must fail the real build with exactly the diagnostics in NAME/expected.txt (one
 * headline per line), exit status 1, and no site written; NAME/settings.txt, where present, holds
 * settings of the build ({@code socknotes.strictTranslations=true}). Some cases are hostile snippets: the
 * machine must be able to contain them fully (CI can), or the corpus fails before running any.
 */
public class BrokenInputCorpusTest {
    private static final Path CASES = Path.of("src/test/resources/cases");

    /**
     * Under target/, not /tmp: a project in /tmp would be out of its agents' sight altogether (they
     * get a /tmp of their own), and the cases that write into the project must meet a read-only one.
     */
    private Path work;

    @BeforeEach
    void createWork() throws IOException {
        Files.createDirectories(Path.of("target"));
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "corpus-");
    }

    @AfterEach
    void deleteWork() throws IOException {
        FileTrees.deleteTree(work);
    }

    @TestFactory
    Stream<DynamicTest> eachBrokenInputFailsWithItsExactMessage() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(CASES)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(15);
        // some cases are hostile (they kill their parents): run them contained or not at all
        Sandbox.Availability sandbox = Sandbox.probe(Sandbox.Scope.ALL);
        assertThat(sandbox.sandbox().map(Sandbox::scope)).as("full containment here: %s", sandbox.reason())
                .contains(Sandbox.Scope.ALL);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
    }

    private void runCase(Path caseDir) throws IOException {
        Path root = work.resolve(caseDir.getFileName().toString());
        copyTree(caseDir, root);
        if (!Files.exists(root.resolve("templates"))) {
            copyTree(Path.of("templates"), root.resolve("templates"));
        }
        if (Files.exists(Path.of("assets")) && !Files.exists(root.resolve("assets"))) {
            copyTree(Path.of("assets"), root.resolve("assets"));
        }
        Path previousSite = root.resolve("target/site/index.html");
        Files.createDirectories(previousSite.getParent());
        Files.writeString(previousSite, "the site of the previous build");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BuildConfig config = BuildConfig.from(root, settings(caseDir));
        Socknotes.BuildResult result = new Socknotes(config, new PrintStream(console, true, StandardCharsets.UTF_8)).run();

        List<String> expected = Files.readAllLines(caseDir.resolve("expected.txt"), StandardCharsets.UTF_8);
        List<String> actual = result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList();
        assertThat(actual).as("console:\n" + console.toString(StandardCharsets.UTF_8)).containsExactlyElementsOf(expected);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(previousSite).as("the previous site is left as it was").hasContent("the site of the previous build");
        try (Stream<Path> s = Files.list(previousSite.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("index.html");
        }
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(text).contains(expected.getFirst()).doesNotContain("Exception in thread");
        assertThat(text.codePoints().filter(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7F || c == 0x202E))
                .as("the console shows no raw control or bidi character").isEmpty();
        Path consoleLines = caseDir.resolve("console-contains.txt");
        if (Files.exists(consoleLines)) {
            for (String line : Files.readAllLines(consoleLines, StandardCharsets.UTF_8)) {
                assertThat(text).as("console shows").contains(line);
            }
        }
    }

    /** One worker, and the case's settings.txt ({@code socknotes.NAME=value} lines), if it has one. */
    private static Map<Setting, String> settings(Path caseDir) throws IOException {
        Map<Setting, String> settings = new java.util.EnumMap<>(Setting.class);
        settings.put(Setting.WORKERS, "1");
        Path file = caseDir.resolve("settings.txt");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                Setting s = java.util.Arrays.stream(Setting.values()).filter(x -> x.property().equals(line.substring(0, eq)))
                        .findFirst().orElseThrow(() -> new AssertionError(file + ": no setting " + line));
                settings.put(s, line.substring(eq + 1));
            }
        }
        return settings;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (!p.getParent().equals(from)
                        || !List.of("expected.txt", "console-contains.txt", "settings.txt").contains(p.getFileName().toString())) {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
