package dev.socknotes.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.exec.ExecutorSettings.SandboxPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents in their own user + network namespace, with real agents. The machine must be able to
 * make a sandbox (CI can): these tests fail rather than skip when it cannot.
 */
class SandboxTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path work;

    private List<TopicResult> runSandboxed(TopicJob... jobs) {
        try (Executor executor = new Executor(ExecutorSettings.defaults(work).withWorkers(2).withSandbox(SandboxPolicy.ON))) {
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
        // Each binds 127.0.0.1:4242, says so with a file, and keeps the port until it sees the
        // other's file: both holding the port at once is only possible in separate namespaces.
        String code = """
                var ss = new ServerSocket(4242, 1, InetAddress.getLoopbackAddress());
                Files.writeString(Path.of("%1$s", "%%s.bound".formatted(ME)), "");
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (!Files.exists(Path.of("%1$s", OTHER + ".bound")) && System.nanoTime() < deadline) Thread.sleep(10);
                System.out.println("bound 4242, other bound too: " + Files.exists(Path.of("%1$s", OTHER + ".bound")));
                ss.close();
                """.formatted(work.toString().replace("\\", "\\\\"));
        List<TopicResult> r = runSandboxed(
                topic("a", Map.of(), "String ME = \"a\", OTHER = \"b\";", code),
                topic("b", Map.of(), "String ME = \"b\", OTHER = \"a\";", code));
        assertThat(output(r.get(0), 1)).isEqualTo("bound 4242, other bound too: true\n");
        assertThat(output(r.get(1), 1)).isEqualTo("bound 4242, other bound too: true\n");
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
}
