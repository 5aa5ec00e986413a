package dev.socknotes;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Stage durations of one build, for the console and target/socknotes/timings.txt (never the site). */
final class Timings {
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Map<String, String> topics = new TreeMap<>();

    void add(String stage, long startNanos) {
        nanos.merge(stage, System.nanoTime() - startNanos, Long::sum);
    }

    double seconds(String stage) {
        return nanos.getOrDefault(stage, 0L) / 1e9;
    }

    /** One executed topic: its wall time from agent start to close, and how much of it snippets meant to wait. */
    void topic(String key, Duration elapsed, Duration waited) {
        topics.put(key, String.format(Locale.ROOT, "%8.3f s (waited %.3f s)", elapsed.toNanos() / 1e9, waited.toNanos() / 1e9));
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        nanos.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-10s %8.3f s%n", k, v / 1e9)));
        topics.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  topic %-20s %s%n", k, v)));
        return sb.toString();
    }
}
