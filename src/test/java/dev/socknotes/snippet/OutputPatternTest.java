package dev.socknotes.snippet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputPatternTest {

    @Test
    void exactMatchIgnoresTrailingWhitespaceAndLineEndings() {
        assertThat(OutputPattern.matches("a\nb", "a  \r\nb\n\n")).isTrue();
        assertThat(OutputPattern.matches("a\nb", "a\nc")).isFalse();
        assertThat(OutputPattern.matches("a", " a")).isFalse();
    }

    @Test
    void bracketWildcardMatchesWithinOneLineOnly() {
        assertThat(OutputPattern.matches("port [..] open", "port 45123 open")).isTrue();
        assertThat(OutputPattern.matches("port [..] open", "port 1\n2 open")).isFalse();
        assertThat(OutputPattern.lineMatches("[..]", "")).isTrue();
        assertThat(OutputPattern.matches("a[..]b[..]c", "aXXbYYc")).isTrue();
        assertThat(OutputPattern.matches("a[..]b", "aXXc")).isFalse();
    }

    @Test
    void ellipsisLineMatchesZeroOrMoreLines() {
        assertThat(OutputPattern.matches("start\n...\nend", "start\nend")).isTrue();
        assertThat(OutputPattern.matches("start\n...\nend", "start\n1\n2\n3\nend")).isTrue();
        assertThat(OutputPattern.matches("start\n...\nend", "start\n1\n2")).isFalse();
        assertThat(OutputPattern.matches("...", "")).isTrue();
        assertThat(OutputPattern.matches("...\nlast", "a\nb\nlast")).isTrue();
    }

    @Test
    void regexCharactersInExpectedOutputAreLiteral() {
        assertThat(OutputPattern.matches("a.b (x) [..] $1", "a.b (x) anything $1")).isTrue();
        assertThat(OutputPattern.matches("a.b", "axb")).isFalse();
    }
}
