import dev.socknotes.exec.AgentLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Transport benchmark: the same JShell workload on three execution engines — socknotes' agent
 * (Unix domain socket), JShell's default JDI engine, and local execution in this JVM (the floor).
 * Prints one table of medians over several runs; every engine runs in the same invocation.
 *
 * Run through bench/run (it builds the class path); arguments: runs, evals per run.
 */
public final class TransportBench {
    record Measure(double startMs, double firstEvalMs, double perEvalMs, double socketEvalMs) {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int evals = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path work = Files.createTempDirectory("socknotes-bench");
        Map<String, Supplier<ExecutionControlProvider>> engines = new java.util.LinkedHashMap<>();
        engines.put("socknotes agent (unix socket)", () -> AgentLauncher.unsandboxed(work, "bench"));
        engines.put("JShell default (JDI, localhost)", () -> builtIn("jdi"));
        engines.put("local (same JVM, the floor)", () -> builtIn("local"));
        Map<String, List<Measure>> results = new java.util.LinkedHashMap<>();
        engines.keySet().forEach(k -> results.put(k, new ArrayList<>()));
        for (int r = 0; r < runs; r++) {
            // Engines interleaved per run, so drift in machine load hits all of them alike.
            for (var e : engines.entrySet()) {
                results.get(e.getKey()).add(measure(e.getValue().get(), evals));
            }
        }
        System.out.printf("Transport: %d runs per engine, %d evals per run; medians in ms%n%n", runs, evals);
        System.out.printf("| %-32s | %9s | %10s | %8s | %12s |%n", "engine", "start", "first eval", "per eval", "socket eval");
        System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(34), "-".repeat(11), "-".repeat(12), "-".repeat(10), "-".repeat(14));
        for (var e : results.entrySet()) {
            List<Measure> m = e.getValue();
            System.out.printf("| %-32s | %9.1f | %10.1f | %8.2f | %12.2f |%n", e.getKey(),
                    median(m, Measure::startMs), median(m, Measure::firstEvalMs),
                    median(m, Measure::perEvalMs), median(m, Measure::socketEvalMs));
        }
        System.out.println();
        System.out.println("start = launching and connecting the engine; first eval = a println right after;");
        System.out.println("per eval = median of `int vN = N; System.out.println(vN);`; socket eval = median of a");
        System.out.println("loopback connect/write/read/close snippet (the shape of the site's snippets).");
    }

    private static ExecutionControlProvider builtIn(String name) {
        for (ExecutionControlProvider p : ServiceLoader.load(ExecutionControlProvider.class, ClassLoader.getSystemClassLoader())) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalStateException("no execution engine named " + name);
    }

    /** Times generate() separately from the evals, by wrapping the provider. */
    private static Measure measure(ExecutionControlProvider provider, int evals) throws Exception {
        long[] startNanos = new long[1];
        ExecutionControlProvider timed = new ExecutionControlProvider() {
            @Override
            public String name() {
                return provider.name();
            }

            @Override
            public Map<String, String> defaultParameters() {
                return provider.defaultParameters();
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
                long t0 = System.nanoTime();
                ExecutionControl ec = provider.generate(env, parameters);
                startNanos[0] = System.nanoTime() - t0;
                return ec;
            }
        };
        Map<String, String> params = new HashMap<>(provider.defaultParameters());
        if (provider.name().equals("jdi")) {
            params.put("hostname", "localhost"); // what JShell's default failover spec tries first
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        System.setOut(out); // local execution prints to this JVM's System.out
        long t0 = System.nanoTime();
        try (JShell js = JShell.builder().out(out).err(out).executionEngine(timed, params).build()) {
            // Some engines start in build(), others on the first eval: time both together, minus the start.
            eval(js, "System.out.println(\"hello\");");
            double firstEval = (System.nanoTime() - t0 - startNanos[0]) / 1e6;
            double[] each = new double[evals];
            for (int i = 0; i < evals; i++) {
                long t = System.nanoTime();
                eval(js, "int v" + i + " = " + i + "; System.out.println(v" + i + ");");
                each[i] = (System.nanoTime() - t) / 1e6;
            }
            eval(js, "import java.net.*; import java.io.*;");
            eval(js, "ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());");
            double[] sockets = new double[evals];
            for (int i = 0; i < evals; i++) {
                long t = System.nanoTime();
                eval(js, """
                        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), ss.getLocalPort()); Socket s = ss.accept()) {
                            c.getOutputStream().write(%d); c.shutdownOutput(); System.out.println(s.getInputStream().read());
                        }""".formatted(i % 100));
                sockets[i] = (System.nanoTime() - t) / 1e6;
            }
            eval(js, "ss.close();");
            return new Measure(startNanos[0] / 1e6, firstEval, median(each), median(sockets));
        } finally {
            System.setOut(stdout);
        }
    }

    private static void eval(JShell js, String source) {
        String remaining = source;
        while (!remaining.isBlank()) {
            var info = js.sourceCodeAnalysis().analyzeCompletion(remaining);
            for (SnippetEvent ev : js.eval(info.source())) {
                if (ev.exception() != null || ev.status() == Snippet.Status.REJECTED) {
                    throw new IllegalStateException("benchmark snippet failed: " + info.source(), ev.exception());
                }
            }
            remaining = info.remaining();
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double median(List<Measure> ms, java.util.function.ToDoubleFunction<Measure> f) {
        return median(ms.stream().mapToDouble(f).toArray());
    }
}
