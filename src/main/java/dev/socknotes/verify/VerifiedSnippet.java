package dev.socknotes.verify;

import dev.socknotes.snippet.Snippet;

/**
 * A snippet with what the site shows for it.
 *
 * @param snippet       the snippet (of the page being rendered)
 * @param status        verification status
 * @param shownOutput   the output to display: what the JVM printed in this build for VERIFIED
 *                      (including the final "throws …" line), the recorded block otherwise; null
 *                      when nothing is shown (hidden, silent)
 */
public record VerifiedSnippet(Snippet snippet, SnippetStatus status, String shownOutput) {}
