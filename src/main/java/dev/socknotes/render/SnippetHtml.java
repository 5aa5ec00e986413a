package dev.socknotes.render;

import dev.socknotes.content.Lang;
import dev.socknotes.exec.Environment;
import dev.socknotes.internal.DisplayText;
import dev.socknotes.verify.ClaimLedger;
import dev.socknotes.verify.KernelResult;
import dev.socknotes.verify.KernelResults;
import dev.socknotes.verify.SnippetStatus;
import dev.socknotes.verify.VerifiedSnippet;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Entities;

/** The HTML of one run snippet: its code and the output this build verified (or recorded). */
public final class SnippetHtml {
    private final UiStrings ui;
    private final ClaimLedger.Checked claims;
    private final KernelResults kernels;
    private final KernelText kernelText;

    public SnippetHtml(UiStrings ui) {
        this(ui, ClaimLedger.Checked.NONE, KernelResults.NONE);
    }

    /**
     * With the claims whose {@code shows} lines are marked in the outputs, each linking to the
     * ledger, and the kernel matrix's records, named in each output's verification line.
     */
    public SnippetHtml(UiStrings ui, ClaimLedger.Checked claims, KernelResults kernels) {
        this.ui = ui;
        this.claims = claims;
        this.kernels = kernels;
        this.kernelText = new KernelText(ui);
    }

    public String render(VerifiedSnippet v, Lang lang, String topic, Environment env) {
        return render(v, lang, topic, env, java.util.Map.of());
    }

    /** With the topic's namespace-local sysctls, which are named next to every output they may affect. */
    public String render(VerifiedSnippet v, Lang lang, String topic, Environment env, java.util.Map<String, String> sysctls) {
        var s = v.snippet();
        String code = "<pre class=\"snippet-code\"><code class=\"language-java\">" + escape(s.code()) + "</code></pre>";
        String ref = escape(topic + "#" + s.options().id().orElse(String.valueOf(s.index() + 1)));
        if (s.options().hidden()) {
            return "<details class=\"snippet snippet-hidden\" id=\"" + s.anchor() + "\" data-snippet=\"" + ref + "\">"
                    + "<summary>" + escape(ui.get(lang, UiKey.SNIPPET_SETUP_CODE)) + "</summary>" + code + "</details>";
        }
        StringBuilder sb = new StringBuilder();
        sb.append("<figure class=\"snippet\" id=\"").append(s.anchor()).append("\" data-snippet=\"").append(ref).append("\">");
        sb.append(code);
        if (s.options().silent()) {
            sb.append("<div class=\"snippet-output snippet-silent\"><div class=\"snippet-status\">")
                    .append(escape(ui.get(lang, UiKey.SNIPPET_SILENT))).append("</div></div>");
        } else if (v.shownOutput() != null) {
            String kind = switch (v.status()) {
                case VERIFIED, CACHED -> s.options().throwsClass().isPresent() ? "snippet-verified snippet-threw" : "snippet-verified";
                default -> "snippet-recorded";
            };
            sb.append("<div class=\"snippet-output ").append(kind).append("\">");
            List<KernelResult> onKernels = kernels.of(s.reference());
            sb.append("<div class=\"snippet-status\">").append(escape(statusLine(v.status(), lang, env, onKernels)));
            if (!sysctls.isEmpty()) {
                String settings = String.join(", ", sysctls.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
                sb.append("<span class=\"snippet-sysctl\">").append(escape(MessageFormat.format(ui.get(lang, UiKey.SNIPPET_SYSCTL), settings)))
                        .append("</span>");
            }
            sb.append("</div>");
            sb.append("<pre><samp>").append(outputHtml(v, lang, topic)).append("</samp></pre>");
            for (KernelResult k : onKernels) {
                if (k instanceof KernelResult.Differs d) {
                    sb.append(kernelText.diffHtml(d, kernelText.diffSummary(lang, d)));
                }
            }
            sb.append("</div>");
            String diagram = SequenceDiagram.render(v.shownOutput(), ui.get(lang, UiKey.DIAGRAM_CLIENT),
                    ui.get(lang, UiKey.DIAGRAM_SERVER), ui.get(lang, UiKey.DIAGRAM_CAPTION));
            if (!diagram.isEmpty()) {
                sb.append("<div class=\"snippet-diagram\">").append(diagram).append("</div>");
            }
        }
        return sb.append("</figure>").toString();
    }

    /**
     * The output, escaped and made safe to display; each line a claim of the ledger relies on is
     * marked and links to that claim (the first, when several rely on it; the title names all).
     */
    private String outputHtml(VerifiedSnippet v, Lang lang, String topic) {
        String safe = DisplayText.safe(v.shownOutput());
        Map<Integer, List<ClaimLedger.Claim>> marks = claims.marksFor(v.snippet().reference());
        if (marks.isEmpty()) {
            return escape(safe);
        }
        String ledger = "../".repeat((int) topic.chars().filter(c -> c == '/').count()) + GeneratedPages.CLAIMS + ".html";
        String[] lines = safe.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            List<ClaimLedger.Claim> at = marks.get(i);
            if (at == null) {
                sb.append(escape(lines[i]));
                continue;
            }
            String title = String.join("; ", at.stream().map(c -> ui.get(lang, UiKey.of(c.verdict())) + ": " + c.statement().get(lang)).toList());
            sb.append("<mark class=\"evidence\" data-claims=\"").append(escape(String.join(" ", at.stream().map(ClaimLedger.Claim::id).toList())))
                    .append("\"><a href=\"").append(ledger).append("#claim-").append(escape(at.getFirst().id()))
                    .append("\" title=\"").append(escape(title)).append("\">").append(escape(lines[i])).append("</a></mark>");
        }
        return sb.toString();
    }

    /** "verified output · verified on 6.18.44 (this build); also 5.10.223, 6.1.176, 6.12.117". */
    private String statusLine(SnippetStatus status, Lang lang, Environment env, List<KernelResult> onKernels) {
        boolean here = status == SnippetStatus.VERIFIED || status == SnippetStatus.CACHED;
        String kernelLine = kernelText.snippetLine(lang, here ? KernelText.thisBuild(env) : Optional.empty(), onKernels);
        String where = kernelLine.isEmpty() ? "" : " · " + kernelLine;
        return switch (status) {
            case VERIFIED -> ui.get(lang, UiKey.SNIPPET_VERIFIED) + where;
            case CACHED -> ui.get(lang, UiKey.SNIPPET_CACHED) + where;
            case RECORDED -> ui.get(lang, UiKey.SNIPPET_RECORDED) + where;
            case NOT_VERIFIED_HERE -> ui.get(lang, UiKey.SNIPPET_RECORDED_NON_LINUX) + where;
            case FAILED -> status.name().toLowerCase(Locale.ROOT);
        };
    }

    static String escape(String s) {
        return Entities.escape(s);
    }
}
