package dev.socknotes.content;

/** One Markdown file of one language: its source and its header. */
public record Page(Lang lang, SourceText source, Header header) {
    public String topicKey() {
        return header.topicKey();
    }

    /** The body (after the header), same offsets as in the file. */
    public String body() {
        return source.text().substring(header.bodyStart());
    }
}
