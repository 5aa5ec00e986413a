package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socknotes.TestPages.Build;
import dev.socknotes.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real builds of a one-topic site whose ledger binds a claim to lines of a snippet's output. */
class ClaimsBuildTest {
    private static final String PAGE = """
            title=T
            date=2026-11-24
            ~~~~~~
            Two lines, the second one a claim's evidence. [](claim:c1)

            ```java run id=states
            System.out.println("first: " + (1 + 1));
            System.out.println("second: " + "ok");
            ```
            ```output
            %s
            ```
            """;
    /** One confirmed claim, shown by a line of t#states. */
    static final String LEDGER = """
            - id: c1
              zh: 某说法
              en: Some claim
              verdict: confirmed
              proof:
                - snippet: t#states
                  shows:
                    - "second: ok"
            """;

    @TempDir
    Path root;

    private Build build(Map<Setting, String> settings) {
        return TestPages.run(root, settings);
    }

    private void project(String outputBlock) throws IOException {
        for (String lang : List.of("en", "zh")) {
            Path p = root.resolve("content/" + lang + "/t.md");
            Files.createDirectories(p.getParent());
            Files.writeString(p, PAGE.formatted(outputBlock), StandardCharsets.UTF_8);
        }
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/claims.yaml"), LEDGER, StandardCharsets.UTF_8);
        BrokenInputCorpusTest.copyTree(Path.of("templates"), root.resolve("templates"));
        BrokenInputCorpusTest.copyTree(Path.of("assets"), root.resolve("assets"));
    }

    @Test
    void theLinesAClaimReliesOnAreMarkedAndLinkToTheLedger() throws IOException {
        project("first: 2\nsecond: ok");
        Build b = build(Map.of(Setting.WORKERS, "1"));
        assertThat(b.exitCode()).as(b.console()).isZero();
        assertThat(b.console()).contains("claims: 1 (1 confirmed), 1 of 1 shows lines matched");

        for (String lang : List.of("en", "zh")) {
            Document page = Jsoup.parse(root.resolve("target/site/" + lang + "/t.html"));
            List<Element> marks = page.select("figure#snippet-states samp mark.evidence");
            assertThat(marks).as(lang).hasSize(1);
            assertThat(marks.getFirst().text()).isEqualTo("second: ok");
            assertThat(marks.getFirst().attr("data-claims")).isEqualTo("c1");
            assertThat(marks.getFirst().selectFirst("a").attr("href")).isEqualTo("claims.html#claim-c1");
            assertThat(page.selectFirst("figure#snippet-states samp").wholeText()).isEqualTo("first: 2\nsecond: ok");

            Document ledger = Jsoup.parse(root.resolve("target/site/" + lang + "/claims.html"));
            assertThat(ledger.select("tr#claim-c1 .proof-shows").text()).isEqualTo("second: ok");
        }
        JsonNode json = new ObjectMapper().readTree(root.resolve("target/site/verification.json").toFile());
        JsonNode snippet = json.get("snippets").get(0);
        assertThat(snippet.get("output").asText()).isEqualTo("first: 2\nsecond: ok");
        assertThat(snippet.get("claims").get(0).get("id").asText()).isEqualTo("c1");
        assertThat(snippet.get("claims").get(0).get("shows").get(0).get("outputLine").asInt()).isEqualTo(2);
        assertThat(json.get("claims").get("showsMatched").asInt()).isEqualTo(1);
    }

    @Test
    void updateModeRefusesARewriteThatBreaksAClaim() throws IOException {
        project("first: 2\nsecond: ok");
        Files.writeString(root.resolve("content/en/t.md"), Files.readString(root.resolve("content/en/t.md"))
                .replace("\"second: \" + \"ok\"", "\"second: \" + \"changed\""));
        Files.writeString(root.resolve("content/zh/t.md"), Files.readString(root.resolve("content/en/t.md")));
        String before = Files.readString(root.resolve("content/en/t.md"));

        Build b = build(Map.of(Setting.WORKERS, "1", Setting.MODE, "update"));

        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.errors()).containsExactly(
                "data/claims.yaml:8:11: error: claim c1: shows line \"second: ok\" matches no line of the output of t#states");
        assertThat(b.console()).contains("      second: changed").doesNotContain("update: 2 files changed");
        assertThat(root.resolve("content/en/t.md")).hasContent(before);
    }

    @Test
    void aClaimWhoseLineNoLongerAppearsFailsTheBuildWithTheActualOutput() throws IOException {
        project("first: 2\nsecond: ok");
        Files.writeString(root.resolve("data/claims.yaml"), LEDGER.replace("second: ok", "second: [..]k").replace("confirmed", "partly")
                + "    - snippet: t#states\n      shows:\n        - \"third: 3\"\n");
        Build b = build(Map.of(Setting.WORKERS, "1"));
        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.errors()).containsExactly(
                "data/claims.yaml:11:11: error: claim c1: shows line \"third: 3\" matches no line of the output of t#states");
        assertThat(b.console()).contains("the output of t#states (verified):", "      first: 2", "      second: ok");
    }
}
