package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socknotes.TestPages.Build;
import dev.socknotes.config.Setting;
import dev.socknotes.matrix.KernelRecords;
import dev.socknotes.matrix.MatrixTopic;
import dev.socknotes.publish.SupportBundle;
import dev.socknotes.snippet.SnippetRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real builds of a one-topic site with kernel-matrix records beside it (issue 16): one kernel
 * printed the same, one printed something else, one has no records. The build never boots a
 * machine; it shows each case on the snippets, the matrix page, the claims ledger and in
 * verification.json; and a snippet edit turns its records (and those after it) stale.
 */
class KernelMatrixBuildTest {
    private static final String PAGE = TestPages.TWO_SNIPPETS.replace("~~~~~~\n",
            "~~~~~~\nTwo snippets, the second one a claim's evidence. [](claim:c1)\n\n");
    private static final String LEDGER = ClaimsBuildTest.LEDGER.replace("t#states", "t#second").replace("second: ok", "12");
    private static final SnippetRef FIRST = new SnippetRef("t", "first");
    private static final SnippetRef SECOND = new SnippetRef("t", "second");

    @TempDir
    Path root;

    private Build build() {
        return TestPages.run(root, Map.of(Setting.WORKERS, "1"));
    }

    private void page(String text) throws IOException {
        for (String lang : List.of("en", "zh")) {
            TestPages.write(root, "content/" + lang + "/t.md", text);
        }
    }

    /** bullseye printed 13 where this build printed 12; bookworm printed the same; trixie has no records. */
    private void project() throws IOException {
        page(PAGE);
        TestPages.write(root, "data/claims.yaml", LEDGER);
        BrokenInputCorpusTest.copyTree(Path.of("templates"), root.resolve("templates"));
        BrokenInputCorpusTest.copyTree(Path.of("assets"), root.resolve("assets"));
        // the hashes of the code as it is now, computed as the matrix computes them
        Map<SnippetRef, String> hashes = MatrixTopic.load(root.resolve("content"), "t", false, 1).codeHashes(SupportBundle.hash());
        records("bullseye", "linux-image-5.10.0-32-cloud-amd64", "5.10.223-1", "5.10.0-32-cloud-amd64",
                new KernelRecords.SnippetRecord("t#first", hashes.get(FIRST), "completed", "hello from 2"),
                new KernelRecords.SnippetRecord("t#second", hashes.get(SECOND), "completed", "13"));
        records("bookworm", "linux-image-6.1.0-50-cloud-amd64", "6.1.176-1", "6.1.0-50-cloud-amd64",
                new KernelRecords.SnippetRecord("t#first", hashes.get(FIRST), "completed", "hello from 2"),
                new KernelRecords.SnippetRecord("t#second", hashes.get(SECOND), "completed", "12"));
    }

    private void records(String suite, String image, String version, String uname, KernelRecords.SnippetRecord... snippets)
            throws IOException {
        new KernelRecords(suite, image, version, uname, "Eclipse Adoptium 25.0.3+9-LTS", List.of(snippets))
                .write(root.resolve("data/matrix/" + suite + ".json"));
    }

    private Document site(String page) throws IOException {
        return Jsoup.parse(root.resolve("target/site/" + page).toFile());
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(root.resolve("target/site/verification.json").toFile());
    }

