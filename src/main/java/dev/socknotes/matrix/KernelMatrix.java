package dev.socknotes.matrix;

import dev.socknotes.exec.Executor;
import dev.socknotes.exec.ExecutorSettings;
import dev.socknotes.exec.TopicResult;
import dev.socknotes.publish.SupportBundle;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.snippet.Snippet;
import dev.socknotes.verify.Verifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kernel matrix (issue 16): every topic's snippets on each Debian kernel, in virtual machines,
 * against the records committed under {@code data/matrix/}. A check always compares every
 * record's code hash (cheap) and re-runs only topics with a record that is missing or stale, or
 * whose kernel package or JDK changed; it fails when a record is missing or stale, or differs from
 * what the run printed, with a diff naming the kernel and the snippet. Update mode re-runs the
 * same topics and rewrites the records instead.
 */
public final class KernelMatrix {
    private final Path projectRoot;
    private final Path contentDir;
    private final Path recordsDir;
    private final Path workDir;
    private final Optional<String> only;
    private final boolean slow;
    private final int workers;
    private final PrintStream console;
    private final AgentArchives archives;

    /**
     * @param projectRoot the project (errors name files relative to it)
     * @param contentDir  content/
     * @param recordsDir  data/matrix/
     * @param workDir     target/matrix: apt state, kernels, runtime, initramfs, agent logs
     * @param only        limit to one topic
     * @param slow        also run snippets marked slow
     * @param workers     virtual machines run at once
     */
    public KernelMatrix(Path projectRoot, Path contentDir, Path recordsDir, Path workDir, Optional<String> only,
                        boolean slow, int workers, PrintStream console) {
        this.projectRoot = projectRoot;
        this.contentDir = contentDir;
        this.recordsDir = recordsDir;
        this.workDir = workDir;
        this.only = only;
        this.slow = slow;
        this.workers = workers;
        this.console = console;
        this.archives = new AgentArchives(workDir);
    }

    /** What a matrix run found: errors (compiler-style, each naming a snippet and a kernel) and notes. */
    public record Report(List<Diagnostic> errors, List<String> notes) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Report run(List<Suite> suites, boolean update) throws IOException {
        List<Diagnostic> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        KernelFetch fetch;
        GuestImage images;
        try {
            fetch = new KernelFetch(workDir, KernelFetch.MIRROR);
            images = new GuestImage(workDir);
            Tool.find("qemu-system-x86_64", "qemu-system-x86");
        } catch (Tool.MissingToolException e) {
            errors.add(Diagnostic.error(Path.of("data", "matrix"), 0, 0, e.getMessage()));
            return new Report(errors, notes);
        }
        String supportHash = SupportBundle.hash();
        // read once for every kernel: where each snippet stands on its page, slow ones included
        Map<String, Integer> pageOrder = slow ? Map.of() : everySnippet();
        List<KernelPlan> plans = new ArrayList<>();
        for (Suite suite : suites) {
            Path file = recordsDir.resolve(suite.codename() + ".json");
            KernelFetch.Result fetched = fetch.fetch(suite);
            if (fetched instanceof KernelFetch.Result.Unavailable u) {
                note(notes, "matrix: Linux " + suite.kernelLine() + " (" + suite.codename() + "): " + u.reason()
                        + "; its records in " + projectRoot.relativize(file) + " are kept and shown as not re-run here");
                continue;
            }
            KernelFetch.Result.Ready ready = (KernelFetch.Result.Ready) fetched;
            ready.note().ifPresent(n -> note(notes, "matrix: " + n));
            plans.add(plan(ready.kernel(), file, supportHash, notes));
        }
        // the machines only when something runs: a check of unchanged code boots nothing
        Map<KernelPlan, List<TopicResult>> results = execute(plans.stream().filter(p -> !p.toRun().isEmpty()).toList(),
                images, errors, notes);
        for (KernelPlan plan : plans) {
            if (plan.toRun().isEmpty() || results.containsKey(plan)) {
                finish(plan, results.getOrDefault(plan, List.of()), supportHash, pageOrder, update, errors, notes);
            }
        }
        return new Report(errors, notes);
    }

