package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socknotes.cache.ResultCache;
import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import dev.socknotes.exec.Sandbox;
import dev.socknotes.internal.FileTrees;
import dev.socknotes.diagnostic.Diagnostic;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole builds of hostile topics, each on a topic of its own, as a careless or hostile author would
 * write them. The project lives under target/ (a project in /tmp would be hidden from its agents,
 * which get a /tmp of their own). The machine must contain snippets fully (CI can): these tests
 * fail rather than skip, and never run a hostile snippet uncontained.
 */
class ContainmentBuildTest {
    private static final long BUILD_PID = ProcessHandle.current().pid();

    private Path root;
    private String console = "";

    @BeforeEach
    void project() throws IOException {
        Sandbox.Availability sandbox = Sandbox.probe(Sandbox.Scope.ALL);
        assertThat(sandbox.sandbox().map(Sandbox::scope)).as("full containment here: %s", sandbox.reason())
                .contains(Sandbox.Scope.ALL);
        Files.createDirectories(Path.of("target"));
        root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "containment-");
        BrokenInputCorpusTest.copyTree(Path.of("templates"), root.resolve("templates"));
        BrokenInputCorpusTest.copyTree(Path.of("assets"), root.resolve("assets"));
    }

    @AfterEach
    void deleteProject() throws IOException {
        FileTrees.deleteTree(root);
    }

    private void topic(String name, String body) throws IOException {
        for (String lang : List.of("en", "zh")) {
            Path page = root.resolve("content").resolve(lang).resolve(name + ".md");
            Files.createDirectories(page.getParent());
            Files.writeString(page, "title=" + name + "\ndate=2026-11-24\n~~~~~~\n" + body, StandardCharsets.UTF_8);
        }
    }

    private Socknotes.BuildResult build() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BuildConfig config = BuildConfig.from(root, Map.of(Setting.WORKERS, "2"));
        Socknotes.BuildResult result = new Socknotes(config, new PrintStream(out, true, StandardCharsets.UTF_8)).run();
        console = out.toString(StandardCharsets.UTF_8);
        return result;
    }

    private static List<String> errors(Socknotes.BuildResult result) {
        return result.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::headline).toList();
    }

    @Test
    void anOrphanedAndADaemonisedChildAreReportedAtTheirTopicsLastSnippetAndGoneAfterTheBuild() throws IOException {
        // sleeps of a length no other process on the machine has
        String orphan = "9" + BUILD_PID + "1";
        String daemon = "9" + BUILD_PID + "2";
        topic("orphan", """
                ```java run
                new ProcessBuilder("sleep", "%s").start();
                ```
                ```output
                ```
                """.formatted(orphan));
        topic("daemon", """
                ```java run
                new ProcessBuilder("sh", "-c", "setsid sleep %s </dev/null >/dev/null 2>&1 &").start().waitFor();
                ```
                ```output
                ```

                ```java run
                System.out.println("its shell has ended");
                ```
                ```output
                its shell has ended
                ```
                """.formatted(daemon));
        Socknotes.BuildResult result = build();
        assertThat(errors(result)).as(console).containsExactly(
                "content/en/daemon.md:10:1: error: left 1 process running: sleep " + daemon + " — killed",
                "content/en/orphan.md:4:1: error: left 1 process running: sleep " + orphan + " — killed");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("")))
                .as("no sleep of theirs is left on the machine").doesNotContain(orphan, daemon);
    }

    @Test
    void writesToTheSourceTreeAndToTmpDoNotReachThemAndTheSourceTreeStaysByteIdentical() throws IOException {
        Path page = root.resolve("content/en/write-content.md");
        Path newPage = root.resolve("content/en/planted.md");
        Path hostTmp = Path.of("/tmp", "socknotes-planted-" + BUILD_PID);
        String attempt = """
                ```java run hidden
                void attempt(String what, Path p) {
                    try { Files.writeString(p, "planted"); System.out.println(what + ": written"); }
                    catch (IOException e) { System.out.println(what + ": " + e.getMessage()); }
                }
                ```
                """;
        topic("write-content", attempt + """

                ```java run
                attempt("page", Path.of("%s"));
                attempt("new page", Path.of("%s"));
                ```
                ```output
                page: [..]/content/en/write-content.md: Read-only file system
                new page: [..]/content/en/planted.md: Read-only file system
                ```
                """.formatted(page, newPage));
        topic("write-tmp", attempt + """

                ```java run
                attempt("tmp", Path.of("%s"));
                System.out.println("read back: " + Files.readString(Path.of("%1$s")));
                ```
                ```output
                tmp: written
                read back: planted
                ```
                """.formatted(hostTmp));
        Map<String, String> before = tree(root);
        Socknotes.BuildResult result = build();
        assertThat(errors(result)).as(console).isEmpty();
        assertThat(tree(root)).as("the source tree, byte for byte").isEqualTo(before);
        assertThat(newPage).doesNotExist();
        assertThat(hostTmp).as("the snippet's /tmp was its own").doesNotExist();
        JsonNode json = new ObjectMapper().readTree(root.resolve("target/site/verification.json").toFile());
        for (JsonNode s : json.get("snippets")) {
            assertThat(s.get("containment").asText()).as(s.get("reference").asText()).isEqualTo("full");
        }
    }

    @Test
    void aSnippetThatTriesToKillItsParentsCannotAndTheBuildEndsWithItsDiagnostic() throws IOException {
        topic("kill-parents", """
                ```java run
                var parent = ProcessHandle.current().parent();
                System.out.println("parent visible: " + parent.isPresent());
                ProcessHandle.allProcesses().filter(p -> !p.equals(ProcessHandle.current())).forEach(ProcessHandle::destroyForcibly);
                new ProcessBuilder("sh", "-c", "kill -9 $PPID; kill -9 -1; kill -9 %d").start().waitFor();
                ProcessHandle.of(%1$dL).ifPresent(ProcessHandle::destroyForcibly);
                parent.orElseThrow().destroyForcibly();
                ```
                ```output
                parent visible: false
                ```

                ```java run
                System.out.println("the agent lives on");
                ```
                ```output
                the agent lives on
                ```
                """.formatted(BUILD_PID));
        Socknotes.BuildResult result = build();
        assertThat(errors(result)).as(console).containsExactly(
                "content/en/kill-parents.md:10:1: error: threw unexpectedly: java.util.NoSuchElementException: No value present");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(console).contains("verify: 1 of 2 snippets verified");
    }

    @Test
    void hostileOutputIsShownVisiblyAndSafelyAndVerificationJsonKeepsItExactly() throws IOException {
        // the page holds the Java escapes as text; the snippet prints the characters themselves
        topic("hostile", """
                ```java run id=hostile
                System.out.println("nul: a\\u0000b");
                System.out.print("invalid: ");
                System.out.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\\n'});
                System.out.println("ansi: \\u001b[31mred\\u001b[0m\\u001b[2J");
                System.out.println("bidi: \\u202Eevil\\u202C");
                System.out.println("long: " + "x".repeat(100_000));
                ```
                ```output
                nul: a[..]b
                invalid: [..]
                ansi: [..]red[..]
                bidi: [..]evil[..]
                long: [..]
                ```
                """);
        Socknotes.BuildResult result = build();
        assertThat(errors(result)).as(console).isEmpty();
        String exact = "nul: a\u0000b\ninvalid: \uFFFD(\uFFFD\nansi: \u001b[31mred\u001b[0m\u001b[2J\nbidi: \u202Eevil\u202C\nlong: "
                + "x".repeat(100_000);
        for (String lang : List.of("en", "zh")) {
            String html = Files.readString(root.resolve("target/site/" + lang + "/hostile.html"), StandardCharsets.UTF_8);
            assertThat(html).as("no raw control, bidi or oversized text in the page")
                    .doesNotContain("\u0000", "\u001b", "\u202E", "\u202C", "x".repeat(1001));
            String shown = org.jsoup.Jsoup.parse(html).select("#snippet-hostile samp").text();
            assertThat(shown).contains("nul: a␀b", "invalid: \uFFFD(\uFFFD", "ansi: ␛[31mred␛[0m␛[2J", "bidi: ⟨U+202E⟩evil⟨U+202C⟩",
                    "long: " + "x".repeat(994) + "… (99006 more characters)");
        }
        JsonNode json = new ObjectMapper().readTree(root.resolve("target/site/verification.json").toFile());
        assertThat(json.get("snippets").get(0).get("output").asText()).as("the exact text").isEqualTo(exact);
        assertThat(console).doesNotContain("\u001b", "\u0000", "\u202E");
    }

    @Test
    void aKilledBuildTakesItsAgentsNamespaceAlong() throws Exception {
        String marker = "9" + BUILD_PID + "3";
        topic("lingers", """
                ```java run timeout=100s
                new ProcessBuilder("sh", "-c", "setsid sleep %s </dev/null >/dev/null 2>&1 &").start().waitFor();
                Thread.sleep(90_000);
                ```
                ```output
                ```
                """.formatted(marker));
        Process build = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.socknotes.cli.Main", "build", "--workers", "1")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(root.resolve("build.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!sleepRunning(marker) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(sleepRunning(marker)).as("the snippet's daemon started; build log:%n%s",
                    Files.readString(root.resolve("build.log"))).isTrue();
        } finally {
            build.destroyForcibly(); // SIGKILL: no shutdown hook, no close of anything
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sleepRunning(marker) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(sleepRunning(marker)).as("the daemon died with the build").isFalse();
    }

    private static boolean sleepRunning(String marker) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.isAlive()
                && p.info().arguments().map(a -> String.join(" ", a)).orElse("").equals(marker));
    }

    /** Every file under the project but target/, with its SHA-256. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith("target")) {
                    files.put(rel, ResultCache.sha256(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)));
                }
            }
        }
        return files;
    }
}
