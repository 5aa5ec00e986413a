package dev.socknotes;

import dev.socknotes.cache.ResultCache;
import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Mode;
import dev.socknotes.content.ContentScanner;
import dev.socknotes.content.Lang;
import dev.socknotes.content.Topic;
import dev.socknotes.exec.Containment;
import dev.socknotes.exec.Environment;
import dev.socknotes.exec.SnippetJob;
import dev.socknotes.exec.SnippetResult;
import dev.socknotes.exec.TopicDurations;
import dev.socknotes.exec.TopicJob;
import dev.socknotes.exec.TopicResult;
import dev.socknotes.render.GeneratedPages;
import dev.socknotes.render.PageRenderer;
import dev.socknotes.render.RenderedPage;
import dev.socknotes.render.RenderedTopic;
import dev.socknotes.render.SiteModel;
import dev.socknotes.render.SupportBundle;
import dev.socknotes.render.UiStrings;
import dev.socknotes.render.ReverifyScript;
import dev.socknotes.report.VerificationJson;
import dev.socknotes.report.Diagnostic;
import dev.socknotes.report.Reporter;
import dev.socknotes.snippet.PageParser;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.snippet.Snippet;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.LinkChecker;
import dev.socknotes.verify.SnippetStatus;
import dev.socknotes.verify.OutputUpdater;
import dev.socknotes.verify.Parity;
import dev.socknotes.verify.Verifier;
import dev.socknotes.verify.VerifiedSnippet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The facade: one call runs the whole pipeline — content → snippets → execution → verification →
 * rendering → bake → site — and returns what happened. Nothing is written to the site folder
 * unless every stage succeeded.
 */
public final class Socknotes {
    private final BuildConfig config;
    private final PrintStream console;
    private final Timings timings = new Timings();

    public Socknotes(BuildConfig config, PrintStream console) {
        this.config = config;
        this.console = console;
    }

    /**
     * @param exitCode    0 when everything succeeded, 1 when there were errors
     * @param diagnostics everything reported, sorted
     * @param pages       pages written to the site (0 when nothing was written)
     */
    public record BuildResult(int exitCode, List<Diagnostic> diagnostics, int pages) {}

    /** A topic as it moves through the pipeline. */
    private record TopicWork(Topic topic, Map<Lang, ParsedPage> parsed) {
        String key() {
            return topic.key();
        }

        ParsedPage en() {
            return parsed.get(Lang.EN);
        }
    }

    public BuildResult run() {
        Reporter reporter = new Reporter();
        try {
            return runStages(reporter);
        } catch (IOException e) {
            reporter.report(Diagnostic.error(Path.of("."), 0, 0, "I/O error: " + e.getMessage()));
            return finish(reporter, 0);
        }
    }

