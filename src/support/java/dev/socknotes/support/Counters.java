package dev.socknotes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The kernel's TCP counters from {@code /proc/net/snmp} and {@code /proc/net/netstat}, named like
 * {@code Tcp.OutRsts} or {@code TcpExt.TCPAbortOnData}. They count for the whole network namespace,
 * which is why the build runs each topic in a namespace of its own.
 */
public final class Counters {
    private Counters() {}

    /** All counters at one moment. */
    public record Snapshot(Map<String, Long> values) {
        public long get(String name) {
            Long v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no such counter: " + name);
            }
            return v;
        }
    }

    public static Snapshot snapshot() {
        Map<String, Long> values = new TreeMap<>();
        for (String file : List.of("/proc/net/snmp", "/proc/net/netstat")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                String[] names = lines.get(i).trim().split("\\s+");
                String[] numbers = lines.get(i + 1).trim().split("\\s+");
                String prefix = names[0].replace(":", "");
                for (int k = 1; k < Math.min(names.length, numbers.length); k++) {
                    values.put(prefix + "." + names[k], Long.parseLong(numbers[k]));
                }
            }
        }
        return new Snapshot(Map.copyOf(values));
    }

    /** How the named counters changed: {@code Tcp.OutRsts +1, TcpExt.TCPAbortOnData +1}. */
    public static String delta(Snapshot before, Snapshot after, String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            long d = after.get(n) - before.get(n);
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(n).append(d >= 0 ? " +" : " ").append(d);
        }
        return sb.toString();
    }
}
