package dev.socknotes.diagnostic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one build so that all of them are reported together, in an order
 * that does not depend on which worker found them first.
 */
public final class Reporter {
    /** Like a compiler: after this many errors the rest are counted, not printed. */
    public static final int MAX_PRINTED_ERRORS = 50;

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing((Diagnostic d) -> d.file().toString())
            .thenComparingInt(Diagnostic::line)
            .thenComparingInt(Diagnostic::column)
            .thenComparing(Diagnostic::message);

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public synchronized void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    public synchronized void reportAll(List<Diagnostic> more) {
        diagnostics.addAll(more);
    }

    public synchronized boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public synchronized int errorCount() {
        return (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    /** All diagnostics, sorted by file, line, column and message. */
    public synchronized List<Diagnostic> sorted() {
        return diagnostics.stream().sorted(ORDER).toList();
    }

    /** The text printed on the console: each diagnostic, capped, and a count line. */
    public synchronized String render() {
        List<Diagnostic> all = sorted();
        StringBuilder sb = new StringBuilder();
        int printedErrors = 0;
        int hiddenErrors = 0;
        for (Diagnostic d : all) {
            if (d.isError() && printedErrors >= MAX_PRINTED_ERRORS) {
                hiddenErrors++;
                continue;
            }
            if (d.isError()) {
                printedErrors++;
            }
            sb.append(d.format()).append('\n');
        }
        if (hiddenErrors > 0) {
            sb.append("... and ").append(hiddenErrors).append(" more errors not shown\n");
        }
        int errors = errorCount();
        long warnings = all.stream().filter(d -> d.severity() == Severity.WARNING).count();
        if (errors > 0 || warnings > 0) {
            sb.append(errors).append(errors == 1 ? " error" : " errors");
            if (warnings > 0) {
                sb.append(", ").append(warnings).append(warnings == 1 ? " warning" : " warnings");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
