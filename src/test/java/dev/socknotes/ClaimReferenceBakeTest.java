package dev.socknotes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prose reference {@code [](claim:ID)} in a real bake: the claim's verdict badge in the reader's
 * language, linking to the claim's row on the ledger page, from a top-level and a nested topic.
 */
class ClaimReferenceBakeTest {
    @TempDir
    static Path root;
    static Path site;

    @BeforeAll
    static void bake() throws IOException {
        write("data/claims.yaml", """
                - id: hello-prints
                  zh: 片段打印 "hello" <b>
                  en: The snippet prints "hello" <b>
                  verdict: confirmed
                  proof:
                    - snippet: a#hello
                      shows:
                        - "hello"
                - id: not-here
                  zh: 另一说法
                  en: Another claim
                  verdict: untestable
                  note_zh: 这里无法测试
                  note_en: cannot be tested here
                """);
        // both languages share the snippet; only the title, heading and prose are translated
        String page = """
                title=%s
                date=2026-11-24
                order=1
                ~~~~~~
                ## %s {#one}

                ```java run id=hello
                System.out.println("hello");
                ```
                ```output
                hello
                ```

                %s
                """;
        write("content/en/a.md", page.formatted("Alpha", "One", "It prints hello. [](claim:hello-prints)"));
        write("content/zh/a.md", page.formatted("甲", "第一节", "它打印 hello。[](claim:hello-prints)"));
        write("content/en/guide/g.md", "title=Guide\ndate=2026-11-24\norder=2\n~~~~~~\n## Steps {#steps}\n\nUntested. [](claim:not-here)\n");
        write("content/zh/guide/g.md", "title=指南\ndate=2026-11-24\norder=2\n~~~~~~\n## 步骤 {#steps}\n\n未测试。[](claim:not-here)\n");
        TestPages.bake(root);
        site = root.resolve("target/site");
    }

    @Test
    void aReferenceIsTheVerdictBadgeLinkingToTheLedgerInBothLanguages() throws IOException {
        Element en = claimRef("en/a.html");
        assertThat(en.attr("href")).isEqualTo("claims.html#claim-hello-prints");
        assertThat(en.attr("title")).isEqualTo("The snippet prints \"hello\" <b>");
        assertThat(en.attr("aria-label")).isEqualTo("confirmed: The snippet prints \"hello\" <b>");
        assertThat(en.select("> span.verdict.verdict-confirmed").text()).isEqualTo("confirmed");
        assertThat(en.parent().text()).startsWith("It prints hello.");

        Element zh = claimRef("zh/a.html");
        assertThat(zh.attr("href")).isEqualTo("claims.html#claim-hello-prints");
        assertThat(zh.attr("title")).isEqualTo("片段打印 \"hello\" <b>");
        assertThat(zh.select("> span.verdict.verdict-confirmed").text()).isEqualTo("属实");

        for (String lang : new String[] {"en", "zh"}) {
            assertThat(page(lang + "/claims.html").getElementById("claim-hello-prints")).as("the link's target").isNotNull();
        }
    }

    @Test
    void theWordingIsEscapedInTheHtml() throws IOException {
        String html = Files.readString(site.resolve("en/a.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("title=\"The snippet prints &quot;hello&quot; &lt;b&gt;\"").doesNotContain("<b>\"");
    }

    @Test
    void aNestedTopicLinksUpToTheLedger() throws IOException {
        Element en = claimRef("en/guide/g.html");
        assertThat(en.attr("href")).isEqualTo("../claims.html#claim-not-here");
        assertThat(en.select("> span.verdict-untestable").text()).isEqualTo("not testable here");
        assertThat(claimRef("zh/guide/g.html").attr("href")).isEqualTo("../claims.html#claim-not-here");
    }

    private static Element claimRef(String page) throws IOException {
        var refs = page(page).select("a.claim-ref");
        assertThat(refs).as(page).hasSize(1);
        return refs.first();
    }

    private static Document page(String rel) throws IOException {
        return Jsoup.parse(site.resolve(rel).toFile(), "UTF-8");
    }

    private static void write(String rel, String text) throws IOException {
        TestPages.write(root, rel, text);
    }
}
