package dev.socknotes.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentScannerTest {
    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private ContentScanner.Scan scan() {
        return new ContentScanner(root).scan(root.resolve("content"));
    }

    private static List<String> headlines(ContentScanner.Scan s) {
        return s.diagnostics().stream().map(Diagnostic::headline).toList();
    }

    @Test
    void pairsTranslationsByFileName() throws IOException {
        write("content/en/a.md", "title=A\ndate=2026-01-01\norder=2\n~~~~~~\nText\n");
        write("content/zh/a.md", "title=甲\ndate=2026-01-01\norder=2\n~~~~~~\n文字\n");
        write("content/en/b.md", "title=B\ndate=2026-01-01\norder=1\n~~~~~~\nText\n");
        write("content/zh/b.md", "title=乙\ndate=2026-01-01\norder=1\n~~~~~~\n文字\n");
        ContentScanner.Scan s = scan();
        assertThat(s.diagnostics()).isEmpty();
        assertThat(s.topics()).extracting(Topic::key).containsExactly("b", "a");
        assertThat(s.topics().get(1).page(Lang.ZH).header().title()).isEqualTo("甲");
    }

    @Test
    void topicHeaderOverridesPairing() throws IOException {
        write("content/en/closing.md", "title=A\ndate=2026-01-01\n~~~~~~\n");
        write("content/zh/guanbi.md", "title=甲\ndate=2026-01-01\ntopic=closing\n~~~~~~\n");
        assertThat(scan().topics()).extracting(Topic::key).containsExactly("closing");
    }

    @Test
    void missingTranslationNamesTheMissingFile() throws IOException {
        write("content/en/a.md", "title=A\ndate=2026-01-01\n~~~~~~\n");
        assertThat(headlines(scan())).containsExactly("content/zh/a.md: error: missing translation: content/en/a.md has no "
                + "中文 counterpart; create content/zh/a.md (or mark the page status=draft while it is work in progress)");
    }

    @Test
    void draftMayLackItsTranslation() throws IOException {
        write("content/en/a.md", "title=A\ndate=2026-01-01\nstatus=draft\n~~~~~~\n");
        ContentScanner.Scan s = scan();
        assertThat(s.diagnostics()).isEmpty();
        assertThat(s.drafts()).hasSize(1);
        assertThat(s.topics()).isEmpty();
    }

    @Test
    void headerWithoutTerminatorIsAnError() throws IOException {
        write("content/en/a.md", "title=A\ndate=2026-01-01\nText\n");
        write("content/zh/a.md", "title=甲\ndate=2026-01-01\n~~~~~~\n");
        assertThat(headlines(scan())).contains("content/en/a.md:1:1: error: header is not terminated: add a line "
                + "'~~~~~~' after the key=value lines");
    }

    @Test
    void unknownHeaderKeyGetsASuggestion() throws IOException {
        write("content/en/a.md", "title=A\ndtae=2026-01-01\n~~~~~~\n");
        assertThat(headlines(scan())).contains("content/en/a.md:2:1: error: unknown header key 'dtae'; did you mean 'date'?");
    }

    @Test
    void malformedDateAndOrderAreErrors() throws IOException {
        write("content/en/a.md", "title=A\ndate=24.11.2026\norder=first\n~~~~~~\n");
        assertThat(headlines(scan())).contains(
                "content/en/a.md:2:6: error: date must be yyyy-MM-dd, e.g. 2026-11-24",
                "content/en/a.md:3:7: error: order must be an integer");
    }

    @Test
    void missingDateIsAnError() throws IOException {
        write("content/en/a.md", "title=A\n~~~~~~\n");
        assertThat(headlines(scan())).anyMatch(h -> h.startsWith("content/en/a.md:2:1: error: missing required header 'date'"));
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        write("content/en/a.md", "");
        assertThat(headlines(scan())).anyMatch(h -> h.startsWith("content/en/a.md:1:1: error: empty file"));
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path p = root.resolve("content/en/a.md");
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {'t', 'i', 't', 'l', 'e', '=', 'A', '\n', 'x', (byte) 0xC3, '(', '\n'});
        assertThat(headlines(scan())).contains("content/en/a.md:2: error: invalid UTF-8 (byte 0xC3 at offset 9): save the file as UTF-8");
    }

    @Test
    void binaryFileIsRefused() throws IOException {
        Path p = root.resolve("content/en/a.md");
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        assertThat(headlines(scan())).contains("content/en/a.md:1: error: binary file (NUL byte) in content/: pages must be UTF-8 Markdown text");
    }

    @Test
    void nonMarkdownFileIsRefused() throws IOException {
        write("content/en/picture.png", "x");
        assertThat(headlines(scan())).singleElement().asString().startsWith("content/en/picture.png: error: not a page");
    }
}
