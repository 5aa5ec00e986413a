package dev.socknotes.diagnostic;

import dev.socknotes.internal.DisplayText;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A problem found in the sources, with the position it belongs to.
 *
 * @param file       path relative to the project root where possible (never null)
 * @param line       1-based line, or 0 when the problem concerns the whole file
 * @param column     1-based column in code points, or 0 when unknown
 * @param severity   how bad it is
 * @param message    one line, no trailing period needed
 * @param sourceLine the text of {@code line}, or null to omit the excerpt and caret
 * @param details    extra lines printed after the excerpt (hints, a diff, an output excerpt)
 */
public record Diagnostic(Path file, int line, int column, Severity severity, String message,
                         String sourceLine, List<String> details) {

    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        details = List.copyOf(details);
    }

    public static Diagnostic error(Path file, int line, int column, String message) {
        return new Diagnostic(file, line, column, Severity.ERROR, message, null, List.of());
    }

    public static Diagnostic error(Path file, int line, int column, String message, String sourceLine) {
        return new Diagnostic(file, line, column, Severity.ERROR, message, sourceLine, List.of());
    }

    /**
     * An error in a setting ({@code socknotes.only}, ...) rather than in a file: the headline starts
     * with the setting's name, which is what the user typed on the command line or in pom.xml.
     */
    public static Diagnostic setting(String property, String message) {
        return error(Path.of(property), 0, 0, message);
    }

    /** The same diagnostic with its file relative to {@code root} when it lies under it. */
    public Diagnostic relativeTo(Path root) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return file.isAbsolute() && abs.startsWith(base)
                ? new Diagnostic(base.relativize(abs), line, column, severity, message, sourceLine, details) : this;
    }

    public Diagnostic withDetails(List<String> moreDetails) {
        return new Diagnostic(file, line, column, severity, message, sourceLine,
                java.util.stream.Stream.concat(details.stream(), moreDetails.stream()).toList());
    }

    public Diagnostic withSourceLine(String text) {
        return new Diagnostic(file, line, column, severity, message, text, details);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line:col: error: message}, without the excerpt. */
    public String headline() {
        StringBuilder sb = new StringBuilder(file.toString().replace('\\', '/'));
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(severity.label()).append(": ").append(DisplayText.safe(message)).toString();
    }

    /**
     * The headline, the source line with a caret under the column, then the details; as the console
     * shows them, with what snippets printed made safe to display ({@link DisplayText}).
     */
    public String format() {
        StringBuilder sb = new StringBuilder(headline());
        if (sourceLine != null) {
            String text = sourceLine.stripTrailing();
            sb.append('\n').append("    ").append(DisplayText.safe(text));
            if (column > 0) {
                sb.append('\n').append("    ").append(caretPadding(text, column)).append('^');
            }
        }
        for (String d : details) {
            sb.append('\n').append("    ").append(DisplayText.safe(d));
        }
        return sb.toString();
    }

    /** Spaces (tabs kept as tabs) up to the column, so the caret lines up under wide and replaced text too. */
    private static String caretPadding(String text, int column) {
        StringBuilder pad = new StringBuilder();
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < column - 1; i++) {
            if (i >= cps.length) {
                pad.append(' ');
                continue;
            }
            DisplayText.shown(cps[i]).codePoints().forEach(c -> pad.append(c == '\t' ? "\t" : isWide(c) ? "  " : " "));
        }
        return pad.toString();
    }

    private static boolean isWide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60);
    }
}
