package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Mode;
import dev.socknotes.config.Setting;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.diagnostic.Reporter;
import dev.socknotes.render.SiteModel;
import dev.socknotes.render.UiStrings;
import dev.socknotes.snippet.SnippetRef;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.KernelResults;
import dev.socknotes.verify.Translations;
import dev.socknotes.verify.Verifier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facade: one call runs the recipe — content → execution → verification → the kernel matrix's
 * records → claims → rendering
 * → bake — and returns what happened. Each stage takes the previous one's typed result; update
 * mode is the same recipe ending in rewriting the output blocks, and serve mode runs it on every
 * change. Nothing is written to the site folder unless every stage succeeded.
 */
public final class Socknotes {
    private final BuildConfig config;
    private final PrintStream console;
    private final Timings timings = new Timings();
    private final Reporter reporter = new Reporter();

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

    /** Thrown by {@link #gate} when a stage's errors mean the next one has nothing sound to work on. */
    private static final class Stopped extends Exception {
        Stopped() {
            super(null, null, false, false);
        }
    }

    public BuildResult run() {
        int pages = 0;
        try {
            pages = switch (config.mode()) {
                case UPDATE -> update();
                case SYNC -> sync();
                default -> build();
            };
        } catch (Stopped stopped) {
            // the diagnostics say why
        } catch (IOException e) {
            reporter.report(Diagnostic.error(Path.of("."), 0, 0, "I/O error: " + e.getMessage()));
        } catch (RuntimeException e) {
            reporter.report(InternalFailure.report(e, config.workDir(), config.projectRoot()));
        }
        String text = reporter.render();
        if (!text.isEmpty()) {
            console.print(text);
        }
        return new BuildResult(reporter.hasErrors() ? 1 : 0, reporter.sorted(), reporter.hasErrors() ? 0 : pages);
    }

    /** The recipe of a build: one line per stage. */
    private int build() throws IOException, Stopped {
        UiStrings ui = uiStrings();
        onlyInUpdateMode();
        List<TopicWork> topics = gate(step("content", new ContentStage(config), config.contentDir()));
        Translations translations = step("translations", new TranslationStage(config), topics);
        Executions executions = step("execute", new ExecuteStage(config, timings), topics);
        var verified = step("verify", new VerifyStage(false), new VerifyStage.Input(topics, executions));
        KernelResults kernels = step("kernels", new KernelsStage(config), new KernelsStage.Input(topics, verified));
        ClaimLedger.Checked claims = gate(step("claims", new ClaimsStage(config, false),
                new ClaimsStage.Input(topics, verified, kernels)));
        SiteModel site = step("render", new RenderStage(config, ui), new RenderStage.Input(topics, verified,
                executions.environment(), executions.containments(), claims, kernels, translations));
        int pages = step("bake", new SiteStage(config, ui), site);
        writeTimings();
        return pages;
    }

    /** Update mode: the same stages up to verification, then the output blocks are rewritten. */
    private int update() throws IOException, Stopped {
        uiStrings();
        List<TopicWork> all = gate(step("content", new ContentStage(config), config.contentDir()));
        List<TopicWork> topics = gate(selected(all));
        Executions executions = step("execute", new ExecuteStage(config, timings), topics);
        var verified = step("verify", new VerifyStage(true), new VerifyStage.Input(topics, executions));
        // a rewrite must not leave a verdict standing on output that no longer shows it
        if (!step("claims", new ClaimsStage(config, true),
                new ClaimsStage.Input(topics, verified, KernelResults.NONE)).diagnostics().isEmpty()) {
            throw new Stopped();
        }
        step("update", new UpdateStage(config, console), new UpdateStage.Input(topics, verified, onlyId()));
        return 0;
    }

    /** Sync mode: the content stage, then the selected section pairs recorded as in sync; nothing runs, no site. */
    private int sync() throws IOException, Stopped {
        List<TopicWork> topics = gate(selected(gate(step("content", new ContentStage(config), config.contentDir()))));
        step("sync", new SyncStage(config, console), new SyncStage.Input(topics, onlyId()));
        return 0;
    }

    /**
     * Runs one stage: times it, reports its diagnostics and prints its console line
     * ({@code name: ...}).
     */
    private <I, O> O step(String name, Stage<I, O> stage, I input) throws IOException {
        long start = System.nanoTime();
        Stage.Output<O> out = stage.run(input);
        timings.add(name, start);
        reporter.reportAll(out.diagnostics());
        String line = out.summary().line(timings.seconds(name));
        if (!line.isEmpty()) {
            console.println(name + ": " + line);
        }
        return out.value();
    }

    /** The value, unless the build has errors by now: then the recipe stops. */
    private <T> T gate(T value) throws Stopped {
        if (reporter.hasErrors()) {
            throw new Stopped();
        }
        return value;
    }

    private void onlyInUpdateMode() throws Stopped {
        if (config.only().isPresent()) {
            reporter.report(Diagnostic.setting(Setting.ONLY.property(),
                    "applies to update and sync mode only (add -Dsocknotes.mode=update or -Dsocknotes.mode=sync)"));
            throw new Stopped();
        }
    }

    private List<TopicWork> selected(List<TopicWork> all) {
        Optional<String> only = config.only().map(o -> SnippetRef.parse(o).map(SnippetRef::topic).orElse(o));
        List<TopicWork> topics = all.stream().filter(w -> only.isEmpty() || only.get().equals(w.key())).toList();
        if (only.isPresent() && topics.isEmpty()) {
            reporter.report(Diagnostic.setting(Setting.ONLY.property(), "names no topic: " + config.only().get()));
        }
        return topics;
    }

    private Optional<String> onlyId() {
        return config.only().flatMap(SnippetRef::parse).map(SnippetRef::id);
    }

    private UiStrings uiStrings() throws Stopped {
        Path dir = config.templatesDir().resolve("ui");
        try {
            return UiStrings.load(dir);
        } catch (IOException e) {
            reporter.report(Diagnostic.error(config.projectRoot().relativize(dir.toAbsolutePath().normalize()), 0, 0,
                    e.getMessage()));
            throw new Stopped();
        }
    }

    private void writeTimings() {
        try {
            Files.createDirectories(config.workDir());
            Files.writeString(config.workDir().resolve("timings.txt"), timings.report(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            console.println("warning: could not write " + config.workDir().resolve("timings.txt") + ": " + e.getMessage());
        }
    }
}
