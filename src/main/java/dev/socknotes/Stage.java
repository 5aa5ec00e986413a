package dev.socknotes;

import dev.socknotes.diagnostic.Diagnostic;
import java.io.IOException;
import java.util.List;

/**
 * One step of the recipe: takes the previous step's typed result and returns its own, with what it
 * found wrong. {@link Socknotes} runs each one through the same helper, which times it, reports
 * its diagnostics and prints its console line.
 */
interface Stage<I, O> {
    Output<O> run(I input) throws IOException;

    /**
     * @param value       what the next stage takes
     * @param diagnostics what this stage found wrong
     * @param summary     the stage's console line after "name: ", given the stage's seconds; empty for none
     */
    record Output<T>(T value, List<Diagnostic> diagnostics, Summary summary) {
        public Output {
            diagnostics = List.copyOf(diagnostics);
        }

        static <T> Output<T> of(T value, List<Diagnostic> diagnostics) {
            return new Output<>(value, diagnostics, seconds -> "");
        }
    }

    @FunctionalInterface
    interface Summary {
        String line(double seconds);
    }
}
