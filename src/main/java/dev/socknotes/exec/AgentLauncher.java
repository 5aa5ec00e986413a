package dev.socknotes.exec;

import dev.socknotes.exec.agent.AgentMain;
import dev.socknotes.exec.agent.AgentReport;
import dev.socknotes.exec.agent.FilesystemLockdown;
import dev.socknotes.internal.FileTrees;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.URISyntaxException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final Optional<FilesystemLockdown.Method> lockdownMethod;
    private final Path scratch;
    private final Optional<AgentPlacement> placement;
    private Process process;
    private Containment containment = Containment.NONE;
    private String lockdownFailure = "";
    private Environment environment;
    private OutputStream control;
    private ExecutionControl execution;
    private ServerSocketChannel server;
    private final List<SocketChannel> channels = new ArrayList<>();

    /**
     * @param lockdownMethod how the agent makes its filesystem read-only (with a mount namespace);
     *                       empty: the best the kernel has
     * @param placement      where the agent runs, when not in a process beside the build (a virtual machine)
     */
    AgentLauncher(Path workDir, String name, Optional<Sandbox> sandbox, Map<String, String> sysctls,
                  Optional<FilesystemLockdown.Method> lockdownMethod, Optional<AgentPlacement> placement) {
        this.workDir = workDir;
        this.name = name;
        this.sandbox = sandbox;
        this.sysctls = sysctls;
        this.lockdownMethod = lockdownMethod;
        this.scratch = workDir.resolve("scratch").resolve(name);
        this.placement = placement;
    }

    /** An unsandboxed agent, for callers outside the executor (the transport benchmark in bench/). */
    public static ExecutionControlProvider unsandboxed(Path workDir, String name) {
        return new AgentLauncher(workDir, name, Optional.empty(), Map.of(), Optional.empty(), Optional.empty());
    }

    private boolean ownPidNamespace() {
        return sandbox.map(s -> s.scope() == Sandbox.Scope.ALL).orElse(false);
    }

    @Override
    public String name() {
        return "socknotes-agent";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        Files.createDirectories(scratch);
        Path socket = workDir.resolve(name + ".sock");
        if (socket.toString().length() > 100) { // sun_path holds 108 bytes
            socket = Files.createTempDirectory("socknotes-agent").resolve(name + ".sock");
        }
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        List<String> command = placement.isPresent() ? placement.get().command(socket, name, sysctls) : agentCommand(socket);
        ProcessBuilder pb = new ProcessBuilder(sandbox.map(s -> s.wrap(command, sysctls)).orElse(command))
                .directory(scratch.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + ".native-output.log").toFile());
        pb.environment().put("HOME", scratch.toString());
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
            readReport(controlChannel, deadline);
        } finally {
            server.close();
            Files.deleteIfExists(socket);
        }
        control = Channels.newOutputStream(controlChannel);
        InputStream in = Channels.newInputStream(executionChannel);
        OutputStream out = Channels.newOutputStream(executionChannel);
        execution = Util.remoteInputOutput(in, out, Map.of("out", env.userOut(), "err", env.userErr()),
                Map.of("in", env.userIn()), (objectIn, objectOut) -> new StreamingExecutionControl(objectOut, objectIn) {
                    @Override
                    public void close() {
                        kill();
                    }
                });
        return execution;
    }

    /**
     * Milliseconds the agent's snippets spent in the support library's bounded waits since the
     * last call: asked on JShell's execution channel as an extension command
     * ({@link AgentMain#WAITED_MILLIS}), between snippets, so no snippet can see or shadow it.
     */
    long takeWaitedMillis() throws ExecutionControl.ExecutionControlException {
        return (Long) execution.extensionCommand(AgentMain.WAITED_MILLIS, null);
    }

    private SocketChannel acceptFromAgent(long deadline) throws IOException, InterruptedException {
        server.configureBlocking(false);
        SocketChannel[] accepted = new SocketChannel[1];
        awaitAgent(server, SelectionKey.OP_ACCEPT, "connecting", deadline, () -> (accepted[0] = server.accept()) != null);
        accepted[0].configureBlocking(true);
        channels.add(accepted[0]);
        return accepted[0];
    }

    /** The agent's first words on the control connection ({@link AgentReport}): its filesystem, kernel and JDK. */
    private void readReport(SocketChannel control, long deadline) throws IOException, InterruptedException {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        control.configureBlocking(false);
        awaitAgent(control, SelectionKey.OP_READ, "reporting its lockdown", deadline, () -> {
            while (true) {
                one.clear();
                int n = control.read(one);
                if (n < 0) {
                    throw new IOException("the agent closed its control connection before reporting its lockdown");
                }
                if (n == 0) {
                    return false;
                }
                report.write(one.get(0));
                if (report.toString(StandardCharsets.UTF_8).endsWith("\n\n")) {
                    return true;
                }
            }
        });
        control.configureBlocking(true);
        AgentReport received = AgentReport.decode(report.toString(StandardCharsets.UTF_8));
        environment = new Environment(received.kernelRelease(), received.javaVendor(), received.javaVersion());
        String line = received.lockdown();
        if (!ownPidNamespace()) {
            containment = sandbox.isPresent() ? Containment.NETWORK : Containment.NONE;
        } else if (line.startsWith(AgentMain.READ_ONLY + " ")) {
            containment = Containment.FULL;
        } else {
            containment = Containment.PROCESSES;
            lockdownFailure = line.replaceFirst("^writable ", "");
        }
    }

    /** Where the agent runs, as it reported; known once it has started. */
    Environment environment() {
        return environment;
    }

    private interface Step {
        boolean done() throws IOException;
    }

    /** Waits, up to {@code deadline}, for {@code step} to be done on {@code channel}, while the agent lives. */
    private void awaitAgent(SelectableChannel channel, int operation, String what, long deadline, Step step)
            throws IOException, InterruptedException {
        try (Selector selector = Selector.open()) {
            channel.register(selector, operation);
            while (!step.done()) {
                if (!process.isAlive()) {
                    process.waitFor();
                    throw new IOException("the agent JVM ended before " + what + " (exit status " + process.exitValue()
                            + "); see " + workDir.resolve(name + ".native-output.log"));
                }
                if (System.nanoTime() > deadline) {
                    kill();
                    throw new IOException("the agent JVM did not finish " + what + " within the time allowed; see "
                            + workDir.resolve(name + ".native-output.log"));
                }
                selector.select(200);
                selector.selectedKeys().clear();
            }
        }
    }

    /** How far this agent is contained; known once it has started. */
    Containment containment() {
        return containment;
    }

    /** Why the filesystem is not read-only although the agent has a mount namespace ("" if it is). */
    String lockdownFailure() {
        return lockdownFailure;
    }

    /**
     * Processes the agent's snippets started that are still running (zombies aside), after giving
     * them {@code grace} to end, each as its command line. In a PID namespace that is every
     * process in it but the agent, however it was detached; without one, only the agent's
     * descendants can be found.
     */
    List<String> processesLeftRunning(Duration grace) {
        if (process == null || !process.isAlive()) {
            return List.of();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        List<ProcessHandle> left;
        while (!(left = running()).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return left.stream().map(AgentLauncher::commandLine).toList();
    }

    private List<ProcessHandle> running() {
        // in a PID namespace, unshare's one child is the agent JVM, the namespace's init
        List<ProcessHandle> agentJvm = ownPidNamespace() ? process.children().toList() : List.of(process.toHandle());
        return agentJvm.stream().flatMap(ProcessHandle::descendants).filter(AgentLauncher::runningNotZombie)
                .sorted(Comparator.comparingLong(ProcessHandle::pid)).toList();
    }

    private static boolean runningNotZombie(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false; // gone
        }
    }

    private static String commandLine(ProcessHandle p) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
            String line = new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
            if (!line.isEmpty()) {
                return line;
            }
        } catch (IOException e) {
            // fall through to what ProcessHandle knows
        }
        return p.info().command().orElse("pid " + p.pid());
    }

    /** Removes the scratch folder once the agent has ended, unless it holds a crash log a diagnostic names. */
    void deleteScratch() {
        if (Files.exists(crashLog())) {
            return;
        }
        try {
            FileTrees.deleteTree(scratch);
            FileTrees.deleteTree(staging());
        } catch (IOException e) {
            // a snippet made something undeletable; target/ is the build's to clean
        }
    }

    private Path staging() {
        return scratch.resolveSibling(name + ".staging");
    }

    /**
     * The byte that names a connection. A virtual machine's channel is connected by qemu at once,
     * long before the agent in it writes, so the wait is bounded like the accept.
     */
    private int firstByte(SocketChannel ch, long deadline) throws IOException, InterruptedException {
        ByteBuffer first = ByteBuffer.allocate(1);
        ch.configureBlocking(false);
        awaitAgent(ch, SelectionKey.OP_READ, "naming its connection", deadline, () -> {
            if (ch.read(first) < 0) {
                throw new IOException("the agent closed a connection before naming it");
            }
            return !first.hasRemaining();
        });
        ch.configureBlocking(true);
        return first.get(0);
    }

    private List<String> agentCommand(Path socket) {
        String classPath = AgentClassPath.runtime(workDir);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(List.of(
                // no perf data file (JVM_OPTIONS): a file open for writing would keep the lockdown from making its mount read-only
                "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=" + crashLog(), "-Duser.home=" + scratch,
                "-cp", classPath, AgentMain.class.getName(), socket.toString(),
                ownPidNamespace() ? "0" : Long.toString(ProcessHandle.current().pid()),
                ownPidNamespace() ? AgentMain.READ_ONLY : AgentMain.AS_IS, scratch.toString(), staging().toString(),
                classPath + File.pathSeparator + System.getProperty("java.home"),
                lockdownMethod.map(FilesystemLockdown.Method::word).orElse("auto")));
        return cmd;
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
        Duration grace = placement.map(AgentPlacement::exitGrace).orElse(Duration.ZERO);
        if (process != null && grace.isPositive()) {
            closeChannels(); // the agent sees its connections end and exits by itself
            try {
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            try {
                // In a PID namespace, killing the agent JVM (the namespace's init) ends unshare, which
                // then exits with the agent's status: killing unshare too could overwrite the status
                // of an agent that had just exited by itself.
                if (!ownPidNamespace() || !process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeChannels();
    }

    private void closeChannels() {
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

    /** The agent's process (the sandbox wrapper where there is one; the JVM is among its descendants). */
    Optional<ProcessHandle> processHandle() {
        return Optional.ofNullable(process).map(Process::toHandle);
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

    /** Where the agent JVM writes its crash log: its scratch folder, writable in the lockdown too. */
    Path crashLog() {
        return scratch.resolve("hs_err.log");
    }
}
