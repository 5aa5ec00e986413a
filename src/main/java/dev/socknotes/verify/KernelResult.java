package dev.socknotes.verify;

import java.util.List;

/**
 * What the kernel matrix's records say about one snippet on one kernel, compared with this build:
 * a closed set, each shown on the snippet, on the matrix page and in verification.json.
 */
public sealed interface KernelResult {
    MatrixKernel kernel();

    /** Its name in verification.json and in the pages' CSS classes. */
    default String jsonName() {
        return switch (this) {
            case Same s -> "verified";
            case Differs d -> "differs";
            case Stale s -> "stale";
            case Missing m -> "missing";
        };
    }

    /**
     * A record for the current code that printed what this build printed (or what the page shows).
     *
     * @param recordedStatus the record's status, e.g. "completed" or "threw"
     */
    record Same(MatrixKernel kernel, String recordedStatus, String output) implements KernelResult {}

    /** A record for the current code whose output is not this build's. @param diff this build's output → the kernel's */
    record Differs(MatrixKernel kernel, String recordedStatus, String output, List<String> diff) implements KernelResult {
        public Differs {
            diff = List.copyOf(diff);
        }
    }

    /** A record made for other code (the snippet, code before it, or the support library changed since). */
    record Stale(MatrixKernel kernel, String recordedStatus, String output) implements KernelResult {}

    /** No record (a new snippet, a slow one the matrix skips, or a kernel without records). */
    record Missing(MatrixKernel kernel) implements KernelResult {}
}
