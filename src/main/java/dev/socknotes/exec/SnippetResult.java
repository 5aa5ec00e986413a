package dev.socknotes.exec;

import java.util.Objects;

/**
 * The outcome of one snippet, plus output that arrived after it finished and before the next
 * snippet started (or the topic ended): written by a thread the snippet left running.
 */
public record SnippetResult(Outcome outcome, String strayOutput) {
    public SnippetResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(strayOutput, "strayOutput");
    }
}
