package dev.socknotes.exec;

import dev.socknotes.config.SandboxPolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real agent JVMs and real JShell sessions. */
class ExecutorTest {
    @TempDir
    Path work;

    private List<TopicResult> run(TopicJob... jobs) {
        try (Executor executor = new Executor(ExecutorSettings.defaults(work).withWorkers(2))) {
            return executor.run(List.of(jobs));
        }
    }

    private static SnippetJob job(String label, String code, Duration timeout) {
        return new SnippetJob(label, code, timeout, false);
    }

    @Test
    void snippetsOfATopicShareOneSessionAndOutputInterleavesOutAndErr() {
        TopicResult r = run(new TopicJob("t", List.of(
                job("a", "int x = 41;", Duration.ofSeconds(10)),
                job("b", "System.out.println(\"out \" + (x + 1));\nSystem.err.println(\"err\");\nSystem.out.println(\"out again\");",
                        Duration.ofSeconds(10))), Map.of())).getFirst();
        assertThat(r.results().get(1).outcome()).isEqualTo(new Outcome.Completed("out 42\nerr\nout again\n"));
        assertThat(r.environment().javaVersion()).startsWith(Integer.toString(Runtime.version().feature()));
    }

    @Test
    void interruptibleSnippetIsStoppedAndTheSessionLivesOn() {
        TopicResult r = run(new TopicJob("t", List.of(
                job("a", "int kept = 7;", Duration.ofSeconds(10)),
                job("b", "Thread.sleep(600_000);", Duration.ofMillis(500)),
                job("c", "System.out.println(kept);", Duration.ofSeconds(10))), Map.of())).getFirst();
        assertThat(r.results().get(1).outcome()).isInstanceOfSatisfying(Outcome.TimedOut.class,
                t -> assertThat(t.agentKilled()).isFalse());
        assertThat(r.results().get(2).outcome()).isEqualTo(new Outcome.Completed("7\n"));
    }

    @Test
    void snippetBlockedInAcceptIsKilledAndTheRestOfTheTopicIsSkipped() {
        TopicResult r = run(new TopicJob("t", List.of(
                job("a", "new ServerSocket(0).accept();", Duration.ofMillis(500)),
                job("b", "System.out.println(1);", Duration.ofSeconds(10)),
                new SnippetJob("c", "System.out.println(\"fresh\");", Duration.ofSeconds(10), true)), Map.of())).getFirst();
        assertThat(r.results().get(0).outcome()).isInstanceOfSatisfying(Outcome.TimedOut.class,
                t -> assertThat(t.agentKilled()).isTrue());
        assertThat(r.results().get(1).outcome()).isInstanceOf(Outcome.Skipped.class);
        assertThat(r.results().get(2).outcome()).isEqualTo(new Outcome.Completed("fresh\n"));
    }

    @Test
    void timeInTheSupportLibrarysBoundedWaitsIsCountedButTheCounterIsNoApiOfTheSnippets() {
        TopicResult r = run(new TopicJob("t", List.of(
                job("a", "System.out.println(Bounded.call(\"sleep\", Duration.ofSeconds(5), () -> { Thread.sleep(300); return 1; }).outcome());",
                        Duration.ofSeconds(10)),
                job("b", "dev.socknotes.support.Waits.takeMillis();", Duration.ofSeconds(10))), Map.of())).getFirst();
        assertThat(r.results().get(0).outcome()).isEqualTo(new Outcome.Completed("RETURNED\n"));
        assertThat(r.waited()).isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
        assertThat(r.results().get(1).outcome()).isInstanceOfSatisfying(Outcome.CompileError.class,
                c -> assertThat(c.problems().getFirst().message()).contains("not public"));
    }

