package dev.socknotes.render;

import dev.socknotes.content.Lang;
import dev.socknotes.exec.Containment;
import dev.socknotes.snippet.SnippetRef;
import dev.socknotes.exec.Environment;
import dev.socknotes.exec.Sandbox;
import dev.socknotes.verify.TranslationSync;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.KernelResult;
import dev.socknotes.verify.KernelResults;
import dev.socknotes.verify.MatrixKernel;
import dev.socknotes.verify.VerifiedSnippet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.nodes.Entities;

/**
 * Pages the build writes itself, in both languages: the status of every snippet, the claims
 * ledger, the kernel matrix, and the support library's source with the commands that re-verify a topic on a reader's machine.
 */
public final class GeneratedPages {
    public static final String VERIFICATION = "verification";
    public static final String SUPPORT = "support-library";

    private final UiStrings ui;
    private final KernelText kernelText;

    public GeneratedPages(UiStrings ui) {
        this.ui = ui;
        this.kernelText = new KernelText(ui);
    }

    /**
     * One row of the status page.
     *
     * @param containment how far the topic's agent was contained, or null when it did not run here
     */
    public record StatusRow(String topic, Map<Lang, String> topicTitle, VerifiedSnippet snippet, Containment containment) {}

    /** @param stale the section pairs whose translation changed since their last sync */
    public RenderedTopic verificationPage(List<StatusRow> rows, List<TranslationSync.Stale> stale, Environment env,
                                          LocalDate date, int order) {
        Map<Lang, RenderedPage> pages = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            StringBuilder sb = new StringBuilder();
            sb.append("<p>").append(esc(ui.get(lang, UiKey.VERIFICATION_INTRO))).append("</p>\n");
            if (env != null) {
                sb.append("<p class=\"environment\">").append(esc(ui.get(lang, UiKey.VERIFICATION_ENVIRONMENT)))
                        .append(" <code>").append(esc(env.display())).append("</code></p>\n");
            }
            sb.append("<p>").append(esc(ui.get(lang, UiKey.VERIFICATION_CONTAINMENT_INTRO))).append("</p>\n");
            sb.append("<table class=\"status-table\"><thead><tr><th>").append(esc(ui.get(lang, UiKey.VERIFICATION_TOPIC)))
                    .append("</th><th>").append(esc(ui.get(lang, UiKey.VERIFICATION_SNIPPET))).append("</th><th>")
                    .append(esc(ui.get(lang, UiKey.VERIFICATION_STATUS))).append("</th><th>")
                    .append(esc(ui.get(lang, UiKey.VERIFICATION_CONTAINMENT))).append("</th></tr></thead><tbody>\n");
            for (StatusRow r : rows) {
                var s = r.snippet().snippet();
                sb.append("<tr><td><a href=\"").append(esc(r.topic())).append(".html\">").append(esc(r.topicTitle().get(lang)))
                        .append("</a></td><td><a href=\"").append(esc(r.topic())).append(".html#").append(s.anchor())
                        .append("\"><code>").append(esc(s.reference().toString())).append("</code></a></td><td class=\"status-")
                        .append(r.snippet().status().jsonName()).append("\">")
                        .append(esc(ui.get(lang, UiKey.of(r.snippet().status())))).append("</td><td>")
                        .append(r.containment() == null ? "—" : "<span class=\"containment-" + r.containment().jsonName() + "\">"
                                + esc(ui.get(lang, UiKey.of(r.containment()))) + "</span>")
                        .append("</td></tr>\n");
            }
            sb.append("</tbody></table>");
            sb.append(staleSections(lang, stale));
            List<String> text = new ArrayList<>(List.of(ui.get(lang, UiKey.VERIFICATION_INTRO),
                    env == null ? "" : ui.get(lang, UiKey.VERIFICATION_ENVIRONMENT) + " " + env.display(),
                    ui.get(lang, UiKey.VERIFICATION_CONTAINMENT_INTRO)));
            for (StatusRow r : rows) {
                text.add(r.topicTitle().get(lang) + " " + r.snippet().snippet().reference() + " " + ui.get(lang, UiKey.of(r.snippet().status()))
                        + (r.containment() == null ? "" : " " + ui.get(lang, UiKey.of(r.containment()))));
            }
            text.add(stale.isEmpty() ? ui.get(lang, UiKey.VERIFICATION_STALE_NONE) : ui.get(lang, UiKey.VERIFICATION_STALE_INTRO));
            stale.forEach(st -> text.add(st.reference()));
            pages.put(lang, page(VERIFICATION, lang, ui.get(lang, UiKey.VERIFICATION_TITLE), ui.get(lang, UiKey.VERIFICATION_SUMMARY),
                    date, Chunk.prose(sb.toString(), String.join("\n", text))));
        }
        return new RenderedTopic(VERIFICATION, order, pages);
    }

    public static final String MATRIX = "matrix";

    /**
     * The kernel matrix page (issue 16): the kernels, then one row per snippet and one column per
     * kernel, this build's first; a differing kernel's cell holds its diff against this build.
     */
    public RenderedTopic matrixPage(List<StatusRow> rows, KernelResults kernels, Environment env, LocalDate date, int order) {
        Map<Lang, RenderedPage> pages = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            StringBuilder sb = new StringBuilder("<p>").append(esc(ui.get(lang, UiKey.MATRIX_INTRO))).append("</p>\n<ul class=\"matrix-kernels\">");
            if (env != null) {
                sb.append("<li>").append(esc(kernelText.format(lang, UiKey.KERNELS_THIS_BUILD, KernelText.thisBuild(env).orElseThrow())))
                        .append(": <code>").append(esc(env.display())).append("</code></li>");
            }
            for (MatrixKernel k : kernels.kernels()) {
                sb.append("<li>").append(esc(k.recorded().map(r -> kernelText.format(lang, UiKey.MATRIX_KERNEL, k.release(), k.suite(),
                        r.imagePackage(), r.packageVersion(), r.uname(), r.jdk()))
                        .orElse(kernelText.format(lang, UiKey.MATRIX_KERNEL_NO_RECORDS, k.release(), k.suite())))).append("</li>");
            }
            sb.append("</ul>\n<table class=\"matrix-table\"><thead><tr><th scope=\"col\">").append(esc(ui.get(lang, UiKey.MATRIX_SNIPPET)))
                    .append("</th><th scope=\"col\">")
                    .append(esc(KernelText.thisBuild(env).map(r -> kernelText.format(lang, UiKey.KERNELS_THIS_BUILD, r)).orElse("—")))
                    .append("</th>");
            for (MatrixKernel k : kernels.kernels()) {
                sb.append("<th scope=\"col\">").append(esc(k.release())).append("</th>");
            }
            sb.append("</tr></thead><tbody>\n");
            for (StatusRow r : rows) {
                var s = r.snippet().snippet();
                sb.append("<tr><th scope=\"row\"><a href=\"").append(esc(r.topic())).append(".html#").append(s.anchor())
                        .append("\"><code>").append(esc(s.reference().toString())).append("</code></a></th><td class=\"status-")
                        .append(r.snippet().status().jsonName()).append("\">").append(esc(ui.get(lang, UiKey.of(r.snippet().status()))))
                        .append("</td>");
                for (KernelResult k : kernels.of(s.reference())) {
                    sb.append("<td class=\"kernel-").append(k.jsonName()).append("\">");
                    if (k instanceof KernelResult.Differs d) {
                        sb.append(kernelText.diffHtml(d, kernelText.label(lang, k)));
                    } else {
                        sb.append(esc(kernelText.label(lang, k)));
                    }
                    sb.append("</td>");
                }
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table>");
            List<String> text = new ArrayList<>(List.of(ui.get(lang, UiKey.MATRIX_INTRO)));
            kernels.kernels().forEach(k -> text.add(k.release() + " " + k.suite()));
            for (StatusRow r : rows) {
                text.add(r.snippet().snippet().reference() + " " + ui.get(lang, UiKey.of(r.snippet().status())) + " "
                        + String.join(" ", kernels.of(r.snippet().snippet().reference()).stream().map(k -> kernelText.label(lang, k)).toList()));
            }
            pages.put(lang, page(MATRIX, lang, ui.get(lang, UiKey.MATRIX_TITLE), ui.get(lang, UiKey.MATRIX_SUMMARY), date,
                    Chunk.prose(sb.toString(), String.join("\n", text))));
        }
        return new RenderedTopic(MATRIX, order, pages);
    }

    /** The verification page's list of stale translated sections, each linking to the section in this language. */
    private String staleSections(Lang lang, List<TranslationSync.Stale> stale) {
        if (stale.isEmpty()) {
            return "\n<p class=\"translations-in-sync\">" + esc(ui.get(lang, UiKey.VERIFICATION_STALE_NONE)) + "</p>";
        }
        StringBuilder sb = new StringBuilder("\n<p>").append(esc(ui.get(lang, UiKey.VERIFICATION_STALE_INTRO)))
                .append("</p>\n<table class=\"stale-table\"><thead><tr><th>").append(esc(ui.get(lang, UiKey.VERIFICATION_SECTION)))
                .append("</th><th>").append(esc(ui.get(lang, UiKey.VERIFICATION_STALE_STATE))).append("</th></tr></thead><tbody>\n");
        for (TranslationSync.Stale s : stale) {
            String href = s.topic() + ".html" + (s.section().isEmpty() ? "" : "#" + s.section());
            sb.append("<tr><td><a href=\"").append(esc(href)).append("\"><code>").append(esc(s.reference()))
                    .append("</code></a></td><td class=\"stale-").append(s.state().jsonName()).append("\">")
                    .append(esc(ui.get(lang, s.state() == TranslationSync.State.BEHIND ? UiKey.VERIFICATION_STALE_BEHIND
                            : UiKey.VERIFICATION_STALE_BOTH))).append("</td></tr>\n");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** The support library's jar as the site publishes it, under support/. */
    public static final String SUPPORT_JAR = "socknotes-support.jar";

    /** @param sourceDir where the sources are kept in the project, shown as the page's source */
    public RenderedTopic supportPage(Map<String, String> sources, String sourceDir, LocalDate date, int order) {
        Map<Lang, RenderedPage> pages = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            List<Section> sections = new ArrayList<>();
            String intro = "<p>" + esc(ui.get(lang, UiKey.SUPPORT_INTRO)) + "</p>\n"
                    + "<p><a class=\"download\" href=\"../support/" + SUPPORT_JAR + "\">"
                    + esc(SUPPORT_JAR) + "</a></p>\n"
                    + "<pre class=\"command\"><code>" + esc(jshellCommand("TOPIC.jsh")) + "</code></pre>";
            sections.add(new Section(null, 0, "", "", List.of(Chunk.prose(intro,
                    ui.get(lang, UiKey.SUPPORT_INTRO) + "\n" + SUPPORT_JAR + "\n" + jshellCommand("TOPIC.jsh")))));
            List<TocEntry> toc = new ArrayList<>();
            for (var e : sources.entrySet()) {
                String id = "src-" + e.getKey().replace(".java", "").toLowerCase(java.util.Locale.ROOT);
                toc.add(new TocEntry(id, 2, esc(e.getKey())));
                String html = "<pre class=\"source\"><code class=\"language-java\">" + esc(e.getValue()) + "</code></pre>";
                // earlier builds serialised a column's chunk that holds "id=" through jsoup (LegacySerialisation)
                String columnHtml = lang == Lang.ZH && e.getValue().contains("id=")
                        ? "<pre class=\"source\"><code class=\"language-java\">" + LegacySerialisation.text(e.getValue()) + "</code></pre>" : html;
                sections.add(new Section(id, 2, esc(e.getKey()), e.getKey(), List.of(Chunk.prose(html, columnHtml, e.getValue()))));
            }
            pages.put(lang, new RenderedPage(SUPPORT, lang, ui.get(lang, UiKey.SUPPORT_TITLE), ui.get(lang, UiKey.SUPPORT_SUMMARY),
                    date, sections, toc, sourceDir));
        }
        return new RenderedTopic(SUPPORT, order, pages);
    }

    public static final String CLAIMS = "claims";

    /** The claims ledger page: every claim of the seed notes, its verdict and its proofs. */
    public RenderedTopic claimsPage(ClaimLedger.Checked checked, Environment env, LocalDate date, int order) {
        Map<Lang, RenderedPage> pages = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String html = claimsTable(checked, env, lang, GeneratedPages::esc, "");
            // the side-by-side view's 中文 column: ids prefixed, escaped as earlier builds' jsoup pass wrote it
            String columnHtml = lang == Lang.ZH ? claimsTable(checked, env, lang, LegacySerialisation::text, Chunk.SIDE_BY_SIDE_ZH_ID_PREFIX) : html;
            List<Chunk.SearchEntry> entries = checked.claims().stream().map(c -> claimEntry(checked, env, lang, c)).toList();
            pages.put(lang, page(CLAIMS, lang, ui.get(lang, UiKey.CLAIMS_TITLE), ui.get(lang, UiKey.CLAIMS_SUMMARY), date,
                    new Chunk(Chunk.Kind.PROSE, html, columnHtml, ui.get(lang, UiKey.CLAIMS_INTRO), entries)));
        }
        return new RenderedTopic(CLAIMS, order, pages);
    }

    /** The ledger's table, its text escaped by {@code esc} and its ids prefixed by {@code idPrefix}. */
    private String claimsTable(ClaimLedger.Checked checked, Environment env, Lang lang, UnaryOperator<String> esc, String idPrefix) {
        StringBuilder sb = new StringBuilder("<p>").append(esc.apply(ui.get(lang, UiKey.CLAIMS_INTRO))).append("</p>\n");
        sb.append("<table class=\"claims-table\"><thead><tr><th>").append(esc.apply(ui.get(lang, UiKey.CLAIMS_CLAIM)))
                .append("</th><th>").append(esc.apply(ui.get(lang, UiKey.CLAIMS_VERDICT))).append("</th><th>")
                .append(esc.apply(ui.get(lang, UiKey.CLAIMS_EVIDENCE))).append("</th></tr></thead><tbody>\n");
        for (ClaimLedger.Claim c : checked.claims()) {
            sb.append("<tr id=\"").append(idPrefix).append("claim-").append(esc.apply(c.id())).append("\"><td>");
            if (!c.seed().isEmpty()) {
                sb.append("<span class=\"claim-seed\">").append(esc.apply(c.seed())).append("</span> ");
            }
            sb.append(esc.apply(c.statement().get(lang))).append("</td><td>").append(badge(lang, c.verdict()));
            List<ClaimLedger.OnKernel> onKernels = checked.onKernels(c);
            if (!onKernels.isEmpty()) {
                boolean everywhere = onKernels.stream().allMatch(k -> k.holding() == ClaimLedger.Holding.HOLDS);
                sb.append("<p class=\"claim-kernels").append(everywhere ? "" : " claim-kernels-partial").append("\">")
                        .append(esc.apply(kernelText.claimLine(lang, KernelText.thisBuild(env), onKernels))).append("</p>");
            }
            sb.append("</td><td>");
            if (!c.note().get(lang).isEmpty()) {
                sb.append("<p>").append(esc.apply(c.note().get(lang))).append("</p>");
            }
            for (ClaimLedger.Proof p : c.proofs()) {
                SnippetRef ref = p.snippet();
                sb.append("<div class=\"proof\"><a href=\"").append(esc.apply(ref.topic())).append(".html#").append(esc.apply(ref.anchor()))
                        .append("\"><code>").append(esc.apply(ref.toString())).append("</code></a>");
                if (!p.shows().isEmpty()) {
                    sb.append("<pre class=\"proof-shows\"><samp>");
                    sb.append(String.join("\n", p.shows().stream().map(l -> esc.apply(l.text())).toList()));
                    sb.append("</samp></pre>");
                }
                sb.append("</div>");
            }
            sb.append("</td></tr>\n");
        }
        return sb.append("</tbody></table>").toString();
    }

    /** A claim as a search result of its own: its row of the ledger, as text. */
    private Chunk.SearchEntry claimEntry(ClaimLedger.Checked checked, Environment env, Lang lang, ClaimLedger.Claim c) {
        String heading = (c.seed().isEmpty() ? "" : c.seed() + " ") + c.statement().get(lang);
        List<String> text = new ArrayList<>(List.of(heading, ui.get(lang, UiKey.of(c.verdict()))));
        List<ClaimLedger.OnKernel> onKernels = checked.onKernels(c);
        if (!onKernels.isEmpty()) {
            text.add(kernelText.claimLine(lang, KernelText.thisBuild(env), onKernels));
        }
        text.add(c.note().get(lang));
        for (ClaimLedger.Proof p : c.proofs()) {
            text.add(p.snippet().toString());
            p.shows().forEach(l -> text.add(l.text()));
        }
        return new Chunk.SearchEntry("claim-" + c.id(), heading, String.join(" ", text.stream().filter(t -> !t.isEmpty()).toList()));
    }

    /** Verdict badges of the claims a topic's snippets decide, shown at the top of the topic. */
    public String claimBadges(Lang lang, String topic, List<ClaimLedger.Claim> claims) {
        List<ClaimLedger.Claim> mine = claims.stream()
                .filter(c -> c.proofs().stream().anyMatch(p -> p.snippet().topic().equals(topic))).toList();
        if (mine.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<aside class=\"claims\"><p class=\"claims-title\">")
                .append(esc(ui.get(lang, UiKey.CLAIMS_ON_THIS_PAGE))).append("</p><ul>");
        for (ClaimLedger.Claim c : mine) {
            sb.append("<li>").append(badge(lang, c.verdict())).append(" <a href=\"claims.html#claim-").append(esc(c.id()))
                    .append("\">").append(esc(c.statement().get(lang))).append("</a></li>");
        }
        return sb.append("</ul></aside>").toString();
    }

    private String badge(Lang lang, ClaimLedger.Verdict v) {
        return ClaimReferences.badge(ui, lang, v);
    }

    /** The box at the top of each topic: how to re-run this page's snippets with the stock jshell. */
    public String reverifyBox(Lang lang, String topic, dev.socknotes.content.Header header) {
        return "<details class=\"reverify\"><summary>" + esc(ui.get(lang, UiKey.REVERIFY_TITLE)) + "</summary>"
                + "<p>" + esc(ui.get(lang, UiKey.REVERIFY_TEXT)) + "</p><ul>"
                + "<li><a href=\"../snippets/" + esc(topic) + ".jsh\">" + esc(topic) + ".jsh</a></li>"
                + "<li><a href=\"../support/" + SUPPORT_JAR + "\">" + SUPPORT_JAR + "</a></li></ul>"
                + "<pre class=\"command\"><code>" + esc(jshellCommand(topic + ".jsh", header)) + "</code></pre>"
                + "<p>" + esc(ui.get(lang, UiKey.REVERIFY_CONTAINMENT)) + "</p></details>";
    }

    /** What the reader's command contains and what not, for the replay script's header. */
    public static final String READER_CONTAINMENT = "Contained like the build in network and processes (its own user, network"
            + " and PID namespaces: only lo, and no process outlives the script); NOT in files, unlike the build: the"
            + " snippets can write wherever you can.";

    /**
     * The command for a topic: the build's user, network and PID namespaces ({@code unshare}, no
     * root needed), the topic's sysctls, and the stock jshell. Not the build's read-only
     * filesystem, which needs our agent; the page says so.
     */
    public static String jshellCommand(String script, dev.socknotes.content.Header header) {
        return Sandbox.shellCommand(Sandbox.Scope.ALL, plainJshellCommand(script), header.sysctls());
    }

    /** The same for any topic's script, on the support page. */
    public static String jshellCommand(String script) {
        return Sandbox.shellCommand(Sandbox.Scope.ALL, plainJshellCommand(script), Map.of());
    }

    /**
     * The jshell command line alone (JDK 25 or newer). Output encodings are explicit, for the tool
     * (-J) and for the JVM running the snippets (-R): under an ASCII locale both would print the
     * pages' → as ?.
     */
    static String plainJshellCommand(String script) {
        return "jshell --feedback silent --class-path " + SUPPORT_JAR
                + " -J-Dstdout.encoding=UTF-8 -J-Dstderr.encoding=UTF-8"
                + " -R-Dstdout.encoding=UTF-8 -R-Dstderr.encoding=UTF-8"
                + " -R--enable-native-access=ALL-UNNAMED " + script;
    }

    private static RenderedPage page(String key, Lang lang, String title, String summary, LocalDate date, Chunk body) {
        return new RenderedPage(key, lang, title, summary, date,
                List.of(new Section(null, 0, "", "", List.of(body))), List.of(), "(generated)");
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