    private BuildResult runStages(Reporter reporter) throws IOException {
        UiStrings ui;
        try {
            ui = UiStrings.load(config.templatesDir().resolve("ui"));
        } catch (IOException e) {
            reporter.report(Diagnostic.error(relative(config.templatesDir().resolve("ui")), 0, 0, e.getMessage()));
            return finish(reporter, 0);
        }
        if (config.only().isPresent() && config.mode() != Mode.UPDATE) {
            reporter.report(Diagnostic.error(Path.of("pom.xml"), 0, 0,
                    "socknotes.only applies to update mode only (add -Dsocknotes.mode=update)"));
            return finish(reporter, 0);
        }

        // content
        long t0 = System.nanoTime();
        ContentScanner.Scan scan = new ContentScanner(config.projectRoot()).scan(config.contentDir());
        reporter.reportAll(scan.diagnostics());
        List<TopicWork> work = parse(scan.topics(), reporter);
        timings.add("content", t0);
        int snippetCount = work.stream().mapToInt(w -> w.en().snippets().size()).sum();
        console.printf("content: %d topics, %d pages, %d run snippets%s%n", work.size(), work.size() * 2, snippetCount,
                scan.drafts().isEmpty() ? "" : " (" + scan.drafts().size() + " draft pages skipped)");
        if (reporter.hasErrors()) {
            return finish(reporter, 0);
        }
        Optional<String> onlyTopic = config.only().map(o -> o.contains("#") ? o.substring(0, o.indexOf('#')) : o);
        if (onlyTopic.isPresent() && work.stream().noneMatch(w -> w.key().equals(onlyTopic.get()))) {
            reporter.report(Diagnostic.error(Path.of("pom.xml"), 0, 0, "socknotes.only names no topic: " + config.only().get()));
            return finish(reporter, 0);
        }

        // execution
        Map<String, Map<Integer, SnippetResult>> results = new HashMap<>();
        boolean executedHere = isLinux();
        Environment env = null;
        Set<String> fromCache = new HashSet<>();
        Map<String, Containment> containments = new HashMap<>();
        if (!executedHere) {
            console.println("execute: not Linux — snippets are not executed; recorded output is shown, marked as not re-verified here");
        } else {
            env = execute(work, onlyTopic, results, fromCache, containments);
        }

        // verification
        long t2 = System.nanoTime();
        Verifier verifier = new Verifier();
        Map<String, Verifier.TopicVerification> verified = new LinkedHashMap<>();
        for (TopicWork w : work) {
            if (onlyTopic.isPresent() && !onlyTopic.get().equals(w.key())) {
                continue;
            }
            var v = verifier.verify(w.parsed(), results.getOrDefault(w.key(), Map.of()), executedHere,
                    fromCache.contains(w.key()), config.mode() == Mode.UPDATE);
            verified.put(w.key(), v);
            reporter.reportAll(v.diagnostics());
        }
        timings.add("verify", t2);
        if (config.mode() == Mode.UPDATE) {
            return update(work, verified, reporter);
        }
        long verifiedCount = verified.values().stream().flatMap(v -> v.snippets().get(Lang.EN).stream())
                .filter(s -> s.status() == dev.socknotes.verify.SnippetStatus.VERIFIED
                        || s.status() == dev.socknotes.verify.SnippetStatus.CACHED).count();
        console.printf("verify: %d of %d snippets verified%s%n", verifiedCount, snippetCount,
                reporter.hasErrors() ? ", " + reporter.errorCount() + " errors" : "");
        // claims ledger
        Path ledgerFile = config.dataDir().resolve("claims.yaml");
        Path ledgerDisplay = relative(ledgerFile);
        ClaimLedger ledger = new ClaimLedger();
        ClaimLedger.Loaded claims = ledger.load(ledgerFile, ledgerDisplay);
        reporter.reportAll(claims.diagnostics());
        Map<String, SnippetStatus> statuses = new HashMap<>();
        for (var e : verified.entrySet()) {
            for (VerifiedSnippet vs : e.getValue().snippets().get(Lang.EN)) {
                vs.snippet().options().id().ifPresent(id -> statuses.put(e.getKey() + "#" + id, vs.status()));
            }
        }
        reporter.reportAll(ledger.checkProofs(claims.claims(), statuses, ledgerDisplay));
        if (reporter.hasErrors()) {
            return finish(reporter, 0);
        }

        // rendering
        long t3 = System.nanoTime();
        SiteModel model = render(work, verified, env, containments, ui, claims.claims());
        timings.add("render", t3);

        // bake and swap in
        long t4 = System.nanoTime();
        int pages = SiteStage.bakeAndSwap(config, ui, model, reporter, console);
        timings.add("bake", t4);
        writeTimings();
        return finish(reporter, pages);
    }

