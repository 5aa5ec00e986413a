package dev.socknotes.snippet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Matches expected output against actual output: exact after normalising line endings and
 * trailing whitespace, except that a line that is exactly {@code ...} matches zero or more lines
 * and {@code [..]} inside a line matches any text within that line.
 */
public final class OutputPattern {
    public static final String ANY_LINES = "...";
    public static final String ANY_TEXT = "[..]";

    private OutputPattern() {}

    /** Line endings to '\n', trailing whitespace of every line and trailing blank lines removed. */
    public static String normalize(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> out = new ArrayList<>(lines.length);
        for (String l : lines) {
            out.add(l.stripTrailing());
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return String.join("\n", out);
    }

    public static List<String> lines(String normalized) {
        return normalized.isEmpty() ? List.of() : Arrays.asList(normalized.split("\n", -1));
    }

    public static boolean matches(String expected, String actual) {
        List<String> exp = lines(normalize(expected));
        List<String> act = lines(normalize(actual));
        return matchFrom(exp, 0, act, 0, new Boolean[exp.size() + 1][act.size() + 1]);
    }

    /** Whether one expected line (possibly with [..]) matches one actual line. */
    public static boolean lineMatches(String expectedLine, String actualLine) {
        if (!expectedLine.contains(ANY_TEXT)) {
            return expectedLine.equals(actualLine);
        }
        String[] parts = expectedLine.split(Pattern.quote(ANY_TEXT), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actualLine).matches();
    }

    private static boolean matchFrom(List<String> exp, int i, List<String> act, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean result;
        if (i == exp.size()) {
            result = j == act.size();
        } else if (exp.get(i).equals(ANY_LINES)) {
            result = matchFrom(exp, i + 1, act, j, memo) || (j < act.size() && matchFrom(exp, i, act, j + 1, memo));
        } else {
            result = j < act.size() && lineMatches(exp.get(i), act.get(j)) && matchFrom(exp, i + 1, act, j + 1, memo);
        }
        memo[i][j] = result;
        return result;
    }
}
