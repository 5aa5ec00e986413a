package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Setting;
import dev.socknotes.content.Lang;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.verify.TranslationLock;
import dev.socknotes.verify.TranslationSync;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sync mode's last step: the selected section pairs' current prose recorded as in sync in
 * data/translations.lock (the only step that writes there), each recorded pair printed.
 */
record SyncStage(BuildConfig config, PrintStream console) implements Stage<SyncStage.Input, Integer> {
    /**
     * @param topics    the selected topics (all of them when socknotes.only is not set)
     * @param sectionId the one section to record, or empty for every section of the topics
     */
    record Input(List<TopicWork> topics, Optional<String> sectionId) {}

    @Override
    public Output<Integer> run(Input in) throws IOException {
        var file = config.dataDir().resolve(TranslationLock.FILE);
        var display = config.projectRoot().relativize(file);
        TranslationLock.Read read = TranslationLock.read(file, display);
        if (!read.diagnostics().isEmpty()) {
            return Output.of(0, read.diagnostics());
        }
        boolean everything = config.only().isEmpty();
        Map<String, Map<String, TranslationLock.Record>> topics = new TreeMap<>();
        if (!everything) {
            read.records().topics().forEach((k, v) -> topics.put(k, new LinkedHashMap<>(v)));
        }
        List<String> recorded = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (TopicWork w : in.topics()) {
            Map<String, TranslationLock.Record> now = TranslationSync.hashes(w.en(), w.parsed().get(Lang.ZH));
            if (in.sectionId().isPresent() && !now.containsKey(in.sectionId().get())) {
                diagnostics.add(Diagnostic.setting(Setting.ONLY.property(), "names no section of " + w.key() + ": #"
                        + in.sectionId().get() + " (in sync mode the part after # is a section id; sections: "
                        + String.join(", ", now.keySet().stream().filter(id -> !id.isEmpty()).toList()) + ")"));
                continue;
            }
            Map<String, TranslationLock.Record> mine = in.sectionId().isPresent()
                    ? topics.computeIfAbsent(w.key(), k -> new LinkedHashMap<>()) : new LinkedHashMap<>();
            now.forEach((id, r) -> {
                if (in.sectionId().isEmpty() || in.sectionId().get().equals(id)) {
                    mine.put(id, r);
                    recorded.add(w.key() + "#" + id + " en=" + r.en() + " zh=" + r.zh());
                }
            });
            // a whole topic's sections in page order, the ones it no longer has dropped
            topics.put(w.key(), in.sectionId().isPresent() ? ordered(mine, now) : mine);
        }
        if (!diagnostics.isEmpty()) {
            return Output.of(0, diagnostics);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, TranslationLock.format(new TranslationLock.Records(topics)), StandardCharsets.UTF_8);
        recorded.forEach(r -> console.println("recorded in sync: " + r));
        int n = recorded.size();
        return new Output<>(n, diagnostics, seconds -> n + " section pairs recorded in " + display.toString().replace('\\', '/'));
    }

    /** The topic's records in its page's order (records of sections it no longer has last). */
    private static Map<String, TranslationLock.Record> ordered(Map<String, TranslationLock.Record> records,
                                                              Map<String, TranslationLock.Record> pageOrder) {
        Map<String, TranslationLock.Record> ordered = new LinkedHashMap<>();
        pageOrder.keySet().stream().filter(records::containsKey).forEach(id -> ordered.put(id, records.get(id)));
        records.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