    /** One kernel's part of a run: its records, the topics, and those to run again. */
    private record KernelPlan(Kernel kernel, Path file, Optional<KernelRecords> recorded, String jdk,
                              List<MatrixTopic> topics, List<MatrixTopic> toRun) {}

    private KernelPlan plan(Kernel kernel, Path file, String supportHash, List<String> notes) throws IOException {
        String kernelName = kernel.displayName();
        Optional<KernelRecords> recorded = KernelRecords.read(file);
        String jdk = System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version");
        boolean environmentChanged = recorded.isEmpty() || !recorded.get().packageVersion().equals(kernel.packageVersion())
                || !recorded.get().imagePackage().equals(kernel.imagePackage()) || !recorded.get().jdk().equals(jdk);
        List<MatrixTopic> topics = topics(VirtualMachine.timeoutFactor());
        List<MatrixTopic> toRun = new ArrayList<>();
        for (MatrixTopic t : topics) {
            boolean fresh = !environmentChanged && hashes(t, supportHash).entrySet().stream()
                    .allMatch(h -> recorded.get().find(h.getKey()).map(r -> r.codeHash().equals(h.getValue())).orElse(false));
            if (!fresh) {
                toRun.add(t);
            }
        }
        if (environmentChanged && recorded.isPresent()) {
            note(notes, "matrix: " + kernelName + ": recorded with " + recorded.get().imagePackage() + " "
                    + recorded.get().packageVersion() + " and " + recorded.get().jdk() + "; every topic is re-run");
        }
        note(notes, "matrix: " + kernelName + ": " + (topics.size() - toRun.size()) + " topics fresh, " + toRun.size() + " to run");
        return new KernelPlan(kernel, file, recorded, jdk, topics, toRun);
    }

