package dev.socknotes.cli;

import dev.socknotes.Socknotes;
import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The command line: {@code build}, {@code update} and {@code serve}, each taking the settings as
 * flags ({@code --slow true}); {@code from-properties} takes them from {@code socknotes.*} system
 * properties, which is how Maven starts it. Exit codes: 0 success, 1 errors in the sources, 2 usage.
 */
public final class Main {
    public static final int OK = 0;
    public static final int ERRORS = 1;
    public static final int USAGE = 2;
    private static final String FAILURE_FILE = "--failure-file";

    private Main() {}

    public static void main(String[] args) throws IOException {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        List<String> arguments = new ArrayList<>(List.of(args));
        Optional<Path> failureFile = takeFailureFile(arguments);
        int code = run(arguments, Path.of("").toAbsolutePath(), System.out, System.err);
        System.out.flush();
        if (failureFile.isPresent()) {
            recordFailure(failureFile.get(), code);
            code = OK;
        }
        System.exit(code);
    }

    /**
     * {@code --failure-file PATH} (how Maven starts the build): the exit code goes to that file, which
     * exists only after a failed build, and the process exits 0; pom.xml fails the build on the file,
     * so that Maven ends with a few lines instead of the exec plugin's stack trace.
     */
    private static Optional<Path> takeFailureFile(List<String> arguments) {
        int i = arguments.indexOf(FAILURE_FILE);
        if (i < 0 || i + 1 >= arguments.size()) {
            return Optional.empty();
        }
        Path file = Path.of(arguments.get(i + 1));
        arguments.subList(i, i + 2).clear();
        return Optional.of(file);
    }

    private static void recordFailure(Path file, int code) throws IOException {
        if (code == OK) {
            Files.deleteIfExists(file);
        } else {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, code + "\n");
        }
    }

    /** Runs a command; never calls System.exit, so tests can call it. */
    public static int run(List<String> args, Path projectRoot, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            (args.isEmpty() ? err : out).print(usage());
            return args.isEmpty() ? USAGE : OK;
        }
        String command = args.getFirst();
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        switch (command) {
            case "from-properties" -> {
                for (Setting s : Setting.values()) {
                    Optional.ofNullable(System.getProperty(s.property())).ifPresent(v -> values.put(s, v));
                }
            }
            case "build", "update", "serve", "sync", "matrix", "matrix-update" -> values.put(Setting.MODE, command);
            default -> {
                err.println("socknotes: unknown command '" + command + "'");
                err.print(usage());
                return USAGE;
            }
        }
        for (int i = 1; i < args.size(); i++) {
            Optional<Setting> s = Setting.ofFlag(args.get(i));
            if (s.isEmpty() || s.get() == Setting.MODE || i + 1 >= args.size()) {
                err.println("socknotes: " + (s.isEmpty() || s.get() == Setting.MODE ? "unknown option '" + args.get(i) + "'"
                        : "option " + args.get(i) + " needs a value"));
                err.print(usage());
                return USAGE;
            }
            values.put(s.get(), args.get(++i));
        }
        BuildConfig config;
        try {
            config = BuildConfig.from(projectRoot, values);
        } catch (IllegalArgumentException e) {
            err.println("socknotes: " + e.getMessage());
            return USAGE;
        }
        if (config.mode() == dev.socknotes.config.Mode.SERVE) {
            return PreviewServer.serve(config, out);
        }
        if (config.mode() == dev.socknotes.config.Mode.MATRIX || config.mode() == dev.socknotes.config.Mode.MATRIX_UPDATE) {
            return dev.socknotes.matrix.MatrixCommand.run(config, Optional.ofNullable(values.get(Setting.KERNELS)), out, err);
        }
        Socknotes.BuildResult result = new Socknotes(config, out).run();
        return result.exitCode() == 0 ? OK : ERRORS;
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("""
                usage: socknotes build|update|serve|sync|matrix|matrix-update [options]
                  build    execute and verify every snippet, then write the site (default target/site)
                  update   execute, then rewrite the output blocks in content/ to what the snippets printed
                  serve    build, serve on 127.0.0.1 and rebuild when content/ or templates/ change
                  sync     record the zh/en sections as in sync in data/translations.lock (--only topic or topic#section)
                  matrix   check data/matrix/ (each snippet on Debian's 5.10, 6.1, 6.12 kernels in qemu), re-running what changed
                  matrix-update  re-run what changed on the kernel matrix and rewrite data/matrix/
                options (each also a system property socknotes.NAME for Maven: -Dsocknotes.slow=true):
                """);
        for (Setting s : Setting.values()) {
            if (s != Setting.MODE) {
                sb.append(String.format("  %-12s %s%n", s.flag(), s.description()));
            }
        }
        return sb.toString();
    }
}
