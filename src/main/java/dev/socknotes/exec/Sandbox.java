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
 * Runs an agent JVM in namespaces of its own (util-linux {@code unshare}, no root needed): a user
 * and network namespace with only {@code lo} and namespace-local TCP settings such as
 * {@code net.ipv4.tcp_fin_timeout}; where the machine allows, also a PID namespace whose init is the
 * agent (when it ends, the kernel ends every process in it; the build's processes are not in it)
 * and a mount namespace, in which the agent makes the filesystem read-only itself
 * ({@code agent.FilesystemLockdown}).
 */
public final class Sandbox {
    private static final Pattern SYSCTL_NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)+");
    private static final Pattern SYSCTL_VALUE = Pattern.compile("[A-Za-z0-9 _.:-]+");

    /** Which namespaces the agent gets. */
    public enum Scope {
        /**
         * User, network, PID and mount. {@code --kill-child}: when unshare ends, the kernel kills
         * the namespace's init and with it the namespace.
         */
        ALL(List.of("--user", "--map-root-user", "--net", "--pid", "--fork", "--kill-child", "--mount", "--mount-proc")),
        /** User and network only, where no PID or mount namespace can be made. */
        NETWORK(List.of("--user", "--map-root-user", "--net"));

        private final List<String> unshareOptions;

        Scope(List<String> unshareOptions) {
            this.unshareOptions = unshareOptions;
        }

        /** The same options in unshare's short form, for a command line a reader types. */
        String shortOptions() {
            return this == ALL ? "-rnpfm --kill-child --mount-proc" : "-rn";
        }
    }

    private final Path unshare;
    private final Path ip;
    private final Optional<Path> setpriv;
    private final Scope scope;

    private Sandbox(Path unshare, Path ip, Optional<Path> setpriv, Scope scope) {
        this.unshare = unshare;
        this.ip = ip;
        this.setpriv = setpriv;
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }

    /**
     * The widest sandbox this machine can make, up to {@code widest} (tried by actually making one),
     * else empty; the reason says what is missing when it is less than {@link Scope#ALL}.
     */
    public static Availability probe(Scope widest) {
        Optional<Path> unshare = which("unshare");
        Optional<Path> ip = which("ip");
        if (unshare.isEmpty() || ip.isEmpty()) {
            return new Availability(Optional.empty(), "util-linux 'unshare' or iproute2 'ip' is not installed");
        }
        String missing = "";
        if (widest == Scope.ALL) {
            Optional<Path> setpriv = which("setpriv");
            if (setpriv.isEmpty()) {
                missing = "no PID or mount namespace: util-linux 'setpriv' is not installed";
            } else {
                Sandbox all = new Sandbox(unshare.get(), ip.get(), setpriv, Scope.ALL);
                Optional<String> failure = all.tryOnce();
                if (failure.isEmpty()) {
                    return new Availability(Optional.of(all), "");
                }
                missing = "no PID or mount namespace: " + failure.get();
            }
        } else {
            missing = "no PID or mount namespace: socknotes.sandbox=network";
        }
        Sandbox network = new Sandbox(unshare.get(), ip.get(), Optional.empty(), Scope.NETWORK);
        Optional<String> failure = network.tryOnce();
        return failure.isEmpty() ? new Availability(Optional.of(network), missing)
                : new Availability(Optional.empty(), failure.get());
    }

    private Optional<String> tryOnce() {
        try {
            Process p = new ProcessBuilder(wrap(List.of("true"), Map.of())).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.of("unshare " + scope.shortOptions() + " did not finish");
            }
            return p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("unshare " + scope.shortOptions() + " failed: " + out.strip());
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** The result of {@link #probe}: the sandbox, or why there is none (or why it is not {@link Scope#ALL}). */
    public record Availability(Optional<Sandbox> sandbox, String reason) {}

    /**
     * The command that runs {@code command} inside fresh namespaces with {@code lo} up and the
     * given sysctls applied there only. With {@link Scope#ALL}, unshare gets the parent-death
     * signal of the thread that starts it ({@code setpriv --pdeathsig}), so that a killed build
     * takes unshare, and with it the namespace, along.
     */
    public List<String> wrap(List<String> command, Map<String, String> sysctls) {
        List<String> out = new ArrayList<>();
        setpriv.ifPresent(s -> out.addAll(List.of(s.toString(), "--pdeathsig", "KILL")));
        out.add(unshare.toString());
        out.addAll(scope.unshareOptions);
        out.addAll(List.of("/bin/sh", "-c", setUp(quote(ip.toString()), sysctls) + " && exec \"$@\"", "socknotes-sandbox"));
        out.addAll(command);
        return out;
    }

    /**
     * The one-line shell command a reader runs to give {@code command} the same namespaces as
     * the build (with {@code ip} and {@code unshare} from the reader's PATH).
     */
    public static String shellCommand(Scope scope, String command, Map<String, String> sysctls) {
        return "unshare " + scope.shortOptions() + " sh -c '" + setUp("ip", sysctls) + " && exec " + command + "'";
    }

    private static String setUp(String ip, Map<String, String> sysctls) {
        StringBuilder script = new StringBuilder(ip).append(" link set lo up");
        sysctls.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!SYSCTL_NAME.matcher(e.getKey()).matches() || !SYSCTL_VALUE.matcher(e.getValue()).matches()) {
                throw new IllegalArgumentException("bad sysctl " + e.getKey() + "=" + e.getValue());
            }
            script.append(" && echo \"").append(e.getValue()).append("\" > /proc/sys/").append(e.getKey().replace('.', '/'));
        });
        return script.toString();
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
