package dev.socknotes.exec;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.spi.ExecutionControl;

/**
 * One JShell session in one agent JVM: evaluates snippets unit by unit, captures their output,
 * enforces the time and output limits from outside, and tells what became of the agent.
 */
final class AgentSession implements AutoCloseable {
    /** What every session imports first: the jshell tool's defaults and the support library. */
    static final List<String> PRELUDE = List.of("import module java.base;", "import dev.socknotes.support.*;");

    private static final Pattern REPL_PREFIX = Pattern.compile("REPL\\.\\$JShell\\$\\d+\\$");

    private final AgentLauncher launcher;
    private final OutputCapture capture;
    private final JShell shell;
    private final ScheduledExecutorService timers;
    private final Duration stopGrace;
    private final long outputLimit;
    private final AtomicInteger running = new AtomicInteger(); // sequence number of the snippet running, 0 if none
    private int sequence;
    private volatile boolean timedOut;
    private volatile boolean killed;
    private boolean lost;

    private AgentSession(AgentLauncher launcher, OutputCapture capture, JShell shell, ScheduledExecutorService timers,
                         Duration stopGrace, long outputLimit) {
        this.outputLimit = outputLimit;
        this.launcher = launcher;
        this.capture = capture;
        this.shell = shell;
        this.timers = timers;
        this.stopGrace = stopGrace;
    }

    static AgentSession start(ExecutorSettings settings, String name, Optional<Sandbox> sandbox,
                              Map<String, String> sysctls, ScheduledExecutorService timers) throws Exception {
        return start(settings, name, sandbox, sysctls, timers, Optional.empty());
    }

    static AgentSession start(ExecutorSettings settings, String name, Optional<Sandbox> sandbox,
                              Map<String, String> sysctls, ScheduledExecutorService timers,
                              Optional<AgentPlacement> placement) throws Exception {
        AgentLauncher launcher = new AgentLauncher(settings.workDir(), name, sandbox, sysctls, settings.lockdownMethod(), placement);
        OutputCapture capture = new OutputCapture(settings.outputLimitBytes(), launcher::kill);
        PrintStream sink = new PrintStream(capture, true, StandardCharsets.UTF_8);
        JShell shell = JShell.builder()
                .executionEngine(launcher, Map.of())
                .out(sink).err(sink).in(new ByteArrayInputStream(new byte[0]))
                .compilerOptions("--class-path", AgentClassPath.compile(settings.workDir()))
                .build();
        AgentSession session = new AgentSession(launcher, capture, shell, timers, settings.stopGrace(),
                settings.outputLimitBytes());
        for (String line : PRELUDE) {
            for (SnippetEvent e : shell.eval(line)) {
                if (e.status() == Snippet.Status.REJECTED) {
                    session.close();
                    throw new IllegalStateException("prelude rejected: " + line);
                }
            }
        }
        capture.take();
        return session;
    }

    /** Where the agent runs: its kernel and JDK, as the agent itself reported them on its control channel. */
    Environment environment() {
        return launcher.environment();
    }

    /** Milliseconds this session's snippets spent in the support library's waits since the last call. */
    long takeWaitedMillis() {
        try {
            return launcher.takeWaitedMillis();
        } catch (ExecutionControl.ExecutionControlException e) {
            return 0; // the figure is for the benchmark only
        }
    }

    /** How far this session's agent is contained. */
    Containment containment() {
        return launcher.containment();
    }

    /** Why the agent's filesystem is not read-only although it has a mount namespace ("" if it is). */
    String lockdownFailure() {
        return launcher.lockdownFailure();
    }

    /**
     * Processes the snippets started that still run, as command lines; closing the session kills
     * them. A moment of grace lets the ones already ending go.
     */
    List<String> processesLeftRunning() {
        return launcher.processesLeftRunning(Duration.ofMillis(500));
    }

    /** True once a snippet killed or crashed the agent: nothing more can run in this session. */
    boolean lost() {
        return lost;
    }

