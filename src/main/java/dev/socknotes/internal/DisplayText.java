package dev.socknotes.internal;

/**
 * Text a snippet printed, made safe to show in a page or on a console: nothing it printed can
 * move the cursor, recolour or clear a terminal, reorder the text around it or hide characters.
 * Only for display: {@code verification.json} and output matching keep the exact text.
 *
 * <ul>
 *   <li>control characters other than tab and newline become their Unicode control pictures
 *       ({@code NUL} → ␀, {@code ESC} → ␛, {@code DEL} → ␡), so an ANSI escape sequence shows as
 *       {@code ␛[31m};</li>
 *   <li>C1 controls, format characters (bidirectional overrides and isolates, zero-width
 *       characters, byte-order marks) and line/paragraph separators become {@code ⟨U+202E⟩};</li>
 *   <li>invalid UTF-8 arrives already decoded as U+FFFD (�);</li>
 *   <li>a line longer than {@link #LINE_LIMIT} code points is cut there, with
 *       {@code … (N more characters)}.</li>
 * </ul>
 */
public final class DisplayText {
    /** Code points of one line that are shown. */
    public static final int LINE_LIMIT = 1000;

    private DisplayText() {}

    public static String safe(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int inLine = 0;
        int cut = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                endLine(sb, cut);
                sb.append('\n');
                inLine = 0;
                cut = 0;
            } else if (inLine++ >= LINE_LIMIT) {
                cut++;
            } else {
                sb.append(shown(cp));
            }
        }
        endLine(sb, cut);
        return sb.toString();
    }

    /** What one code point (not a newline) is shown as. */
    public static String shown(int cp) {
        if (cp == '\t') {
            return "\t";
        }
        if (cp < 0x20) {
            return Character.toString(0x2400 + cp);
        }
        if (cp == 0x7F) {
            return "\u2421";
        }
        int type = Character.getType(cp);
        if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR) {
            return String.format("⟨U+%04X⟩", cp);
        }
        return Character.toString(cp);
    }

    private static void endLine(StringBuilder sb, int cut) {
        if (cut > 0) {
            sb.append("… (").append(cut).append(cut == 1 ? " more character)" : " more characters)");
        }
    }
}
