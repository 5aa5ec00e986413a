package dev.socknotes.exec;

import dev.socknotes.exec.agent.AgentMain;
import dev.socknotes.internal.PackageJar;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What an agent JVM runs with, and what snippets are compiled against: two jars written into the
 * executor's work folder, never the build's own classes. {@code support.jar} is the snippet support
 * library (the {@code dev.socknotes.support} package, its own source set) — the same bytes the
 * site publishes for download; {@code agent.jar} is the agent's main ({@code exec.agent}), which
 * snippets are not compiled against. A snippet that imports a package of the build does not compile.
 */
public final class AgentClassPath {
    static final String SUPPORT_JAR = "support.jar";
    static final String AGENT_JAR = "agent.jar";
    private static final Map<Path, Path> WRITTEN = new HashMap<>();

    private AgentClassPath() {}

    /** The support library's jar bytes (deterministic), or an empty array when it is not on the class path. */
    public static byte[] supportJar() throws IOException {
        Map<String, byte[]> classes = PackageJar.classFiles(dev.socknotes.support.Ret.class);
        return classes.isEmpty() ? new byte[0] : PackageJar.jar(classes);
    }

    /** The agent's runtime class path: both jars, written once per folder (again when their classes changed). */
    static String runtime(Path workDir) {
        Path dir = written(workDir);
        return dir.resolve(SUPPORT_JAR) + File.pathSeparator + dir.resolve(AGENT_JAR);
    }

    /** What snippets are compiled against: the support library only. */
    static String compile(Path workDir) {
        return written(workDir).resolve(SUPPORT_JAR).toString();
    }

    private static synchronized Path written(Path workDir) {
        Path dir = workDir.toAbsolutePath().normalize().resolve("classpath");
        return WRITTEN.computeIfAbsent(dir, d -> {
            try {
                Files.createDirectories(d);
                writeIfChanged(d.resolve(SUPPORT_JAR), supportJar());
                writeIfChanged(d.resolve(AGENT_JAR), PackageJar.jar(PackageJar.classFiles(AgentMain.class)));
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException("writing the agents' class path to " + d, e);
            }
        });
    }

    private static void writeIfChanged(Path file, byte[] bytes) throws IOException {
        if (!Files.isRegularFile(file) || !Arrays.equals(Files.readAllBytes(file), bytes)) {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
