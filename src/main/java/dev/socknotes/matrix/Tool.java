package dev.socknotes.matrix;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external program the matrix needs (apt-get, dpkg, qemu, busybox, ldd), found on the PATH
 * once; running it returns its exit status and output instead of throwing, so callers can say
 * what failed in their own words.
 *
 * @param name    the program's name, e.g. "apt-get"
 * @param path    where it was found
 * @param debianPackage the Debian package that provides it, for the "not installed" message
 */
public record Tool(String name, Path path, String debianPackage) {
    /** What a run of the tool printed (stdout and stderr together) and its exit status. */
    public record Run(int status, String output) {
        public boolean ok() {
            return status == 0;
        }

        /** The last few lines of output: where apt and dpkg say what went wrong. */
        public String tail() {
            List<String> lines = output.strip().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        }
    }

    /** The tool from the PATH (plus /sbin and /usr/sbin), or why it is missing. */
    public static Tool find(String name, String debianPackage) throws MissingToolException {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin"));
        Optional<Path> found = dirs.stream().map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
        return new Tool(name, found.orElseThrow(() -> new MissingToolException(name, debianPackage)), debianPackage);
    }

    public Run run(Path workDir, List<String> arguments, long timeoutSeconds) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        command.addAll(arguments);
        Path log = Files.createTempFile(workDir, name, ".log");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(-1, name + " did not finish within " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + name, e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** A program the matrix needs is not installed: the message names the package to install. */
    public static final class MissingToolException extends Exception {
        public MissingToolException(String name, String debianPackage) {
            super("'" + name + "' is not installed; the kernel matrix needs it (apt-get install " + debianPackage + ")");
        }
    }
}
