package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.content.Lang;
import dev.socknotes.exec.Containment;
import dev.socknotes.exec.Environment;
import dev.socknotes.publish.SupportBundle;
import dev.socknotes.publish.VerificationJson;
import dev.socknotes.render.GeneratedPages;
import dev.socknotes.render.PageRenderer;
import dev.socknotes.render.RenderedPage;
import dev.socknotes.render.RenderedTopic;
import dev.socknotes.render.ReverifyScript;
import dev.socknotes.render.SiteModel;
import dev.socknotes.render.UiStrings;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.KernelResults;
import dev.socknotes.verify.Verifier;
import dev.socknotes.verify.Translations;
import dev.socknotes.verify.VerifiedSnippet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Verified topics, the kernel matrix's records and the claims → the site model: every topic page
 * in both languages, the generated pages (claims, verification, kernel matrix, support library),
 * and the published files beside them (replay scripts, the support jar, verification.json).
 */
record RenderStage(BuildConfig config, UiStrings ui) implements Stage<RenderStage.Input, SiteModel> {
    record Input(List<TopicWork> topics, Map<String, Verifier.TopicVerification> verified, Environment environment,
                 Map<String, Containment> containments, ClaimLedger.Checked claims, KernelResults kernels,
                 Translations translations) {}

    @Override
    public Output<SiteModel> run(Input in) throws IOException {
        PageRenderer renderer = new PageRenderer(ui, in.claims(), in.kernels(), in.translations());
        GeneratedPages generated = new GeneratedPages(ui);
        List<RenderedTopic> topics = new ArrayList<>();
        List<GeneratedPages.StatusRow> rows = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        LocalDate newest = LocalDate.of(2021, 4, 29);
        int maxOrder = 0;
        for (TopicWork w : in.topics()) {
            var v = in.verified().get(w.key());
            Map<Lang, RenderedPage> pages = new EnumMap<>(Lang.class);
            Map<Lang, String> titles = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                var header = w.topic().page(lang).header();
                String intro = generated.claimBadges(lang, w.key(), in.claims().claims())
                        + (w.en().snippets().isEmpty() ? "" : generated.reverifyBox(lang, w.key(), w.topic().page(Lang.EN).header()));
                pages.put(lang, renderer.render(w.parsed().get(lang), v.snippets().get(lang), in.environment(), intro));
                titles.put(lang, header.title());
                newest = header.date().isAfter(newest) ? header.date() : newest;
            }
            topics.add(new RenderedTopic(w.key(), w.topic().order(), pages));
            maxOrder = Math.max(maxOrder, w.topic().order());
            for (VerifiedSnippet s : v.snippets().get(Lang.EN)) {
                rows.add(new GeneratedPages.StatusRow(w.key(), titles, s, in.containments().get(w.key())));
            }
            if (!w.en().snippets().isEmpty()) {
                files.put("snippets/" + w.key() + ".jsh", ReverifyScript.of(w.topic(), w.en()).getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!in.claims().claims().isEmpty()) {
            topics.add(generated.claimsPage(in.claims(), in.environment(), newest, maxOrder + 1));
        }
        topics.add(generated.verificationPage(rows, in.translations().stale(), in.environment(), newest, maxOrder + 2));
        topics.add(generated.matrixPage(rows, in.kernels(), in.environment(), newest, maxOrder + 3));
        byte[] jar = SupportBundle.jar();
        if (jar.length > 0) {
            files.put("support/" + GeneratedPages.SUPPORT_JAR, jar);
        }
        topics.add(generated.supportPage(SupportBundle.sources(config.projectRoot()), SupportBundle.SOURCE_DIR, newest, maxOrder + 4));
        files.put("verification.json", VerificationJson.write(rows, in.translations().stale(), in.environment(), in.claims(),
                in.kernels()).getBytes(StandardCharsets.UTF_8));
        return Output.of(new SiteModel(topics, files, config.baseUrl().orElse(null), in.environment()), List.of());
    }
}
