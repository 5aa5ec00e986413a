package dev.socknotes.exec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs an agent JVM in its own user + network namespace ({@code unshare -rn}, util-linux): a private
 * loopback with no other programs on it, no way out (only {@code lo} exists), and namespace-local
 * TCP settings such as {@code net.ipv4.tcp_fin_timeout}. No root needed.
 */
public final class Sandbox {
    private static final Pattern SYSCTL_NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
    private static final Pattern SYSCTL_VALUE = Pattern.compile("[A-Za-z0-9 _.:-]+");

    private final Path unshare;
    private final Path ip;

    private Sandbox(Path unshare, Path ip) {
        this.unshare = unshare;
        this.ip = ip;
    }

    /** The sandbox if this machine can make one (tried once, by actually making one), else empty with the reason. */
    public static Availability probe() {
        Optional<Path> unshare = which("unshare");
        Optional<Path> ip = which("ip");
        if (unshare.isEmpty() || ip.isEmpty()) {
            return new Availability(Optional.empty(), "util-linux 'unshare' or iproute2 'ip' is not installed");
        }
        Sandbox s = new Sandbox(unshare.get(), ip.get());
        try {
            Process p = new ProcessBuilder(s.wrap(List.of("true"), Map.of())).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Availability(Optional.empty(), "unshare -rn did not finish");
            }
            return p.exitValue() == 0 ? new Availability(Optional.of(s), "")
                    : new Availability(Optional.empty(), "unshare -rn failed: " + out.strip());
        } catch (IOException e) {
            return new Availability(Optional.empty(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(Optional.empty(), "interrupted");
        }
    }

    /** The result of {@link #probe()}: the sandbox, or why there is none. */
    public record Availability(Optional<Sandbox> sandbox, String reason) {}

    /**
     * The command that runs {@code command} inside a fresh namespace with {@code lo} up and the
     * given sysctls applied there only.
     */
    public List<String> wrap(List<String> command, Map<String, String> sysctls) {
        StringBuilder script = new StringBuilder();
        script.append(quote(ip.toString())).append(" link set lo up");
        sysctls.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!SYSCTL_NAME.matcher(e.getKey()).matches() || !SYSCTL_VALUE.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("bad sysctl " + e.getKey() + "=" + e.getValue());
            }
            script.append(" && echo ").append(quote(e.getValue())).append(" > /proc/sys/")
                    .append(e.getKey().replace('.', '/'));
        });
        script.append(" && exec \"$@\"");
        List<String> out = new ArrayList<>(List.of(unshare.toString(), "--user", "--map-root-user", "--net",
                "/bin/sh", "-c", script.toString(), "socknotes-sandbox"));
        out.addAll(command);
        return out;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static Optional<Path> which(String name) {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
