package dev.socknotes;

import dev.socknotes.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An exception the build did not expect is a bug in socknotes, not in the sources: it becomes one
 * diagnostic naming the exception and where it was thrown, and its stack trace goes to a log file
 * instead of the console, where it would bury the diagnostics of the sources.
 */
final class InternalFailure {
    static final String LOG_NAME = "internal-error.log";

    private InternalFailure() {}

    static Diagnostic report(RuntimeException e, Path workDir, Path projectRoot) {
        Path log = workDir.resolve(LOG_NAME);
        String where = Arrays.stream(e.getStackTrace()).filter(f -> f.getClassName().startsWith("dev.socknotes."))
                .findFirst().map(f -> " in " + f.getClassName() + "." + f.getMethodName()).orElse("");
        String saved;
        try {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            Files.createDirectories(workDir);
            Files.writeString(log, trace.toString(), StandardCharsets.UTF_8);
            saved = "; its stack trace is in " + (log.startsWith(projectRoot) ? projectRoot.relativize(log) : log);
        } catch (IOException io) {
            saved = "; its stack trace could not be saved (" + io.getMessage() + ")";
        }
        return Diagnostic.error(Path.of("socknotes"), 0, 0,
                "internal error: " + e.getClass().getName() + where + saved + " (a bug in socknotes; please report it)");
    }
}
