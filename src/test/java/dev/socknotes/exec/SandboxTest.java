package dev.socknotes.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.config.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents in their own user, network, PID and mount namespaces, with real agents. The machine must be able to
 * make a sandbox (CI can): these tests fail rather than skip when it cannot.
 */
class SandboxTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private List<TopicResult> runSandboxed(TopicJob... jobs) {
        return run(ExecutorSettings.defaults(work).withWorkers(2).withSandbox(SandboxPolicy.ON), jobs);
    }

    private static List<TopicResult> run(ExecutorSettings settings, TopicJob... jobs) {
        try (Executor executor = new Executor(settings)) {
            return executor.run(List.of(jobs));
        }
    }

    private static String output(TopicResult r, int i) {
        Outcome o = r.results().get(i).outcome();
        assertThat(o).as("snippet %d of %s", i, r.topic()).isInstanceOf(Outcome.Completed.class);
        return ((Outcome.Completed) o).output();
    }

    private static TopicJob topic(String name, Map<String, String> sysctls, String... snippets) {
        List<SnippetJob> jobs = new java.util.ArrayList<>();
        for (int i = 0; i < snippets.length; i++) {
            jobs.add(new SnippetJob(name + "#" + i, snippets[i], LIMIT, false));
        }
        return new TopicJob(name, jobs, sysctls);
    }

    @Test
    void twoSessionsBindTheSameFixedPortAtTheSameTime() {
        // Each binds 127.0.0.1:4242 and holds it for a while, saying when on the machine's monotonic
        // clock (the agents share no writable folder to tell each other): overlapping holds are only
        // possible in separate namespaces.
        String code = """
                var ss = new ServerSocket(4242, 1, InetAddress.getLoopbackAddress());
                long from = System.nanoTime();
                Thread.sleep(6000);
                System.out.println(from + " " + System.nanoTime());
                ss.close();
                """;
        List<TopicResult> r = runSandboxed(topic("a", Map.of(), code), topic("b", Map.of(), code));
        long[] a = Arrays.stream(output(r.get(0), 0).strip().split(" ")).mapToLong(Long::parseLong).toArray();
        long[] b = Arrays.stream(output(r.get(1), 0).strip().split(" ")).mapToLong(Long::parseLong).toArray();
        assertThat(Math.max(a[0], b[0])).as("both held port 4242 at once").isLessThan(Math.min(a[1], b[1]));
    }

    @Test
    void theSandboxHasOnlyLoopbackAndNoRoutesOut() {
        // Inspected, never tested by sending traffic anywhere.
        TopicResult r = runSandboxed(topic("net", Map.of(), """
                NetworkInterface.networkInterfaces().map(NetworkInterface::getName).sorted().forEach(System.out::println);
                System.out.println("ipv4 routes: " + (Files.readAllLines(Path.of("/proc/net/route")).size() - 1));
                System.out.println("ipv6 routes off lo: " + Files.readAllLines(Path.of("/proc/net/ipv6_route")).stream()
                        .filter(l -> !l.strip().endsWith(" lo")).count());
                """)).getFirst();
        assertThat(output(r, 0)).isEqualTo("lo\nipv4 routes: 0\nipv6 routes off lo: 0\n");
    }

    @Test
    void aTopicsSysctlIsInvisibleOnTheHostAndInAnotherSandbox() throws Exception {
        Path setting = Path.of("/proc/sys/net/ipv4/tcp_fin_timeout");
        String hostBefore = Files.readString(setting).strip();
        String read = "System.out.println(Files.readString(Path.of(\"/proc/sys/net/ipv4/tcp_fin_timeout\")).strip());";
        List<TopicResult> r = runSandboxed(
                topic("short", Map.of("net.ipv4.tcp_fin_timeout", "7"), read),
                topic("plain", Map.of(), read));
        assertThat(output(r.get(0), 0)).isEqualTo("7\n");
        assertThat(output(r.get(1), 0).strip()).isNotEqualTo("7");
        assertThat(Files.readString(setting).strip()).isEqualTo(hostBefore).isNotEqualTo("7");
    }

    @Test
    void aCapturedCloseWithUnreadDataShowsAnRstAndNoFin() {
        TopicResult r = runSandboxed(topic("rst", Map.of(), """
                var capture = Capture.start();
                var pair = Loopback.rawPair();
                Libc.send(pair.client(), "unread", 0);
                Libc.close(pair.server());
                TcpState.await(pair.clientPort(), pair.serverPort(), "(gone)", Duration.ofSeconds(5));
                capture.print(pair);
                pair.close();
                """)).getFirst();
        List<String> lines = output(r, 0).lines().toList();
        assertThat(lines.getFirst()).startsWith("client → server  [S]");
        assertThat(lines).anyMatch(l -> l.startsWith("server → client  [R"));
        assertThat(lines).noneMatch(l -> l.contains("[F"));
    }

    @Test
    void aControlCaptureOfABulkTransferKeepsOnlyTheHandshakeAndTheFins() {
        // An unfiltered capture of the same prints about 150 lines, one more or fewer from run to run.
        TopicResult r = runSandboxed(topic("bulk", Map.of(), """
                var capture = Capture.startControl();
                var pair = Loopback.rawPair();
                long sent = Bulk.sendUntilFull(pair.client());
                Libc.shutdown(pair.client(), Libc.SHUT_WR);
                System.out.println("read all: " + (Bulk.readToEof(pair.server()) == sent));
                Libc.close(pair.server());
                TcpState.await(pair.clientPort(), pair.serverPort(), "TIME_WAIT", Duration.ofSeconds(5));
                capture.print(pair);
                pair.close();
                """)).getFirst();
        List<String> lines = output(r, 0).lines().toList();
        assertThat(lines.subList(0, 4)).containsExactly("read all: true",
                "client → server  [S]", "server → client  [S.]   acks client's SYN", "client → server  [.]    acks server's SYN");
        assertThat(lines.subList(4, lines.size())).as("only FINs and their first acknowledgements")
                .allMatch(l -> l.contains("[F") || l.endsWith("FIN"))
                .anyMatch(l -> l.startsWith("client → server  [F"))
                .anyMatch(l -> l.startsWith("server → client  [F"))
                .anyMatch(l -> l.contains("acks client's FIN"))
                .anyMatch(l -> l.contains("acks server's FIN"))
                .hasSizeBetween(3, 4);
    }

    @Test
    void everyProcessATopicStartedIsNamedAtItsLastSnippetAndGoneAfterIt() throws Exception {
        String marker = Long.toString(ProcessHandle.current().pid());
        TopicResult r = runSandboxed(topic("procs", Map.of(),
                "new ProcessBuilder(\"sleep\", \"3001" + marker + "\").start();",
                // setsid and a shell that ends at once: the sleep is nobody's child but the namespace's init
                "new ProcessBuilder(\"sh\", \"-c\", \"setsid sleep 3002" + marker + " </dev/null >/dev/null 2>&1 &\").start().waitFor();",
                "System.out.println(\"done\");")).getFirst();
        assertThat(r.containment()).isEqualTo(Containment.FULL);
        assertThat(r.results().get(0).processesLeftRunning()).isEmpty();
        assertThat(r.results().get(2).processesLeftRunning())
                .containsExactlyInAnyOrder("sleep 3001" + marker, "sleep 3002" + marker);
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("")))
                .as("no process of the topic is left on the host").noneMatch(a -> a.contains(marker) && a.startsWith("300"));
    }

    @Test
    void aSnippetSeesNoProcessButItsOwnAndCannotSignalTheBuild() {
        long build = ProcessHandle.current().pid();
        TopicResult r = runSandboxed(topic("pids", Map.of(), """
                System.out.println("pid " + ProcessHandle.current().pid());
                System.out.println("parent visible: " + ProcessHandle.current().parent().isPresent());
                System.out.println("other processes: " + ProcessHandle.allProcesses().filter(p -> !p.equals(ProcessHandle.current())).count());
                var kill = new ProcessBuilder("kill", "-9", "%d").redirectErrorStream(true).start();
                System.out.println("kill -9 the build: exit " + kill.waitFor());
                """.formatted(build))).getFirst();
        assertThat(output(r, 0)).isEqualTo("pid 1\nparent visible: false\nother processes: 0\nkill -9 the build: exit 1\n");
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void theFilesystemIsReadOnlyButTheScratchFolderAndAPrivateTmp() throws Exception {
        assertReadOnlyButScratchAndTmp(ExecutorSettings.defaults(work).withSandbox(SandboxPolicy.ON));
    }

    @Test
    void remountingEachMountMakesTheSameLockdownWhereMountSetattrIsMissing() throws Exception {
        assertReadOnlyButScratchAndTmp(ExecutorSettings.defaults(work).withSandbox(SandboxPolicy.ON)
                .withLockdownMethod(dev.socknotes.exec.agent.FilesystemLockdown.Method.REMOUNT_EACH));
    }

    private void assertReadOnlyButScratchAndTmp(ExecutorSettings settings) throws Exception {
        // the build's own target folder (a write that got through would only leave a stray file there)
        Path outside = Path.of("target", "socknotes-escape-" + ProcessHandle.current().pid()).toAbsolutePath();
        Path hostTmp = Path.of("/tmp", "socknotes-escape-" + ProcessHandle.current().pid());
        String code = """
                void attempt(String what, Path p) {
                    try { Files.writeString(p, "x"); System.out.println(what + ": written"); }
                    catch (IOException e) { System.out.println(what + ": " + e); }
                }
                attempt("outside", Path.of("%s"));
                attempt("tmp", Path.of("%s"));
                attempt("home", Path.of(System.getProperty("user.home"), "h"));
                attempt("cwd", Path.of("c"));
                System.out.println("cwd is home: " + Files.isSameFile(Path.of(""), Path.of(System.getenv("HOME"))));
                System.out.println("fin_timeout " + Files.readString(Path.of("/proc/sys/net/ipv4/tcp_fin_timeout")).strip());
                """.formatted(outside, hostTmp);
        TopicResult r = run(settings, topic("files", Map.of("net.ipv4.tcp_fin_timeout", "9"), code)).getFirst();
        assertThat(output(r, 0)).isEqualTo("""
                outside: java.nio.file.FileSystemException: %s: Read-only file system
                tmp: written
                home: written
                cwd: written
                cwd is home: true
                fin_timeout 9
                """.formatted(outside));
        assertThat(r.containment()).isEqualTo(Containment.FULL);
        assertThat(outside).doesNotExist();
        assertThat(hostTmp).as("the snippet's /tmp is its own").doesNotExist();
        assertThat(work.resolve("scratch")).as("scratch folders are removed with their agent").isEmptyDirectory();
    }

    @Test
    void theNetworkPolicyGivesTheNetworkNamespaceOnly() {
        TopicResult r = run(ExecutorSettings.defaults(work).withSandbox(SandboxPolicy.NETWORK),
                topic("net-only", Map.of(), "System.out.println(ProcessHandle.current().pid() != 1);")).getFirst();
        assertThat(output(r, 0)).isEqualTo("true\n");
        assertThat(r.containment()).isEqualTo(Containment.NETWORK);
    }
}
