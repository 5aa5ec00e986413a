package dev.socknotes.snippet;

import java.util.Optional;

/**
 * The identity of a run snippet across the build: its topic and its id (the {@code id=} option, or
 * its 1-based position on the page). Written {@code topic#id} in the claims ledger, in update mode's
 * {@code socknotes.only}, in verification.json and on the pages.
 */
public record SnippetRef(String topic, String id) {
    public SnippetRef {
        java.util.Objects.requireNonNull(topic, "topic");
        java.util.Objects.requireNonNull(id, "id");
    }

    /** {@code topic#id}, or empty when the text is not of that form. */
    public static Optional<SnippetRef> parse(String text) {
        int hash = text.indexOf('#');
        if (hash <= 0 || hash == text.length() - 1 || text.indexOf('#', hash + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new SnippetRef(text.substring(0, hash), text.substring(hash + 1)));
    }

    /** The HTML id of the rendered snippet, the same in every language and view. */
    public String anchor() {
        return "snippet-" + id;
    }

    @Override
    public String toString() {
        return topic + "#" + id;
    }
}
