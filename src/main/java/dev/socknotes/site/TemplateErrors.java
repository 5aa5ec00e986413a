package dev.socknotes.site;

import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.diagnostic.Severity;
import freemarker.core.ParseException;
import freemarker.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns JBake's rendering errors into diagnostics at the template's file and line. */
final class TemplateErrors {
    private TemplateErrors() {}

    static Diagnostic toDiagnostic(Throwable error, Path templatesDir) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ParseException pe && pe.getTemplateName() != null) {
                return at(templatesDir.resolve(pe.getTemplateName()), pe.getLineNumber(), pe.getColumnNumber(),
                        "template syntax: " + firstLine(pe.getEditorMessage()));
            }
            if (t instanceof TemplateException te && te.getTemplateSourceName() != null && te.getLineNumber() != null) {
                return at(templatesDir.resolve(te.getTemplateSourceName()), te.getLineNumber(),
                        te.getColumnNumber() == null ? 1 : te.getColumnNumber(), firstLine(te.getMessageWithoutStackTop()));
            }
        }
        return new Diagnostic(templatesDir, 0, 0, Severity.ERROR, "baking the site failed: " + error, "", List.of());
    }

    private static Diagnostic at(Path file, int line, int column, String message) {
        String sourceLine = "";
        try {
            List<String> lines = Files.readAllLines(file);
            if (line >= 1 && line <= lines.size()) {
                sourceLine = lines.get(line - 1);
            }
        } catch (java.io.IOException e) {
            sourceLine = "";
        }
        return new Diagnostic(file, line, Math.max(1, column), Severity.ERROR, message, sourceLine, List.of());
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
