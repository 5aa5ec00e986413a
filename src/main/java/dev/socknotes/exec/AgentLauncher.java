package dev.socknotes.exec;

import dev.socknotes.exec.agent.AgentMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jdk.jshell.execution.StreamingExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Starts one agent JVM and connects JShell to it over a Unix domain socket: no debugger (JShell's
 * default engine pays ~180 ms per eval for its socket's Nagle delay), a channel that works across
 * network namespaces, and a separate control connection for stop requests. One launcher per agent.
 */
public final class AgentLauncher implements ExecutionControlProvider {
    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(60);
    /** Options of every agent JVM, wherever it runs (a virtual machine's agent uses them too). */
    public static final List<String> JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx256m", "-Xss1m",
            "--enable-native-access=ALL-UNNAMED",
            "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8", "-Dfile.encoding=UTF-8",
            "-Djava.net.preferIPv4Stack=false");

    private final Path workDir;
    private final String name;
    private final Optional<Sandbox> sandbox;
    private final Map<String, String> sysctls;
    private final Optional<AgentPlacement> placement;
    private Process process;
    private OutputStream control;
    private ServerSocketChannel server;
    private final List<SocketChannel> channels = new ArrayList<>();

    AgentLauncher(Path workDir, String name, Optional<Sandbox> sandbox, Map<String, String> sysctls) {
        this(workDir, name, sandbox, sysctls, Optional.empty());
    }

    AgentLauncher(Path workDir, String name, Optional<Sandbox> sandbox, Map<String, String> sysctls,
                  Optional<AgentPlacement> placement) {
        this.workDir = workDir;
        this.name = name;
        this.sandbox = sandbox;
        this.sysctls = sysctls;
        this.placement = placement;
    }

    /** An unsandboxed agent, for callers outside the executor (the transport benchmark in bench/). */
    public static ExecutionControlProvider unsandboxed(Path workDir, String name) {
        return new AgentLauncher(workDir, name, Optional.empty(), Map.of());
    }

    @Override
    public String name() {
        return "socknotes-agent";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        Files.createDirectories(workDir);
        Path socket = workDir.resolve(name + ".sock");
        if (socket.toString().length() > 100) { // sun_path holds 108 bytes
            socket = Files.createTempDirectory("socknotes-agent").resolve(name + ".sock");
        }
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        List<String> command = placement.isPresent() ? placement.get().command(socket, name, sysctls) : agentCommand(socket);
        ProcessBuilder pb = new ProcessBuilder(sandbox.map(s -> s.wrap(command, sysctls)).orElse(command))
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".native-output.log").toFile());
        process = pb.start();
        SocketChannel controlChannel = null;
        SocketChannel executionChannel = null;
        long deadline = System.nanoTime() + placement.map(AgentPlacement::connectLimit).orElse(CONNECT_LIMIT).toNanos();
        try {
            for (int i = 0; i < 2; i++) {
                SocketChannel ch = acceptFromAgent(deadline);
                if (firstByte(ch, deadline) == AgentMain.CONTROL) { // one byte says which connection this is
                    controlChannel = ch;
                } else {
                    executionChannel = ch;
                }
            }
            if (controlChannel == null || executionChannel == null) {
                throw new IOException("agent opened unexpected connections");
            }
        } finally {
            server.close();
            Files.deleteIfExists(socket);
        }
        control = Channels.newOutputStream(controlChannel);
        InputStream in = Channels.newInputStream(executionChannel);
        OutputStream out = Channels.newOutputStream(executionChannel);
        return Util.remoteInputOutput(in, out, Map.of("out", env.userOut(), "err", env.userErr()),
                Map.of("in", env.userIn()), (objectIn, objectOut) -> new StreamingExecutionControl(objectOut, objectIn) {
                    @Override
                    public void close() {
                        kill();
                    }
                });
    }

    private SocketChannel acceptFromAgent(long deadline) throws IOException, InterruptedException {
        server.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (true) {
                SocketChannel ch = server.accept();
                if (ch != null) {
                    ch.configureBlocking(true);
                    channels.add(ch);
                    return ch;
                }
                if (!process.isAlive()) {
                    process.waitFor();
                    throw new IOException("the agent JVM ended before connecting (exit status " + process.exitValue()
                            + "); see " + workDir.resolve(name + ".native-output.log"));
                }
                checkDeadline(deadline);
                selector.select(200);
                selector.selectedKeys().clear();
            }
        }
    }

    /**
     * The byte that names a connection. A virtual machine's channel is connected by qemu at once,
     * long before the agent in it writes, so the wait is bounded like the accept.
     */
    private int firstByte(SocketChannel ch, long deadline) throws IOException, InterruptedException {
        ByteBuffer first = ByteBuffer.allocate(1);
        ch.configureBlocking(false);
        try (Selector selector = Selector.open()) {
            ch.register(selector, SelectionKey.OP_READ);
            while (first.hasRemaining()) {
                if (ch.read(first) < 0) {
                    return -1;
                }
                if (first.hasRemaining()) {
                    checkDeadline(deadline);
                    selector.select(200);
                    selector.selectedKeys().clear();
                }
            }
        }
        ch.configureBlocking(true);
        return first.get(0);
    }

    private void checkDeadline(long deadline) throws IOException, InterruptedException {
        if (System.nanoTime() > deadline) {
            kill();
            throw new IOException("the agent JVM did not connect within the time allowed; see "
                    + workDir.resolve(name + ".native-output.log"));
        }
    }

    private List<String> agentCommand(Path socket) throws URISyntaxException {
        String classPath = classPath();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(List.of(
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + workDir.resolve("hs_err_" + name + "_pid%p.log"),
                "-cp", classPath, AgentMain.class.getName(), socket.toString(),
                Long.toString(ProcessHandle.current().pid())));
        return cmd;
    }

    /** Where our classes (agent main and support library) were loaded from. */
    static String classPath() throws URISyntaxException {
        return Path.of(AgentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Interrupts the thread running snippet code in the agent. */
    void requestStop() {
        try {
            control.write(AgentMain.STOP);
            control.flush();
        } catch (IOException | NullPointerException e) {
            kill(); // a control channel that cannot take a byte means the agent cannot be stopped politely
        }
    }

    void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (SocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                // already gone with the process
            }
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Exit status once the agent ended; waits up to five seconds for it. */
    Optional<Integer> exitStatus() {
        if (process == null) {
            return Optional.empty();
        }
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Optional.of(process.exitValue()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    Path crashLogGlob() {
        return workDir.resolve("hs_err_" + name + "_pid" + (process == null ? "?" : process.pid()) + ".log");
    }
}
