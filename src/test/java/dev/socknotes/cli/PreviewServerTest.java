package dev.socknotes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.BrokenInputCorpusTest;
import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server with the real pipeline: an edit to one topic is served after the rebuild,
 * and only that topic's snippets run again (the build's timings.txt lists the topics it executed).
 */
class PreviewServerTest {
    private static final Duration GUARD = Duration.ofMinutes(3);

    @TempDir
    Path root;

    private String topic(String title, String prose, String comment) {
        return """
                title=%s
                date=2026-11-25
                ~~~~~~
                %s

                ```java run
                // %s
                System.out.println("ran");
                ```
                ```output
                ran
                ```
                """.formatted(title, prose, comment);
    }

    private void write(String key, String prose, String comment) throws Exception {
        Files.writeString(root.resolve("content/en/" + key + ".md"), topic(key.toUpperCase(), prose, comment));
        Files.writeString(root.resolve("content/zh/" + key + ".md"), topic(key + "（中文）", "中文：" + prose, comment));
    }

    @Test
    void anEditIsServedAfterTheRebuildAndOnlyTheEditedTopicRunsAgain() throws Exception {
        Files.createDirectories(root.resolve("content/en"));
        Files.createDirectories(root.resolve("content/zh"));
        BrokenInputCorpusTest.copyTree(Path.of("templates"), root.resolve("templates"));
        BrokenInputCorpusTest.copyTree(Path.of("assets"), root.resolve("assets"));
        write("alpha", "First version of alpha.", "v1");
        write("beta", "Beta stays as it is.", "v1");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        BuildConfig config = BuildConfig.from(root, Map.of(Setting.MODE, "serve", Setting.PORT, "0", Setting.WORKERS, "1"));
        try (PreviewServer server = new PreviewServer(config, new PrintStream(console, true, StandardCharsets.UTF_8))) {
            server.start();
            assertThat(server.generation()).as(console.toString(StandardCharsets.UTF_8)).isEqualTo(1);
            HttpClient http = HttpClient.newHttpClient();
            URI page = URI.create("http://127.0.0.1:" + server.port() + "/en/alpha.html");
            assertThat(get(http, page)).contains("First version of alpha.").contains("/__socknotes/reload.js");
            // the build lists the topics it executed (snippets cannot write outside their sandbox to say so)
            assertThat(executedTopics()).containsExactly("alpha", "beta");

            write("alpha", "Second version of alpha.", "v2"); // new prose and new code in both languages
            long deadline = System.nanoTime() + GUARD.toNanos();
            while (server.generation() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.generation()).as(console.toString(StandardCharsets.UTF_8)).isGreaterThanOrEqualTo(2);
            assertThat(get(http, page)).contains("Second version of alpha.").doesNotContain("First version");
            assertThat(executedTopics()).as("alpha ran again, beta came from the cache").containsExactly("alpha");
        }
    }

    /** The topics the last build executed, from its timings.txt. */
    private List<String> executedTopics() throws Exception {
        return Files.readAllLines(root.resolve("target/socknotes/timings.txt")).stream()
                .filter(l -> l.startsWith("  topic ")).map(l -> l.strip().split("\\s+")[1]).toList();
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
