package dev.socknotes.render;

/**
 * A piece of a section's body. Sections alternate prose and snippets; because both languages
 * hold the same snippets in the same order, chunk i of a section lines up across languages.
 *
 * @param kind what it is
 * @param html finished, escaped HTML
 */
public record Chunk(Kind kind, String html) {
    public enum Kind { PROSE, SNIPPET }
}
