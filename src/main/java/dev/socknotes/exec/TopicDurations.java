package dev.socknotes.exec;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * How long each topic took the last time it executed, kept in the work folder, so that the next
 * build starts the longest topics first: a topic that waits seconds for a kernel timer then
 * overlaps with the others instead of running alone at the end. Only the order of execution
 * changes; results are still reported in page order. A missing or damaged file means no history.
 */
public final class TopicDurations {
    private final Path file;
    private final Properties millis = new Properties();

    private TopicDurations(Path file) {
        this.file = file;
    }

    public static TopicDurations load(Path file) {
        TopicDurations d = new TopicDurations(file);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                d.millis.load(r);
            } catch (IOException | IllegalArgumentException e) {
                d.millis.clear(); // history is an optimisation only
            }
        }
        return d;
    }

    /**
     * The jobs longest first by their last duration; topics without history (new ones) go first,
     * as the longest possible; ties keep page order.
     */
    public List<TopicJob> longestFirst(List<TopicJob> jobs) {
        List<TopicJob> ordered = new ArrayList<>(jobs);
        ordered.sort(Comparator.comparingLong((TopicJob j) -> lastMillis(j.topic())).reversed());
        return ordered;
    }

    private long lastMillis(String topic) {
        try {
            return Long.parseLong(millis.getProperty(topic, Long.toString(Long.MAX_VALUE)));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    public void record(String topic, Duration elapsed) {
        millis.setProperty(topic, Long.toString(elapsed.toMillis()));
    }

    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "durations", ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            millis.store(w, "milliseconds each topic's snippets took at their last execution");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
