package dev.socknotes.exec;

import java.time.Duration;
import java.util.Objects;

/**
 * One snippet to evaluate.
 *
 * @param label      where it comes from, for logs and errors ("content/en/x.md:12 #id")
 * @param code       the Java source exactly as in the page; may hold several statements or
 *                   declarations, which the executor splits into units itself
 * @param timeout    limit for the whole snippet, enforced from outside the agent
 * @param freshAgent start this snippet in a new agent JVM (the {@code reset} option)
 */
public record SnippetJob(String label, String code, Duration timeout, boolean freshAgent) {
    public SnippetJob {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(timeout, "timeout");
    }
}
