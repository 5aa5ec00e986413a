package dev.socknotes.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of one source file with a line index, so that char offsets turn into the 1-based
 * {@code line:column} positions (columns in code points) that diagnostics print.
 *
 * @param path path shown in diagnostics, relative to the project root ("content/en/x.md")
 * @param text the whole file, line endings normalised to '\n'
 */
public record SourceText(Path path, String text, int[] lineStarts) {

    public static SourceText of(Path path, String rawText) {
        String text = rawText.replace("\r\n", "\n").replace('\r', '\n');
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return new SourceText(path, text, starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** 1-based line of a char offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column, counted in code points, of a char offset. */
    public int columnOf(int offset) {
        int start = lineStarts[lineOf(offset) - 1];
        return text.codePointCount(start, Math.min(offset, text.length())) + 1;
    }

    /** The char offset where a 1-based line starts. */
    public int offsetOfLine(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length) - 1)];
    }

    /** The text of a 1-based line without its '\n'; "" past the end. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        return text.substring(start, Math.max(start, end));
    }

    public int lineCount() {
        return lineStarts.length;
    }
}
