package dev.socknotes.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void formatsPathLineColumnSourceAndCaret() {
        Diagnostic d = Diagnostic.error(Path.of("content/en/x.md"), 12, 5, "boom", "abc defg").withDetails(List.of("hint"));
        assertThat(d.format()).isEqualTo("content/en/x.md:12:5: error: boom\n    abc defg\n        ^\n    hint");
    }

    @Test
    void caretAccountsForWideCharacters() {
        Diagnostic d = Diagnostic.error(Path.of("a.md"), 1, 3, "x", "现象x");
        assertThat(d.format()).endsWith("    现象x\n        ^");
    }

    @Test
    void reporterSortsByPlaceAndCapsPrintedErrors() {
        Reporter r = new Reporter();
        for (int i = 60; i > 0; i--) {
            r.report(Diagnostic.error(Path.of("b.md"), i, 1, "e" + i));
        }
        r.report(Diagnostic.error(Path.of("a.md"), 3, 1, "first"));
        assertThat(r.sorted().getFirst().message()).isEqualTo("first");
        String text = r.render();
        assertThat(text).startsWith("a.md:3:1: error: first\nb.md:1:1: error: e1\n");
        assertThat(text).contains("... and 11 more errors not shown").endsWith("61 errors\n");
    }
}
