package dev.socknotes.snippet;

import java.time.Duration;
import java.util.Optional;

/**
 * The validated options of one {@code java run} block.
 *
 * @param id          the snippet's name within its topic, if given
 * @param throwsClass the exception class it must end with (as written: simple or qualified)
 * @param timeout     the limit, if overridden
 */
public record SnippetOptions(Optional<String> id, boolean hidden, boolean silent, Optional<String> throwsClass,
                             Optional<Duration> timeout, boolean reset, boolean slow) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(120);

    public Duration effectiveTimeout() {
        return timeout.orElse(DEFAULT_TIMEOUT);
    }

    /** Whether the page shows an output block for this snippet (and so must have one). */
    public boolean hasOutputBlock() {
        return !hidden && !silent;
    }
}
