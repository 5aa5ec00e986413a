package dev.socknotes.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * The header keys the pipeline reads (a closed set; an unknown key is an error with a
 * suggestion). README.md lists the same keys with these descriptions.
 */
public enum HeaderKey {
    TITLE("title", true, "page title, plain text"),
    DATE("date", true, "date of the last substantive revision, yyyy-MM-dd (file times differ between clones)"),
    ORDER("order", false, "position in the reading order of the language's index and prev/next links (integer, default 1000)"),
    SUMMARY("summary", false, "one-sentence summary shown in the index"),
    STATUS("status", false, "'published' (default) or 'draft': a draft is checked but not published and may lack its translation"),
    TOPIC("topic", false, "pairs this file with a translation whose file name differs (default: the file name without .md)"),
    SYSCTL("sysctl", false, "namespace-local kernel settings for the topic's sandbox, 'name=value' pairs separated by ','"),
    SANDBOX("sandbox", false, "'required': the snippets need their own network namespace (packet capture); where none can be made they are shown from their recorded output");

    private final String key;
    private final boolean required;
    private final String description;

    HeaderKey(String key, boolean required, String description) {
        this.key = key;
        this.required = required;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public boolean required() {
        return required;
    }

    public String description() {
        return description;
    }

    public static Optional<HeaderKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
