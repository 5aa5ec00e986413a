package dev.socknotes.verify;

import dev.socknotes.content.SourceText;
import dev.socknotes.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code data/translations.lock}: for every topic and section, the hash of each language's prose
 * when the pair was last declared in sync (sync mode writes it; builds only read it). One line per
 * section, topics in alphabetical order, sections in page order:
 * {@code topic#section en=HASH zh=HASH} ({@code topic#} is the lead text before the first section).
 */
public final class TranslationLock {
    public static final String FILE = "translations.lock";
    private static final Pattern LINE = Pattern.compile("([^#\\s]+)#(\\S*) en=([0-9a-f]{16}) zh=([0-9a-f]{16})");
    private static final String HEADER = """
            # Translation sync records (issue 17), written by -Dsocknotes.mode=sync: per topic and section,
            # the hash of each language's prose when a translator last checked the pair. Do not edit.
            """;

    /** The hashes of one section pair when it was declared in sync. */
    public record Record(String en, String zh) {}

    /** @param topics topic → section id → record, in the file's order */
    public record Records(Map<String, Map<String, Record>> topics) {
        public Optional<Record> get(String topic, String section) {
            return Optional.ofNullable(topics.getOrDefault(topic, Map.of()).get(section));
        }
    }

    public record Read(Records records, List<Diagnostic> diagnostics) {}

    /** Reads the file; a missing one holds no records (every section counts as in sync). */
    public static Read read(Path file, Path display) throws IOException {
        Map<String, Map<String, Record>> topics = new TreeMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Read(new Records(topics), errors);
        }
        SourceText src = SourceText.of(display, Files.readString(file, StandardCharsets.UTF_8));
        for (int line = 1; line <= src.lineCount(); line++) {
            String text = src.line(line).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(text);
            if (!m.matches()) {
                errors.add(Diagnostic.error(display, line, 1, "not a sync record 'topic#section en=HASH zh=HASH'; "
                        + "this file is written by -Dsocknotes.mode=sync", src.line(line)));
                continue;
            }
            topics.computeIfAbsent(m.group(1), k -> new LinkedHashMap<>()).put(m.group(2), new Record(m.group(3), m.group(4)));
        }
        return new Read(new Records(topics), errors);
    }

    /** The file's text for these records: stable, so that a sync of unchanged text changes nothing. */
    public static String format(Records records) {
        StringBuilder sb = new StringBuilder(HEADER);
        new TreeMap<>(records.topics()).forEach((topic, sections) -> sections.forEach((id, r) ->
                sb.append(topic).append('#').append(id).append(" en=").append(r.en()).append(" zh=").append(r.zh()).append('\n')));
        return sb.toString();
    }
}
