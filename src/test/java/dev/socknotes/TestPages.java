package dev.socknotes;

import dev.socknotes.content.HeaderParser;
import dev.socknotes.content.Lang;
import dev.socknotes.content.Page;
import dev.socknotes.content.SourceText;
import dev.socknotes.snippet.PageParser;
import dev.socknotes.snippet.ParsedPage;
import java.nio.file.Path;

/** Builds pages from strings for unit tests. */
public final class TestPages {
    private TestPages() {}

    public static final String HEADER = "title=Test\ndate=2026-11-24\n~~~~~~\n";

    public static Page page(Lang lang, String topic, String text) {
        SourceText src = SourceText.of(Path.of("content", lang.dir(), topic + ".md"), text);
        var parsed = new HeaderParser().parse(src, topic);
        if (parsed.header().isEmpty()) {
            throw new AssertionError("bad test header: " + parsed.diagnostics());
        }
        return new Page(lang, src, parsed.header().get());
    }

    public static PageParser.Result parse(Lang lang, String topic, String body) {
        return new PageParser().parse(page(lang, topic, HEADER + body));
    }

    public static ParsedPage parsed(Lang lang, String topic, String body) {
        PageParser.Result r = parse(lang, topic, body);
        if (!r.diagnostics().isEmpty()) {
            throw new AssertionError("unexpected diagnostics: " + r.diagnostics());
        }
        return r.page();
    }
}
