package dev.socknotes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {
    @Test
    void controlCharactersBecomeTheirControlPicturesButTabsAndNewlinesStay() {
        assertThat(DisplayText.safe("a\u0000b\tc\nd\u001b[31mred\u001b[0m\r\u007f\u0007"))
                .isEqualTo("a␀b\tc\nd␛[31mred␛[0m␍␡␇");
    }

    @Test
    void bidiControlsFormatCharactersC1AndSeparatorsAreSpelledOut() {
        assertThat(DisplayText.safe("x\u202Eevil\u202C \u2066i\u2069 \u200B\uFEFF\u0085\u009B\u2028"))
                .isEqualTo("x⟨U+202E⟩evil⟨U+202C⟩ ⟨U+2066⟩i⟨U+2069⟩ ⟨U+200B⟩⟨U+FEFF⟩⟨U+0085⟩⟨U+009B⟩⟨U+2028⟩");
    }

    @Test
    void ordinaryTextIncludingChineseArrowsAndReplacementCharactersIsUnchanged() {
        String text = "client → server  [F.]  seq 1\n半关闭 — ok �\n";
        assertThat(DisplayText.safe(text)).isEqualTo(text);
    }

    @Test
    void aLongLineIsCutWithTheCountOfWhatIsNotShownAndLinesAfterItStay() {
        String longLine = "x".repeat(DisplayText.LINE_LIMIT) + "😀".repeat(5);
        assertThat(DisplayText.safe(longLine + "\nnext"))
                .isEqualTo("x".repeat(DisplayText.LINE_LIMIT) + "… (5 more characters)\nnext");
        assertThat(DisplayText.safe("y".repeat(DisplayText.LINE_LIMIT + 1))).endsWith("y… (1 more character)");
    }
}
