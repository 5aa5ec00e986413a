package dev.socknotes.exec;

import dev.socknotes.config.SandboxPolicy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Executes topics' snippets: each topic in its own agent JVM (a fresh one for a {@code reset}
 * snippet), topics in parallel up to {@link ExecutorSettings#workers()}, results in the order of
 * the jobs whatever order they finish in.
 */
public final class Executor implements AutoCloseable {
    private final ExecutorSettings settings;
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final Sandbox.Availability sandbox;
    private final Optional<AgentPlacement> placement;
    /** Where the agents run; every agent runs on this machine with this JDK, so the first one is asked. */
    private final AtomicReference<Environment> environment = new AtomicReference<>();
    private final AtomicInteger agentCounter = new AtomicInteger();

    public Executor(ExecutorSettings settings) {
        this(settings, Optional.empty());
    }

    /**
     * Agents placed elsewhere, e.g. in virtual machines of the kernel matrix: there each topic's
     * agent has a machine of its own, which is its sandbox, so no namespace is made here.
     */
    public Executor(ExecutorSettings settings, AgentPlacement placement) {
        this(settings, Optional.of(placement));
    }

    private Executor(ExecutorSettings settings, Optional<AgentPlacement> placement) {
        this.settings = settings;
        this.placement = placement;
        // Agents are started and ended on these threads, which live as long as the executor: the
        // agents' parent-death signal follows the thread that started them.
        this.workers = Executors.newFixedThreadPool(settings.workers(), Thread.ofPlatform().name("socknotes-exec-", 1).factory());
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("socknotes-timer").factory());
        this.sandbox = placement.isPresent() && settings.sandbox() != SandboxPolicy.OFF
                ? new Sandbox.Availability(Optional.empty(), "the agent's machine is its sandbox")
                : switch (settings.sandbox()) {
            case OFF -> new Sandbox.Availability(Optional.empty(), "turned off (socknotes.sandbox=off)");
            case NETWORK -> Sandbox.probe(Sandbox.Scope.NETWORK);
            case AUTO, ON -> Sandbox.probe(Sandbox.Scope.ALL);
        };
    }

    /** In which namespaces agents run, and what is missing, if anything, and why. */
    public Sandbox.Availability sandbox() {
        return sandbox;
    }

    public List<TopicResult> run(List<TopicJob> jobs) {
        List<Future<TopicResult>> futures = new ArrayList<>();
        for (TopicJob job : jobs) {
            futures.add(workers.submit(() -> runTopic(job)));
        }
        List<TopicResult> results = new ArrayList<>();
        for (Future<TopicResult> f : futures) {
            try {
                results.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while executing snippets", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("executing a topic failed: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private TopicResult runTopic(TopicJob job) {
        long started = System.nanoTime();
        List<SnippetResult> results = new ArrayList<>();
        Optional<String> refusal = refusal(job);
        if (refusal.isPresent()) {
            for (SnippetJob s : job.snippets()) {
                results.add(new SnippetResult(new Outcome.Unavailable(refusal.get()), ""));
            }
            return new TopicResult(job.topic(), results, null, null);
        }
        Optional<Sandbox> box = sandbox.sandbox();
        Environment environment = null;
        Containment containment = null;
        AgentSession session = null;
        String lostReason = null;
        long waitedMillis = 0;
        try {
            for (SnippetJob s : job.snippets()) {
                if (s.freshAgent()) {
                    if (session != null) {
                        waitedMillis += closeInto(session, results);
                    }
                    session = null;
                    lostReason = null;
                }
                if (lostReason != null) {
                    results.add(new SnippetResult(new Outcome.Skipped("", lostReason), ""));
                    continue;
                }
                if (session == null) {
                    try {
                        session = AgentSession.start(settings, agentName(job), box, job.sysctls(), timers, placement);
                        if (placement.isEmpty() && settings.sandbox() == SandboxPolicy.ON
                                && session.containment() != Containment.FULL) {
                            String why = session.lockdownFailure();
                            session.close();
                            session = null;
                            throw new IllegalStateException("socknotes.sandbox=on, but the agent's filesystem could not be"
                                    + " made read-only: " + why);
                        }
                        containment = containment == null ? session.containment() : containment;
                        if (environment == null) {
                            AgentSession probed = session;
                            environment = this.environment.updateAndGet(e -> e != null ? e : probed.environment());
                        }
                    } catch (Exception e) {
                        // an error, not a note: nothing about this snippet was verified
                        lostReason = "not run: the agent JVM for this topic could not be started";
                        results.add(new SnippetResult(new Outcome.AgentDied("",
                                "the agent JVM could not be started: " + e.getMessage()), ""));
                        continue;
                    }
                }
                attachStray(results, session.takeStray());
                Outcome outcome = session.evaluate(s);
                results.add(new SnippetResult(outcome, ""));
                if (session.lost()) {
                    lostReason = "not run: an earlier snippet of this topic (" + s.label() + ") ended its session";
                    session.close();
                    session = null;
                }
            }
        } finally {
            if (session != null) {
                waitedMillis += closeInto(session, results);
            }
        }
        return new TopicResult(job.topic(), results, environment, containment, Duration.ofMillis(waitedMillis),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Closes a live session, naming at its last snippet the processes still running (which the
     * close kills); returns how long its snippets waited in the support library.
     */
    private static long closeInto(AgentSession session, List<SnippetResult> results) {
        attachStray(results, session.takeStray());
        long waited = session.lost() ? 0 : session.takeWaitedMillis();
        attachStray(results, session.takeStray());
        List<String> left = session.processesLeftRunning();
        if (!left.isEmpty() && !results.isEmpty()) {
            SnippetResult last = results.removeLast();
            results.add(new SnippetResult(last.outcome(), last.strayOutput(), left));
        }
        session.close();
        return waited;
    }

    private static void attachStray(List<SnippetResult> results, String stray) {
        if (stray.isEmpty() || results.isEmpty()) {
            return;
        }
        SnippetResult last = results.removeLast();
        results.add(new SnippetResult(last.outcome(), last.strayOutput() + stray, last.processesLeftRunning()));
    }

    private Optional<String> refusal(TopicJob job) {
        boolean full = sandbox.sandbox().map(s -> s.scope() == Sandbox.Scope.ALL).orElse(false);
        if (placement.isEmpty() && settings.sandbox() == SandboxPolicy.ON && !full) {
            return Optional.of("socknotes.sandbox=on, but this machine cannot contain the snippets: " + sandbox.reason());
        }
        if (sandbox.sandbox().isPresent() || placement.isPresent()) {
            return Optional.empty();
        }
        if (!job.sysctls().isEmpty()) {
            return Optional.of("this topic sets " + String.join(", ", job.sysctls().keySet().stream().sorted().toList())
                    + " inside its own network namespace, which cannot be made here: " + sandbox.reason());
        }
        if (job.needsSandbox()) {
            return Optional.of("this topic declares sandbox=required (its own network namespace), which cannot be made here: "
                    + sandbox.reason());
        }
        return Optional.empty();
    }

    private String agentName(TopicJob job) {
        // the build's pid keeps two builds of one project (e.g. preview and package) off each other's sockets
        return job.topic().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + ProcessHandle.current().pid() + "-"
                + agentCounter.incrementAndGet();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timers.shutdownNow();
    }
}