    /** Output written since the last snippet ended (by threads it left running). */
    String takeStray() {
        return capture.take();
    }

    Outcome evaluate(SnippetJob job) {
        int seq = ++sequence;
        timedOut = false;
        capture.take(); // stray output was collected by the caller before this
        running.set(seq);
        Deadline deadline = arm(job.timeout(), seq, () -> stop(seq));
        Outcome outcome;
        try {
            outcome = evaluateUnits(job.code());
        } finally {
            running.set(0);
            deadline.cancel();
        }
        if (capture.overLimit()) {
            lost = true;
            String output = capture.take();
            return new Outcome.OutputLimitExceeded(output, firstLines(output, 100), outputLimit);
        }
        String output = capture.take();
        if (timedOut) {
            lost |= killed;
            return new Outcome.TimedOut(output, job.timeout(), killed);
        }
        if (!launcher.alive()) {
            lost = true;
            return new Outcome.AgentDied(output, deathReason());
        }
        return withOutput(outcome, output);
    }

    /**
     * A limit on the snippet's time, counted in the time its threads ran or slept: the time they
     * spent waiting for a CPU on a loaded machine moves the deadline, up to {@link #MAX_STRETCH}
     * times the limit in wall time (a thread bomb competes for the CPU too, and must still be
     * stopped). {@code expired} runs once the limit has passed, if snippet {@code seq} still runs.
     */
    private Deadline arm(Duration limit, int seq, Runnable expired) {
        Deadline d = new Deadline(limit, seq, System.nanoTime(), launcher.processHandle().map(CpuWait::since), expired,
                new AtomicReference<>());
        d.schedule(this, limit.toNanos());
        return d;
    }

    private record Deadline(Duration limit, int seq, long startNanos, Optional<CpuWait> cpuWait, Runnable expired,
                            AtomicReference<ScheduledFuture<?>> timer) {
        void schedule(AgentSession session, long nanos) {
            timer.set(session.timers.schedule(() -> check(session), Math.max(nanos, 10_000_000L), TimeUnit.NANOSECONDS));
        }

        void check(AgentSession session) {
            if (session.running.get() != seq) {
                return;
            }
            long elapsed = System.nanoTime() - startNanos;
            long waited = Math.min(elapsed, cpuWait.map(CpuWait::waitedNanos).orElse(0L));
            long left = limit.toNanos() - (elapsed - waited);
            if (left <= 0 || elapsed >= MAX_STRETCH * limit.toNanos()) {
                expired.run();
            } else {
                schedule(session, left);
            }
        }

        void cancel() {
            timer.get().cancel(false);
        }
    }

    private static final int MAX_STRETCH = 5;

    /** Asks the agent to interrupt the snippet; kills the agent if it has not stopped within the grace. */
    private void stop(int seq) {
        if (running.get() != seq) {
            return;
        }
        timedOut = true;
        launcher.requestStop();
        arm(stopGrace, seq, () -> {
            killed = true;
            launcher.kill();
        });
    }

    private String deathReason() {
        Optional<Integer> status = launcher.exitStatus();
        if (status.isEmpty()) {
            return "the agent JVM stopped answering";
        }
        int s = status.get();
        if (java.nio.file.Files.exists(launcher.crashLog())) {
            return "the agent JVM crashed; its crash log is " + launcher.crashLog();
        }
        if (s > 128) {
            return "the agent JVM crashed (signal " + (s - 128) + "); its crash log, if any, is " + launcher.crashLog();
        }
        return "the agent JVM exited with status " + s + " (System.exit or Runtime.halt in the snippet?)";
    }