    /**
     * Runs the kernels' topics all at once, each kernel on machines of its own: a guest waiting for
     * a timer leaves its core to another guest, so one machine more than the workers keeps the cores
     * busy (more made emulated snippets miss their own bounded waits). Each kernel's results are in its topics' order,
     * whatever finished first. A kernel whose machine cannot be made is an error and has no results.
     *
     * <p>Without a kept agent archive, the first kernel's largest topic is its training run, and its
     * results are that kernel's; meanwhile the other kernels start without the archive, and every
     * kernel's machines boot with it once it is written.
     */
    private Map<KernelPlan, List<TopicResult>> execute(List<KernelPlan> plans, GuestImage images, List<Diagnostic> errors,
                                                       List<String> notes) throws IOException {
        if (plans.isEmpty()) {
            return Map.of();
        }
        // one machine more than the workers (the build's own rule for agents), shared out among the kernels
        int perKernel = Math.max(1, (workers + 1) / plans.size());
        Map<KernelPlan, VirtualMachine> machines = new java.util.LinkedHashMap<>();
        Optional<AgentArchive.Trained> kept = archives.kept(images);
        // the topic with the most snippets trains the agents' archive: it loads the most of what agents use
        Optional<MatrixTopic> training = kept.isPresent() ? Optional.empty() : plans.getFirst().toRun().stream()
                .max(java.util.Comparator.comparingInt(t -> t.snippets().size()));
        try {
            AgentArchive archive = kept.<AgentArchive>map(a -> a).orElseGet(AgentArchive.None::new);
            for (KernelPlan plan : plans) {
                VirtualMachine vm = new VirtualMachine(plan.kernel(), images.build(plan.kernel(), archive));
                note(notes, "matrix: " + plan.kernel().displayName() + ": " + (vm.accelerated() ? "on KVM" : "in software emulation"));
                machines.put(plan, vm);
            }
        } catch (Tool.MissingToolException | java.net.URISyntaxException e) {
            errors.add(Diagnostic.error(Path.of("data", "matrix"), 0, 0, e.getMessage()));
            return Map.of();
        }
        Map<KernelPlan, java.util.concurrent.Future<List<TopicResult>>> running = new java.util.LinkedHashMap<>();
        try (var kernels = java.util.concurrent.Executors.newFixedThreadPool(machines.size())) {
            machines.forEach((plan, vm) -> running.put(plan, kernels.submit(() -> {
                Map<MatrixTopic, TopicResult> done = new java.util.HashMap<>();
                if (plan == plans.getFirst() && training.isPresent()) {
                    AgentArchives.Training trained = archives.train(plan.kernel(), images, training.get().job(),
                            settings("training", 1), n -> note(notes, n));
                    if (trained.resultUsable()) {
                        done.put(training.get(), trained.result());
                    }
                    if (trained.archive() instanceof AgentArchive.Trained) {
                        for (var m : machines.entrySet()) {
                            m.getValue().useImage(images.build(m.getKey().kernel(), trained.archive()));
                        }
                    }
                }
                // each kernel's agents in a folder of their own: their names (and sockets) repeat across kernels
                List<MatrixTopic> rest = plan.toRun().stream().filter(t -> !done.containsKey(t)).toList();
                try (Executor executor = new Executor(settings(plan.kernel().suite().codename(), perKernel), vm)) {
                    List<TopicResult> results = executor.run(rest.stream().map(MatrixTopic::job).toList());
                    for (int i = 0; i < rest.size(); i++) {
                        done.put(rest.get(i), results.get(i));
                    }
                }
                return plan.toRun().stream().map(done::get).toList();
            })));
            Map<KernelPlan, List<TopicResult>> results = new java.util.LinkedHashMap<>();
            for (var r : running.entrySet()) {
                results.put(r.getKey(), r.getValue().get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the kernel matrix ran", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("the kernel matrix could not run: " + e.getCause(), e.getCause());
        }
    }

    private ExecutorSettings settings(String folder, int machines) {
        return ExecutorSettings.defaults(workDir.resolve("exec").resolve(folder)).withWorkers(machines);
    }

    /** Compares (check) or collects (update) one kernel's records, and writes them in update mode. */
    private void finish(KernelPlan plan, List<TopicResult> results, String supportHash, Map<String, Integer> pageOrder,
                        boolean update, List<Diagnostic> errors, List<String> notes) throws IOException {
        Kernel kernel = plan.kernel();
        String kernelName = kernel.displayName();
        Path file = plan.file();
        Optional<KernelRecords> recorded = plan.recorded();
        List<MatrixTopic> topics = plan.topics();
        List<MatrixTopic> toRun = plan.toRun();
        String jdk = plan.jdk();
        String release = kernel.release();
        List<KernelRecords.SnippetRecord> records = new ArrayList<>();
        for (MatrixTopic t : topics) {
            int ran = toRun.indexOf(t);
            var hashes = hashes(t, supportHash);
            if (ran >= 0) {
                TopicResult r = results.get(ran);
                note(notes, "matrix: " + kernelName + ": " + t.job().topic() + " in " + r.elapsed().toMillis() + " ms");
                if (r.environment() != null) {
                    release = r.environment().kernelRelease();
                }
                for (int i = 0; i < t.snippets().size(); i++) {
                    Snippet s = t.snippets().get(i);
                    var now = KernelRecords.SnippetRecord.of(s.reference().toString(), hashes.get(s.reference().toString()), r.results().get(i));
                    records.add(now);
                    if (!update) {
                        compare(kernelName, file, s, recorded.flatMap(k -> k.find(s.reference().toString())), now).ifPresent(errors::add);
                    }
                }
            } else {
                t.snippets().forEach(s -> records.add(recorded.get().find(s.reference().toString()).orElseThrow()));
            }
        }
        if (only.isPresent() && recorded.isPresent()) { // the other topics' records stay as they were
            recorded.get().snippets().stream().filter(r -> !r.snippet().startsWith(only.get() + "#")).forEach(records::add);
            records.sort(java.util.Comparator.comparing(KernelRecords.SnippetRecord::snippet, KernelMatrix::byTopic));
        }
        // a slow snippet not run this time (no -Dsocknotes.slow=true) still exists: its record stays, in page order
        if (!slow && recorded.isPresent()) {
            java.util.Set<String> have = new java.util.HashSet<>();
            records.forEach(r -> have.add(r.snippet()));
            recorded.get().snippets().stream().filter(r -> !have.contains(r.snippet()) && pageOrder.containsKey(r.snippet()))
                    .forEach(records::add);
            records.sort(java.util.Comparator.comparingInt(r -> pageOrder.getOrDefault(r.snippet(), Integer.MAX_VALUE)));
        }
        KernelRecords now = new KernelRecords(kernel.suite().codename(), kernel.imagePackage(), kernel.packageVersion(),
                release, jdk, records);
        if (update) {
            if (!recorded.equals(Optional.of(now))) {
                now.write(file);
                note(notes, "matrix: wrote " + projectRoot.relativize(file));
            }
        } else if (recorded.isPresent() && only.isEmpty()) {
            for (var old : recorded.get().snippets()) {
                if (now.find(old.snippet()).isEmpty()) {
                    errors.add(Diagnostic.error(projectRoot.relativize(file), 0, 0, kernelName + ": a record for "
                            + old.snippet() + ", which no longer exists (run with -Dsocknotes.mode=matrix-update)"));
                }
            }
        }
    }

    /** Keeps the topics' order (by key) when records of several topics are merged; page order within one. */
    private static int byTopic(String a, String b) {
        return a.substring(0, a.indexOf('#')).compareTo(b.substring(0, b.indexOf('#')));
    }

    /** A record against what this run printed: missing, stale, or differing (with a diff naming the kernel) is an error at the snippet. */
    Optional<Diagnostic> compare(String kernelName, Path file, Snippet s, Optional<KernelRecords.SnippetRecord> old,
                                 KernelRecords.SnippetRecord now) {
        Path page = projectRoot.relativize(s.file().toAbsolutePath());
        String hint = " (run with -Dsocknotes.mode=matrix-update to record what it printed)";
        if (old.isEmpty()) {
            return Optional.of(Diagnostic.error(page, s.fenceLine(), 1, "no record of " + s.reference() + " on " + kernelName
                    + " in " + projectRoot.relativize(file) + hint));
        }
        if (!old.get().codeHash().equals(now.codeHash())) {
            return Optional.of(Diagnostic.error(page, s.fenceLine(), 1, "the record of " + s.reference() + " on " + kernelName
                    + " is stale: the snippet or code before it in the topic, or the support library, changed" + hint));
        }
        if (!old.get().result().equals(now.result())) {
            return Optional.of(Diagnostic.error(page, s.fenceLine(), 1, s.reference() + " printed on " + kernelName
                    + " not what " + projectRoot.relativize(file) + " records" + hint)
                    .withDetails(Verifier.unifiedDiff(old.get().result(), now.result(),
                            "recorded (" + projectRoot.relativize(file) + ")", "this run (" + kernelName + ")")));
        }
        return Optional.empty();
    }

    private static java.util.Map<String, String> hashes(MatrixTopic t, String supportHash) {
        java.util.Map<String, String> hashes = new java.util.LinkedHashMap<>();
        t.codeHashes(supportHash).forEach((ref, hash) -> hashes.put(ref.toString(), hash));
        return hashes;
    }

    /** Every topic with run snippets, by key. */
    /** Every run snippet of the pages (slow ones included) → its place: topics by key, page order within each. */
    private Map<String, Integer> everySnippet() throws IOException {
        Map<String, Integer> place = new java.util.HashMap<>();
        for (MatrixTopic t : topics(1, true)) {
            t.snippets().forEach(s -> place.putIfAbsent(s.reference().toString(), place.size()));
        }
        return place;
    }

    private List<MatrixTopic> topics(int timeoutFactor) throws IOException {
        return topics(timeoutFactor, slow);
    }

    private List<MatrixTopic> topics(int timeoutFactor, boolean withSlow) throws IOException {
        List<MatrixTopic> topics = new ArrayList<>();
        try (Stream<Path> pages = Files.list(contentDir.resolve("en"))) {
            for (Path p : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String key = p.getFileName().toString().replaceAll("\\.md$", "");
                if (only.isPresent() && !only.get().equals(key)) {
                    continue;
                }
                MatrixTopic t = MatrixTopic.load(contentDir, key, withSlow, timeoutFactor);
                if (!t.snippets().isEmpty()) {
                    topics.add(t);
                }
            }
        }
        topics.sort(java.util.Comparator.comparing(t -> t.job().topic()));
        return topics;
    }

    private void note(List<String> notes, String note) {
        notes.add(note);
        console.println(note);
    }
}
