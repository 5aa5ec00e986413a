package dev.socknotes.exec.agent;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.InternalException;
import jdk.jshell.spi.ExecutionControl.NotImplementedException;
import jdk.jshell.spi.ExecutionControl.RunException;

/**
 * The main class of an agent JVM: connects back to the build over a path-based Unix domain socket
 * (it crosses network namespaces, and native writes to fd 1/2 cannot corrupt it) and serves
 * JShell's execution protocol on it. A second connection carries stop requests, which interrupt the
 * thread running snippet code; its end (the build closed it or died) ends this JVM at once. Before
 * serving, the agent locks its filesystem down when asked to, and reports how on that connection.
 */
public final class AgentMain {
    /** First byte on the control connection. */
    public static final int CONTROL = 'C';
    /** First byte on the execution connection. */
    public static final int EXECUTION = 'J';
    /** Sent on the control connection to interrupt the running snippet. */
    public static final int STOP = 'S';

    /**
     * The extension command on the execution connection that answers (a Long) how many
     * milliseconds this JVM's snippets waited in the support library's bounded waits since the
     * last time asked: build instrumentation, kept out of the library's public API.
     */
    public static final String WAITED_MILLIS = "socknotes.waitedMillis";

    /** The support library's package-private counter of waited time, read by reflection. */
    private static final String WAITS_CLASS = "dev.socknotes.support.Waits";

    private AgentMain() {}

    /** First argument of an agent in a virtual machine: its channels are virtio-serial ports, not a socket. */
    public static final String VIRTIO_SERIAL = "--virtio-serial";

    /** Lockdown argument: make the filesystem read-only (the agent has a mount namespace of its own). */
    public static final String READ_ONLY = "read-only";
    /** Lockdown argument: leave the filesystem as it is (no mount namespace). */
    public static final String AS_IS = "as-is";