    /** Units of the snippet in order; JShell's eval takes only the first unit of what it is given. */
    private Outcome evaluateUnits(String code) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int cursor = 0;
        List<int[]> units = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        while (cursor < code.length()) {
            String rest = code.substring(cursor);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            int start = cursor + leadingBlank(rest);
            String source;
            int consumed;
            if (info.completeness().isComplete()) {
                source = info.source();
                consumed = rest.length() - info.remaining().length();
            } else {
                source = rest;
                consumed = rest.length();
            }
            // diagnostics count from the start of the unit's source, which may keep leading blanks
            units.add(new int[] {start - Math.min(leadingBlank(source), start - cursor)});
            sources.add(source);
            cursor += Math.max(consumed, 1);
        }
        for (int i = 0; i < sources.size(); i++) {
            int unitOffset = units.get(i)[0];
            String unitSource = sources.get(i);
            List<SnippetEvent> events;
            try {
                events = shell.eval(unitSource);
            } catch (IllegalStateException e) {
                return new Outcome.AgentDied("", "the session ended: " + e.getMessage());
            }
            if (timedOut || capture.overLimit() || !launcher.alive()) {
                return new Outcome.Completed("");
            }
            int statementOffset = unitOffset + leadingBlank(unitSource); // the unit's source may start with the previous line's end
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (e.status() == Snippet.Status.REJECTED) {
                    List<Outcome.CodeProblem> problems = shell.diagnostics(e.snippet())
                            .filter(Diag::isError)
                            .map(d -> new Outcome.CodeProblem(offsetIn(code, unitOffset, unitSource, d),
                                    d.getMessage(java.util.Locale.ROOT)))
                            .toList();
                    if (problems.isEmpty()) {
                        problems = List.of(new Outcome.CodeProblem(unitOffset, "JShell rejected this code"));
                    }
                    return new Outcome.CompileError("", problems);
                }
                JShellException ex = e.exception();
                if (ex instanceof UnresolvedReferenceException unresolved) {
                    return new Outcome.CompileError("", List.of(new Outcome.CodeProblem(statementOffset,
                            "cannot use " + unresolved.getSnippet().source().strip().lines().findFirst().orElse("")
                                    + ": it refers to something not defined")));
                }
                if (ex != null) {
                    String cls = ex instanceof EvalException ee ? ee.getExceptionClassName() : ex.getClass().getName();
                    return new Outcome.Threw("", REPL_PREFIX.matcher(cls).replaceAll(""), ex.getMessage(), statementOffset,
                            i == sources.size() - 1,
                            java.util.Arrays.stream(ex.getStackTrace()).map(StackTraceElement::toString).toList());
                }
            }
        }
        return new Outcome.Completed("");
    }

    /** Maps a diagnostic's position in the unit's source back into the snippet's code. */
    private static int offsetIn(String code, int unitOffset, String unitSource, Diag d) {
        long pos = d.getStartPosition() >= 0 ? d.getStartPosition() : d.getPosition();
        if (pos < 0) {
            return unitOffset;
        }
        return (int) Math.min(code.length(), unitOffset + Math.min(pos, unitSource.length()));
    }

    private static int leadingBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Outcome withOutput(Outcome o, String output) {
        return switch (o) {
            case Outcome.Completed c -> new Outcome.Completed(output);
            case Outcome.Threw t -> new Outcome.Threw(output, t.exceptionClass(), t.message(), t.unitOffset(), t.lastUnit(),
                    t.stackTrace());
            case Outcome.CompileError c -> new Outcome.CompileError(output, c.problems());
            case Outcome.AgentDied d -> new Outcome.AgentDied(output, d.reason());
            case Outcome.TimedOut t -> new Outcome.TimedOut(output, t.limit(), t.agentKilled());
            case Outcome.OutputLimitExceeded l -> new Outcome.OutputLimitExceeded(output, l.excerpt(), l.limitBytes());
            case Outcome.Skipped s -> new Outcome.Skipped(output, s.reason());
            case Outcome.Unavailable u -> u;
        };
    }

    private static String firstLines(String s, int n) {
        return s.lines().limit(n).reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append)
                .toString();
    }

    @Override
    public void close() {
        try {
            shell.close();
        } finally {
            launcher.kill();
            launcher.deleteScratch();
        }
    }
}
