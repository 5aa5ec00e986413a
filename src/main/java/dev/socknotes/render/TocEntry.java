package dev.socknotes.render;

/** A heading of a page for its table of contents; {@code textHtml} is escaped. */
public record TocEntry(String id, int level, String textHtml) {}
