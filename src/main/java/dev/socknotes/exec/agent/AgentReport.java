package dev.socknotes.exec.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an agent tells the build first, on its control connection, before it runs any snippet: what
 * became of its filesystem, and where it runs (kernel and JDK, as shown next to every output). Sent
 * as data, {@code key=value} lines ended by an empty line, so that the build never has to evaluate
 * code in the snippets' session to learn it.
 *
 * @param lockdown      "read-only METHOD", "writable REASON" (the build decides whether that is
 *                      acceptable) or "as-is"
 * @param kernelRelease {@code /proc/sys/kernel/osrelease} as the agent sees it
 * @param javaVendor    the agent JVM's {@code java.vendor}
 * @param javaVersion   the agent JVM's {@code java.runtime.version}
 */
public record AgentReport(String lockdown, String kernelRelease, String javaVendor, String javaVersion) {
    private static final List<String> KEYS = List.of("lockdown", "kernel.release", "java.vendor", "java.version");

    /** This JVM's report. */
    static AgentReport ofThisJvm(String lockdown) throws IOException {
        return new AgentReport(lockdown, Files.readAllLines(Path.of("/proc/sys/kernel/osrelease")).get(0).strip(),
                System.getProperty("java.vendor"), System.getProperty("java.runtime.version"));
    }

    /** The lines to send, the last one empty. */
    public String encode() {
        List<String> values = List.of(lockdown, kernelRelease, javaVendor, javaVersion);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < KEYS.size(); i++) {
            sb.append(KEYS.get(i)).append('=').append(values.get(i).replaceAll("[\\r\\n]+", " ")).append('\n');
        }
        return sb.append('\n').toString();
    }

    /** Reads what {@link #encode} wrote (the final empty line may be left out). */
    public static AgentReport decode(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0 || !KEYS.contains(line.substring(0, eq))) {
                throw new IllegalArgumentException("not a line of an agent's report: " + line);
            }
            fields.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (!fields.keySet().containsAll(KEYS)) {
            throw new IllegalArgumentException("the agent's report lacks " + KEYS.stream().filter(k -> !fields.containsKey(k)).toList());
        }
        return new AgentReport(fields.get(KEYS.get(0)), fields.get(KEYS.get(1)), fields.get(KEYS.get(2)), fields.get(KEYS.get(3)));
    }
}
