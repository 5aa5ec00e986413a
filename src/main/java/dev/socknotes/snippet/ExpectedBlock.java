package dev.socknotes.snippet;

/**
 * The {@code output} block that follows a run snippet, with what update mode needs to rewrite it.
 *
 * @param text         its content, dedented, lines joined by '\n', no final newline
 * @param fenceLine    1-based line of its opening fence
 * @param startOffset  char offset of the opening fence's first character (its line start + indent)
 * @param endOffset    char offset just after the closing fence line (including its '\n' if any)
 */
public record ExpectedBlock(String text, int fenceLine, int startOffset, int endOffset) {}