    @Test
    void eachKernelIsShownAsSameDifferentOrWithoutRecords() throws Exception {
        project();
        Build b = build();
        assertThat(b.exitCode()).as(b.console()).isZero();
        assertThat(b.console()).contains("kernels: 5.10.223, 6.1.176, 6.12 (recorded): 3 results as this build, 1 differ, 0 stale, 2 missing")
                .as("a missing record is no console line naming the page").doesNotContain("content/");

        Document en = site("en/t.html");
        assertThat(en.selectFirst("figure#snippet-first .snippet-status").ownText())
                .matches("verified output · verified on \\d+\\.\\d+[.\\d]* \\(this build\\); also 5\\.10\\.223, 6\\.1\\.176; "
                        + "not run on 6\\.12 yet \\(no record\\)");
        assertThat(en.selectFirst("figure#snippet-second .snippet-status").ownText())
                .contains("(this build); also 6.1.176; differs on 5.10.223 (diff below); not run on 6.12 yet (no record)");
        Element diff = en.selectFirst("figure#snippet-second details.kernel-diff");
        assertThat(diff.selectFirst("summary").text()).isEqualTo("Output on Linux 5.10.223, compared with this build");
        assertThat(diff.selectFirst("samp").wholeText()).contains("--- this build", "+++ Linux 5.10.223", "-12", "+13");
        assertThat(en.select("figure#snippet-first details.kernel-diff")).isEmpty();
        assertThat(site("zh/t.html").selectFirst("figure#snippet-second .snippet-status").ownText())
                .contains("（本次构建）；另在 6.1.176 上验证；在 5.10.223 上输出不同（差异见下）；尚未在 6.12 上运行（无记录）");

        for (String lang : List.of("en", "zh")) {
            Document matrix = site(lang + "/matrix.html");
            assertThat(matrix.select("table.matrix-table thead th")).as(lang).hasSize(5);
            Element second = matrix.selectFirst("table.matrix-table a[href=t.html#snippet-second]").closest("tr");
            assertThat(second.select("td").eachAttr("class"))
                    .containsExactly("status-verified", "kernel-differs", "kernel-verified", "kernel-missing");
            assertThat(second.selectFirst("td.kernel-differs details samp").wholeText()).contains("-12", "+13");
            assertThat(matrix.select(".matrix-kernels li").eachText()).as(lang)
                    .anyMatch(k -> k.contains("linux-image-5.10.0-32-cloud-amd64 5.10.223-1")).anyMatch(k -> k.startsWith("6.12"));
        }
        assertThat(site("en/claims.html").selectFirst("tr#claim-c1 p.claim-kernels-partial").text())
                .matches("holds on [\\d.]+ \\(this build\\), 6\\.1\\.176; not on 5\\.10\\.223; not checked on 6\\.12 \\(no fresh record\\)");

        JsonNode json = json();
        assertThat(json.get("kernels").findValuesAsText("release")).containsExactly("5.10.223", "6.1.176", "6.12");
        JsonNode second = json.get("snippets").get(1);
        assertThat(second.get("status").asText()).isEqualTo("verified");
        assertThat(second.get("kernels").findValuesAsText("status")).containsExactly("differs", "verified", "missing");
        JsonNode differs = second.get("kernels").get(0);
        assertThat(differs.get("package").asText()).isEqualTo("linux-image-5.10.0-32-cloud-amd64");
        assertThat(differs.get("output").asText()).isEqualTo("13");
        assertThat(differs.get("diff").toString()).contains("\"-12\"", "\"+13\"");
        assertThat(second.get("kernels").get(2).get("output").isNull()).isTrue();
        JsonNode claim = second.get("claims").get(0);
        assertThat(claim.get("verdict").asText()).isEqualTo("confirmed");
        assertThat(claim.get("kernels").findValuesAsText("holds")).containsExactly("fails", "holds", "not-checked");

        List<Path> pages = List.of("en/t.html", "zh/t.html", "en/matrix.html", "zh/matrix.html", "en/claims.html", "bilingual/t.html")
                .stream().map(p -> root.resolve("target/site").resolve(p)).toList();
        assertThat(BuiltSiteIT.nuProblems(root.resolve("target/site"), pages)).isEmpty();
    }

    @Test
    void aSnippetEditMarksItsRecordsAndThoseAfterItStale() throws Exception {
        project();
        page(PAGE.replace("(1 + 1)", "(2 + 0)")); // the same output, other code

        Build b = build();
        assertThat(b.exitCode()).as(b.console()).isZero();
        assertThat(b.console()).contains("0 results as this build, 0 differ, 4 stale, 2 missing").doesNotContain("content/");
        for (String id : List.of("first", "second")) {
            assertThat(site("en/t.html").selectFirst("figure#snippet-" + id + " .snippet-status").ownText()).as(id)
                    .endsWith("(this build); not re-run on 5.10, 6.1 since the snippet changed; not run on 6.12 yet (no record)");
        }
        assertThat(site("en/t.html").select("details.kernel-diff")).as("a stale record is not compared").isEmpty();
        assertThat(site("en/matrix.html").select("td.kernel-stale")).hasSize(4);
        assertThat(site("en/claims.html").selectFirst("tr#claim-c1 p.claim-kernels").text())
                .endsWith("not checked on 5.10, 6.1, 6.12 (no fresh record)");
        JsonNode first = json().get("snippets").get(0);
        assertThat(first.get("kernels").findValuesAsText("status")).containsExactly("stale", "stale", "missing");
        assertThat(first.get("kernels").get(0).get("output").asText()).as("what the record says").isEqualTo("hello from 2");
    }

    @Test
    void aRecordsFileThatDoesNotParseIsAnErrorAtItsLineAndTheSiteIsKept() throws Exception {
        project();
        assertThat(build().exitCode()).isZero();
        String before = Files.readString(root.resolve("target/site/en/t.html"));
        TestPages.write(root, "data/matrix/trixie.json", "{\n  \"suite\" : \"trixie\",\n  \"snippets\" : [ nope ]\n}\n");

        Build b = build();
        assertThat(b.exitCode()).isEqualTo(1);
        assertThat(b.errors()).singleElement().asString().startsWith("data/matrix/trixie.json:3:")
                .contains("error: not a kernel matrix records file");
        assertThat(root.resolve("target/site/en/t.html")).hasContent(before);
    }
}