    @Test
    void compileErrorPointsIntoTheSnippetCode() {
        String code = "int a = 1;\nint b = a + undefinedThing;";
        TopicResult r = run(new TopicJob("t", List.of(job("a", code, Duration.ofSeconds(10))), Map.of())).getFirst();
        assertThat(r.results().getFirst().outcome()).isInstanceOfSatisfying(Outcome.CompileError.class,
                c -> assertThat(c.problems().getFirst().offset()).isEqualTo(code.indexOf("undefinedThing")));
    }

    @Test
    void exceptionOfAClassDeclaredInTheSnippetLosesJShellsPrefix() {
        TopicResult r = run(new TopicJob("t", List.of(job("a",
                "class Oops extends RuntimeException { Oops() { super(\"no\"); } }\nthrow new Oops();",
                Duration.ofSeconds(10))), Map.of())).getFirst();
        assertThat(r.results().getFirst().outcome()).isInstanceOfSatisfying(Outcome.Threw.class, t -> {
            assertThat(t.exceptionClass()).isEqualTo("Oops");
            assertThat(t.message()).isEqualTo("no");
            assertThat(t.lastUnit()).isTrue();
        });
    }

    @Test
    void outputOfALeftoverThreadIsCapturedWithItsSnippetOrAsStrayOutput() {
        TopicResult r = run(new TopicJob("t", List.of(
                job("a", "var gate = new java.util.concurrent.CountDownLatch(1);\n"
                        + "new Thread(() -> { try { gate.await(); } catch (InterruptedException e) { } System.out.println(\"late\"); }).start();",
                        Duration.ofSeconds(10)),
                job("b", "gate.countDown(); Thread.sleep(0);", Duration.ofSeconds(10)),
                job("c", "System.out.println(\"c\");", Duration.ofSeconds(10))), Map.of())).getFirst();
        String strayAndOutput = r.results().get(1).outcome().output() + r.results().get(1).strayOutput();
        assertThat(strayAndOutput).contains("late");
        assertThat(r.results().get(0).strayOutput()).isEmpty();
    }

    @Test
    void resultsComeInJobOrderWhateverFinishesFirst() {
        List<TopicResult> results = run(
                new TopicJob("slow", List.of(job("a", "Thread.sleep(1500); System.out.println(\"slow\");", Duration.ofSeconds(10))), Map.of()),
                new TopicJob("fast", List.of(job("a", "System.out.println(\"fast\");", Duration.ofSeconds(10))), Map.of()));
        assertThat(results).extracting(TopicResult::topic).containsExactly("slow", "fast");
        assertThat(results.get(0).results().getFirst().outcome().output()).isEqualTo("slow\n");
    }

    @Test
    void redeclaringAVariableRunsOnlyTheNewInitializer() {
        // RemoteExecutionControl "redefines" without a debugger by doing nothing, which made the
        // old initializer run again; the agent refuses redefinition so JShell loads a new class.
        TopicResult r = run(new TopicJob("t", List.of(
                job("a", "int calls = 0;\nlong f() { return ++calls; }\nlong sent = f();", Duration.ofSeconds(10)),
                job("b", "long sent = 0;\nSystem.out.println(calls + \" \" + sent);\nString sent = \"text\";\nSystem.out.println(calls + \" \" + sent);",
                        Duration.ofSeconds(10))), Map.of())).getFirst();
        assertThat(r.results().get(1).outcome()).isEqualTo(new Outcome.Completed("1 0\n1 text\n"));
    }

    @Test
    void aTopicWithSysctlsIsUnavailableWithoutASandbox() {
        List<TopicResult> r;
        try (Executor executor = new Executor(ExecutorSettings.defaults(work).withSandbox(SandboxPolicy.OFF))) {
            r = executor.run(List.of(new TopicJob("t", List.of(job("a", "System.out.println(1);", Duration.ofSeconds(10))),
                    Map.of("net.ipv4.tcp_fin_timeout", "5"))));
        }
        assertThat(r.getFirst().results().getFirst().outcome()).isInstanceOfSatisfying(Outcome.Unavailable.class,
                u -> assertThat(u.reason()).contains("net.ipv4.tcp_fin_timeout"));
    }
}