    /**
     * Arguments: the socket, the parent's pid as this JVM sees it (0: outside its PID namespace),
     * {@link #READ_ONLY} or {@link #AS_IS}, the scratch folder, the staging folder for the private
     * /tmp, the paths to keep visible (path-separator separated), and the lockdown method to use
     * ("auto" or a {@link FilesystemLockdown.Method} word). In a virtual machine: {@code --virtio-serial
     * CONTROL_PORT EXECUTION_PORT PARENT_PID}, where qemu joins each port to a Unix socket connection
     * on the host, and the machine is the sandbox (no lockdown).
     */
    public static void main(String[] args) throws Throwable {
        boolean virtio = args[0].equals(VIRTIO_SERIAL);
        dieWithParent(Long.parseLong(args[virtio ? 3 : 1]));
        StoppableExecutionControl executionControl = new StoppableExecutionControl();
        // both connections first: the socket may live in the /tmp that the lockdown hides
        Channel control = virtio ? Channel.port(Path.of(args[1])) : Channel.socket(Path.of(args[0]));
        control.out().write(CONTROL);
        control.out().flush();
        Channel execution = virtio ? Channel.port(Path.of(args[2])) : Channel.socket(Path.of(args[0]));
        OutputStream out = execution.out();
        out.write(EXECUTION);
        out.flush();
        control.out().write(AgentReport.ofThisJvm(virtio ? AS_IS : lockDown(args)).encode().getBytes(StandardCharsets.UTF_8));
        control.out().flush();
        Thread watcher = new Thread(() -> watchControl(control.in(), executionControl), "socknotes-agent-control");
        watcher.setDaemon(true);
        watcher.start();

        InputStream in = execution.in();
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", s -> System.setOut(new PrintStream(s, true, StandardCharsets.UTF_8)),
                "err", s -> System.setErr(new PrintStream(s, true, StandardCharsets.UTF_8)));
        Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
        try {
            Util.forwardExecutionControlAndIO(executionControl, in, out, outputs, inputs);
        } finally {
            Runtime.getRuntime().halt(0);
        }
    }

    /** "read-only METHOD", "writable REASON" (the build decides whether that is acceptable) or "as-is". */
    private static String lockDown(String[] args) {
        if (!args[2].equals(READ_ONLY)) {
            return AS_IS;
        }
        List<Path> keep = Arrays.stream(args[5].split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList();
        Optional<FilesystemLockdown.Method> method = args[6].equals("auto") ? Optional.empty()
                : Optional.of(FilesystemLockdown.Method.of(args[6]));
        try {
            return READ_ONLY + " " + FilesystemLockdown.apply(
                    new FilesystemLockdown.Plan(Path.of(args[3]), Path.of(args[4]), keep), method).word();
        } catch (FilesystemLockdown.LockdownException | java.io.IOException e) {
            return "writable " + e.getMessage().replace('\n', ' ');
        }
    }

    /** One connection to the build, both directions. */
    private record Channel(InputStream in, OutputStream out) {
        static Channel socket(Path path) throws java.io.IOException {
            SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(path));
            return new Channel(Channels.newInputStream(ch), Channels.newOutputStream(ch));
        }

        /** A virtio-serial port's character device; reads end when the host side closes. */
        @SuppressWarnings("resource") // open as long as this JVM lives
        static Channel port(Path device) throws java.io.IOException {
            java.io.RandomAccessFile file = new java.io.RandomAccessFile(device.toFile(), "rw");
            return new Channel(new java.io.FileInputStream(file.getFD()), new java.io.FileOutputStream(file.getFD()));
        }
    }

    private static void watchControl(InputStream control, StoppableExecutionControl executionControl) {
        try {
            int b;
            while ((b = control.read()) != -1) {
                if (b == STOP) {
                    executionControl.interruptClientCode();
                }
            }
        } catch (java.io.IOException e) {
            // the build is gone either way: fall through and end
        }
        Runtime.getRuntime().halt(0);
    }

    /**
     * Interrupts the thread running snippet code, only while it runs snippet code: an interrupt
     * landing in JShell's own command loop would be lost or break it.
     */
    static final class StoppableExecutionControl extends RemoteExecutionControl {
        private final Object lock = new Object();
        private Thread clientThread;

        /**
         * RemoteExecutionControl's redefine only records the classes, because with JDI the
         * controller swaps the bytecode through the debugger. Without a debugger nothing is
         * swapped, and a redeclared variable would run its old initializer again. Refusing makes
         * JShell load the new declaration under a fresh class name instead.
         */
        @Override
        public void redefine(ClassBytecodes[] cbcs) throws NotImplementedException {
            throw new NotImplementedException("redefine needs a debugger; this agent has none");
        }

        @Override
        public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException,
                InternalException {
            if (!command.equals(WAITED_MILLIS)) {
                return super.extensionCommand(command, arg);
            }
            try {
                Method take = Class.forName(WAITS_CLASS).getDeclaredMethod("takeMillis");
                take.setAccessible(true); // package-private: not the library's API
                return (Long) take.invoke(null);
            } catch (ReflectiveOperationException e) {
                throw new InternalException("cannot read " + WAITS_CLASS + ": " + e);
            }
        }

        @Override
        protected String invoke(Method doitMethod) throws Exception {
            synchronized (lock) {
                clientThread = Thread.currentThread();
            }
            try {
                return super.invoke(doitMethod);
            } finally {
                synchronized (lock) {
                    clientThread = null;
                }
                Thread.interrupted(); // a stop that arrived as the snippet ended must not leak into the next one
            }
        }

        void interruptClientCode() {
            synchronized (lock) {
                if (clientThread != null) {
                    clientThread.interrupt();
                }
            }
        }
    }

    /**
     * Asks the kernel to SIGKILL this JVM when its parent ends, so no agent outlives a killed
     * build; then checks the parent did not end before the request was made. The parent is the
     * build JVM's spawning thread, or, in a PID namespace, unshare (outside it, so pid 0 here),
     * which itself dies with that thread ({@code setpriv --pdeathsig}).
     */
    private static void dieWithParent(long expectedParent) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle prctl = linker.downcallHandle(linker.defaultLookup().find("prctl").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG),
                Linker.Option.firstVariadicArg(1));
        int prSetPdeathsig = 1;
        int sigkill = 9;
        int rc = (int) prctl.invokeExact(prSetPdeathsig, (long) sigkill);
        if (rc != 0) {
            throw new IllegalStateException("prctl(PR_SET_PDEATHSIG) failed");
        }
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L); // 0: in another PID namespace
        if (parent != expectedParent) {
            Runtime.getRuntime().halt(70);
        }
    }
}
