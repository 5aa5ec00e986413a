package dev.socknotes.exec;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one snippet, plus output that arrived after it finished and before the next
 * snippet started (or the topic ended): written by a thread the snippet left running; and, for the
 * last snippet its agent ran, the processes still running when the agent was closed (and killed
 * with it), as command lines.
 */
public record SnippetResult(Outcome outcome, String strayOutput, List<String> processesLeftRunning) {
    public SnippetResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(strayOutput, "strayOutput");
        processesLeftRunning = List.copyOf(processesLeftRunning);
    }

    public SnippetResult(Outcome outcome, String strayOutput) {
        this(outcome, strayOutput, List.of());
    }
}
