package dev.socknotes.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.TestPages;
import dev.socknotes.content.Lang;
import dev.socknotes.snippet.ParsedPage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The renderer works from the parsed page's blocks: their AST gives the HTML, the 中文 column's HTML and the search text. */
class PageRendererTest {
    private static RenderedPage render(Lang lang, String topic, String body) throws IOException {
        ParsedPage parsed = TestPages.parsed(lang, topic, body);
        return new PageRenderer(UiStrings.load(Path.of("templates/ui"))).render(parsed, List.of(), null, "");
    }

    private static Chunk onlyChunk(RenderedPage page, String section) {
        return page.sections().stream().filter(s -> section.equals(s.id())).findFirst().orElseThrow().chunks().getFirst();
    }

    @Test
    void aLinkToAnotherTopicInsideAListItemOfANestedTopicPointsAtItsPage() throws IOException {
        RenderedPage page = render(Lang.EN, "guide/g", "## Steps {#steps}\n\n- first\n- then [the start](../t.md#begin), **and [more](../t.md)**\n");
        String html = onlyChunk(page, "steps").html();
        assertThat(html).contains("<a href=\"../t.html#begin\">the start</a>", "<strong>and <a href=\"../t.html\">more</a></strong>");
        assertThat(html).doesNotContain(".md");
    }

    @Test
    void theChineseColumnOfTheSideBySideViewHasItsIdsPrefixedAndThePageKeepsThem() throws IOException {
        RenderedPage page = render(Lang.ZH, "t", "## 一 {#one}\n\n正文。\n\n#### Detail\n\n更多。\n");
        Chunk chunk = onlyChunk(page, "one");
        assertThat(chunk.html()).contains("<h4 id=\"detail\">Detail</h4>").doesNotContain("zh-detail");
        assertThat(chunk.columnHtml()).isEqualTo(chunk.html().replace("id=\"detail\"", "id=\"zh-detail\""));
        assertThat(page.sections().stream().filter(s -> "one".equals(s.id())).findFirst().orElseThrow().headingHtml()).isEqualTo("一");
    }

    @Test
    void anEnglishPageIsInTheSideBySideViewAsItIs() throws IOException {
        Chunk chunk = onlyChunk(render(Lang.EN, "t", "## One {#one}\n\nText.\n\n#### Detail\n\nMore.\n"), "one");
        assertThat(chunk.columnHtml()).isEqualTo(chunk.html()).contains("id=\"detail\"");
    }

    @Test
    void theSearchIndexReadsTheTextOfTheBlocksNotTheirHtml() throws IOException {
        RenderedPage en = render(Lang.EN, "t", "## Half-close & more {#half}\n\nCall `shutdown(fd, SHUT_WR)` <b>now</b>, then [read](t.md#half).\n\n"
                + "| state | meaning |\n|---|---|\n| CLOSE_WAIT | peer closed |\n");
        assertThat(onlyChunk(en, "half").text()).isEqualTo("Call shutdown(fd, SHUT_WR) <b>now</b>, then read.\nstate meaning\nCLOSE_WAIT peer closed");
        RenderedPage zh = render(Lang.ZH, "t", "## 半关闭 {#half}\n\n正文。\n");
        String index = SearchIndex.build(List.of(new RenderedTopic("t", 1, Map.of(Lang.EN, en, Lang.ZH, zh))));
        assertThat(index).contains("\"heading\":\"Half-close & more\"",
                "\"text\":\"Call shutdown(fd, SHUT_WR) \\u003cb>now\\u003c/b>, then read.\\nstate meaning\\nCLOSE_WAIT peer closed\"");
    }
}
