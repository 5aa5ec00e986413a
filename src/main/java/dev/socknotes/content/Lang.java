package dev.socknotes.content;

import java.util.Optional;

/** The two languages of the site. Order matters: it is the order of columns and listings. */
public enum Lang {
    ZH("zh", "zh-Hans", "中文"),
    EN("en", "en", "English");

    private final String dir;
    private final String htmlLang;
    private final String nativeName;

    Lang(String dir, String htmlLang, String nativeName) {
        this.dir = dir;
        this.htmlLang = htmlLang;
        this.nativeName = nativeName;
    }

    /** Folder name under content/ and in the site: "zh" or "en". */
    public String dir() {
        return dir;
    }

    /** Value for {@code <html lang>} and {@code hreflang}: "zh-Hans" or "en". */
    public String htmlLang() {
        return htmlLang;
    }

    /** The language's name in itself, for the language switch. */
    public String nativeName() {
        return nativeName;
    }

    public Lang other() {
        return this == ZH ? EN : ZH;
    }

    public static Optional<Lang> fromDir(String dir) {
        for (Lang l : values()) {
            if (l.dir.equals(dir)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
