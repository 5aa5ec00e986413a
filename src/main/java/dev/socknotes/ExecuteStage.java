package dev.socknotes;

import dev.socknotes.cache.ResultCache;
import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.Lang;
import dev.socknotes.exec.Containment;
import dev.socknotes.exec.Environment;
import dev.socknotes.exec.SnippetJob;
import dev.socknotes.exec.SnippetResult;
import dev.socknotes.exec.TopicDurations;
import dev.socknotes.exec.TopicJob;
import dev.socknotes.exec.TopicResult;
import dev.socknotes.snippet.Snippet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Topics → their snippets' results: from the cache where unchanged, else run in agent JVMs, longest first. */
record ExecuteStage(BuildConfig config, Timings timings) implements Stage<List<TopicWork>, Executions> {
    /** One topic's job and, for each of its snippets, the snippet's index on the page. */
    private record Planned(TopicJob job, List<Integer> pageIndexes) {}

    @Override
    public Output<Executions> run(List<TopicWork> topics) throws IOException {
        if (!isLinux()) {
            return new Output<>(new Executions(Map.of(), null, Set.of(), false, Map.of()), List.of(), seconds ->
                    "not Linux — snippets are not executed; recorded output is shown, marked as not re-verified here");
        }
        List<Planned> planned = topics.stream().map(this::plan).flatMap(Optional::stream).toList();
        ResultCache cache = new ResultCache(config.workDir().resolve("cache"), SnippetRunner.environmentKey());
        Map<String, TopicResult> byTopic = new HashMap<>();
        Set<String> fromCache = new HashSet<>();
        List<TopicJob> toRun = new ArrayList<>();
        for (Planned p : planned) {
            Optional<TopicResult> hit = config.useCache() ? cache.lookup(p.job()) : Optional.empty();
            hit.ifPresentOrElse(r -> {
                byTopic.put(p.job().topic(), r);
                fromCache.add(p.job().topic());
            }, () -> toRun.add(p.job()));
        }
        TopicDurations durations = TopicDurations.load(config.workDir().resolve("topic-durations.properties"));
        List<TopicJob> ordered = durations.longestFirst(toRun);
        List<TopicResult> ran = SnippetRunner.run(config, ordered);
        for (int i = 0; i < ordered.size(); i++) {
            TopicJob job = ordered.get(i);
            TopicResult r = ran.get(i);
            byTopic.put(job.topic(), r);
            timings.topic(job.topic(), r.elapsed(), r.waited());
            durations.record(job.topic(), r.elapsed());
            cache.store(job, r);
        }
        if (!ordered.isEmpty()) {
            durations.save();
        }
        Map<String, Map<Integer, SnippetResult>> results = new HashMap<>();
        Environment env = null;
        Map<String, Containment> containments = new HashMap<>();
        for (Planned p : planned) {
            TopicResult r = byTopic.get(p.job().topic());
            Map<Integer, SnippetResult> m = new TreeMap<>();
            for (int k = 0; k < r.results().size(); k++) {
                m.put(p.pageIndexes().get(k), r.results().get(k));
            }
            results.put(p.job().topic(), m);
            env = env == null ? r.environment() : env;
            if (r.containment() != null) {
                containments.put(p.job().topic(), r.containment());
            }
        }
        int executed = ordered.stream().mapToInt(j -> j.snippets().size()).sum();
        long waitedMillis = ran.stream().mapToLong(r -> r.waited().toMillis()).sum();
        // "waited" is the time snippets meant to spend in the support library's waits (kernel timers,
        // state changes), summed over topics; the benchmark subtracts it from the build's overhead
        return new Output<>(new Executions(results, env, fromCache, true, containments), List.of(), seconds -> String.format(Locale.ROOT,
                "%d snippets in %d topics%s (%.1f s; snippets waited %.1f s)", executed, ordered.size(),
                fromCache.isEmpty() ? "" : ", " + fromCache.size() + " topics from cache", seconds, waitedMillis / 1000.0));
    }

    /** The topic's job: its snippets in page order, without the slow ones unless asked for; none if nothing runs. */
    private Optional<Planned> plan(TopicWork w) {
        List<SnippetJob> snippets = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (Snippet s : w.en().snippets()) {
            if (!s.options().slow() || config.slow()) {
                snippets.add(new SnippetJob(s.label(), s.code(), s.options().effectiveTimeout(), s.options().reset()));
                indexes.add(s.index());
            }
        }
        if (snippets.isEmpty()) {
            return Optional.empty();
        }
        var header = w.topic().page(Lang.EN).header();
        return Optional.of(new Planned(new TopicJob(w.key(), snippets, header.sysctls(), header.needsSandbox()), indexes));
    }

    static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
