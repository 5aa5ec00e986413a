package dev.socknotes.render;

/**
 * Escaping as jsoup serialises HTML. Earlier builds passed some HTML through jsoup and wrote out
 * what it serialised (topic blocks whose source names a {@code .md} file, whose links were
 * rewritten so; chunks of the side-by-side view's 中文 column that held an id, whose ids were
 * prefixed so). The renderer now writes that HTML itself, escaped as jsoup would have, and the
 * site stays byte-identical.
 */
final class LegacySerialisation {
    private LegacySerialisation() {}

    /** Text: only {@code & < >} and no-break spaces escaped (quotes and apostrophes stay). */
    static String text(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\u00a0", "&nbsp;");
    }

    /** An attribute value: {@code & "} and no-break spaces escaped. */
    static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("\u00a0", "&nbsp;");
    }
}