    private List<TopicWork> parse(List<Topic> topics, Reporter reporter) {
        PageParser parser = new PageParser();
        List<TopicWork> work = new ArrayList<>();
        for (Topic t : topics) {
            Map<Lang, ParsedPage> parsed = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                PageParser.Result r = parser.parse(t.page(lang));
                reporter.reportAll(r.diagnostics());
                parsed.put(lang, r.page());
            }
            work.add(new TopicWork(t, parsed));
        }
        Parity parity = new Parity();
        for (TopicWork w : work) {
            reporter.reportAll(parity.check(w.en(), w.parsed().get(Lang.ZH)));
        }
        LinkChecker links = new LinkChecker();
        for (Lang lang : Lang.values()) {
            Map<String, Set<String>> anchors = new HashMap<>();
            for (TopicWork w : work) {
                Set<String> a = new HashSet<>();
                ParsedPage p = w.parsed().get(lang);
                p.headings().stream().filter(h -> h.explicitId() != null).forEach(h -> a.add(h.explicitId()));
                p.snippets().forEach(s -> a.add(s.anchor()));
                anchors.put(w.key(), a);
            }
            for (TopicWork w : work) {
                reporter.reportAll(links.check(w.parsed().get(lang), anchors));
            }
        }
        return work;
    }

    private Environment execute(List<TopicWork> work, Optional<String> onlyTopic,
                                Map<String, Map<Integer, SnippetResult>> results, Set<String> fromCache,
                                Map<String, Containment> containments) throws IOException {
        long t1 = System.nanoTime();
        List<TopicJob> jobs = new ArrayList<>();
        List<List<Integer>> indexes = new ArrayList<>();
        for (TopicWork w : work) {
            if (onlyTopic.isPresent() && !onlyTopic.get().equals(w.key())) {
                continue;
            }
            List<SnippetJob> snippets = new ArrayList<>();
            List<Integer> idx = new ArrayList<>();
            for (Snippet s : w.en().snippets()) {
                if (s.options().slow() && !config.slow()) {
                    continue;
                }
                snippets.add(new SnippetJob(s.label(), s.code(), s.options().effectiveTimeout(), s.options().reset()));
                idx.add(s.index());
            }
            if (!snippets.isEmpty()) {
                var header = w.topic().page(Lang.EN).header();
                jobs.add(new TopicJob(w.key(), snippets, header.sysctls(), header.needsSandbox()));
                indexes.add(idx);
            }
        }
        ResultCache cache = new ResultCache(config.workDir().resolve("cache"), SnippetRunner.environmentKey());
        List<TopicJob> toRun = new ArrayList<>();
        Map<String, TopicResult> byTopic = new HashMap<>();
        for (TopicJob job : jobs) {
            Optional<TopicResult> hit = config.useCache() ? cache.lookup(job) : Optional.empty();
            if (hit.isPresent()) {
                byTopic.put(job.topic(), hit.get());
                fromCache.add(job.topic());
            } else {
                toRun.add(job);
            }
        }
        TopicDurations durations = TopicDurations.load(config.workDir().resolve("topic-durations.properties"));
        toRun = durations.longestFirst(toRun);
        List<TopicResult> ran = SnippetRunner.run(config, toRun);
        for (int i = 0; i < toRun.size(); i++) {
            byTopic.put(toRun.get(i).topic(), ran.get(i));
            timings.topic(toRun.get(i).topic(), ran.get(i).elapsed(), ran.get(i).waited());
            durations.record(toRun.get(i).topic(), ran.get(i).elapsed());
            cache.store(toRun.get(i), ran.get(i));
        }
        Environment env = null;
        for (int j = 0; j < jobs.size(); j++) {
            TopicResult r = byTopic.get(jobs.get(j).topic());
            Map<Integer, SnippetResult> m = new TreeMap<>();
            for (int k = 0; k < r.results().size(); k++) {
                m.put(indexes.get(j).get(k), r.results().get(k));
            }
            results.put(jobs.get(j).topic(), m);
            if (r.containment() != null) {
                containments.put(jobs.get(j).topic(), r.containment());
            }
            if (env == null && !fromCache.contains(jobs.get(j).topic())) {
                env = r.environment();
            }
            if (env == null) {
                env = r.environment();
            }
        }
        if (!toRun.isEmpty()) {
            durations.save();
        }
        int executed = toRun.stream().mapToInt(j -> j.snippets().size()).sum();
        long waitedMillis = ran.stream().mapToLong(r -> r.waited().toMillis()).sum();
        timings.add("execute", t1);
        // "waited" is the time snippets meant to spend in the support library's waits (kernel timers,
        // state changes), summed over topics; the benchmark subtracts it from the build's overhead
        console.printf(Locale.ROOT, "execute: %d snippets in %d topics%s (%.1f s; snippets waited %.1f s)%n", executed,
                toRun.size(), fromCache.isEmpty() ? "" : ", " + fromCache.size() + " topics from cache",
                timings.seconds("execute"), waitedMillis / 1000.0);
        return env;
    }

    private BuildResult update(List<TopicWork> work, Map<String, Verifier.TopicVerification> verified, Reporter reporter)
            throws IOException {
        OutputUpdater updater = new OutputUpdater();
        Optional<String> onlyId = config.only().filter(o -> o.contains("#")).map(o -> o.substring(o.indexOf('#') + 1));
        int changedFiles = 0;
        for (TopicWork w : work) {
            var v = verified.get(w.key());
            if (v == null) {
                continue;
            }
            if (!Parity.sameCode(w.en(), w.parsed().get(Lang.ZH))) {
                reporter.report(Diagnostic.error(w.en().page().source().path(), 0, 0,
                        "update refused: the zh and en snippets of this topic differ; make them identical first"));
                continue;
            }
            var updates = updater.update(w.parsed(), v.evaluations(),
                    s -> onlyId.isEmpty() || onlyId.get().equals(s.options().id().orElse(String.valueOf(s.index() + 1))));
            for (var u : updates.values()) {
                if (u.changes().isEmpty()) {
                    continue;
                }
                Path file = config.projectRoot().resolve(u.source().path());
                Files.writeString(file, u.newText(), StandardCharsets.UTF_8);
                changedFiles++;
                u.changes().forEach(console::println);
            }
        }
        console.printf("update: %d files changed%n", changedFiles);
        return finish(reporter, 0);
    }

    private SiteModel render(List<TopicWork> work, Map<String, Verifier.TopicVerification> verified, Environment env,
                             Map<String, Containment> containments, UiStrings ui, List<ClaimLedger.Claim> claims) throws IOException {
        PageRenderer renderer = new PageRenderer(ui);
        GeneratedPages generated = new GeneratedPages(ui);
        List<RenderedTopic> topics = new ArrayList<>();
        List<GeneratedPages.StatusRow> rows = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        LocalDate newest = LocalDate.of(2021, 4, 29);
        int maxOrder = 0;
        for (TopicWork w : work) {
            var v = verified.get(w.key());
            Map<Lang, RenderedPage> pages = new EnumMap<>(Lang.class);
            Map<Lang, String> titles = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                String intro = generated.claimBadges(lang, w.key(), claims)
                        + (w.en().snippets().isEmpty() ? "" : generated.reverifyBox(lang, w.key(), w.topic().page(Lang.EN).header()));
                pages.put(lang, renderer.render(w.parsed().get(lang), v.snippets().get(lang), env, intro));
                titles.put(lang, w.topic().page(lang).header().title());
                LocalDate d = w.topic().page(lang).header().date();
                newest = d.isAfter(newest) ? d : newest;
            }
            topics.add(new RenderedTopic(w.key(), w.topic().order(), pages));
            maxOrder = Math.max(maxOrder, w.topic().order());
            for (VerifiedSnippet s : v.snippets().get(Lang.EN)) {
                rows.add(new GeneratedPages.StatusRow(w.key(), titles, s, containments.get(w.key())));
            }
            if (!w.en().snippets().isEmpty()) {
                files.put("snippets/" + w.key() + ".jsh", ReverifyScript.of(w.topic(), w.en()).getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!claims.isEmpty()) {
            topics.add(generated.claimsPage(claims, Map.of(), newest, maxOrder + 1));
        }
        topics.add(generated.verificationPage(rows, env, newest, maxOrder + 2));
        Map<String, String> sources = SupportBundle.sources(config.projectRoot());
        byte[] jar = SupportBundle.jar();
        if (jar.length > 0) {
            files.put("support/" + SupportBundle.JAR_NAME, jar);
        }
        topics.add(generated.supportPage(sources, newest, maxOrder + 3));
        files.put("verification.json", VerificationJson.write(rows, env).getBytes(StandardCharsets.UTF_8));
        return new SiteModel(topics, files, config.baseUrl().orElse(null), env);
    }

    private BuildResult finish(Reporter reporter, int pages) {
        String text = reporter.render();
        if (!text.isEmpty()) {
            console.print(text);
        }
        return new BuildResult(reporter.hasErrors() ? 1 : 0, reporter.sorted(), reporter.hasErrors() ? 0 : pages);
    }

    private void writeTimings() {
        try {
            Files.createDirectories(config.workDir());
            Files.writeString(config.workDir().resolve("timings.txt"), timings.report(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            console.println("warning: could not write " + config.workDir().resolve("timings.txt") + ": " + e.getMessage());
        }
    }

    private Path relative(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(config.projectRoot()) ? config.projectRoot().relativize(abs) : abs;
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
