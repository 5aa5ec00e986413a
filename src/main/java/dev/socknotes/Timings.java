package dev.socknotes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Stage durations of one build, for the console and target/socknotes/timings.txt (never the site). */
final class Timings {
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    void add(String stage, long startNanos) {
        nanos.merge(stage, System.nanoTime() - startNanos, Long::sum);
    }

    double seconds(String stage) {
        return nanos.getOrDefault(stage, 0L) / 1e9;
    }

    String report() {
        StringBuilder sb = new StringBuilder();
        nanos.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-10s %8.3f s%n", k, v / 1e9)));
        return sb.toString();
    }
}
