package dev.socknotes.render;

import dev.socknotes.content.Topic;
import dev.socknotes.snippet.ParsedPage;
import dev.socknotes.snippet.Snippet;

/**
 * A topic's snippets as a script for the JDK's own {@code jshell} tool, so that a reader can
 * reproduce the page's outputs with nothing of ours but the support jar.
 */
public final class ReverifyScript {
    private ReverifyScript() {}

    public static String of(Topic topic, ParsedPage page) {
        StringBuilder sb = new StringBuilder();
        sb.append("// socknotes: ").append(topic.page(dev.socknotes.content.Lang.EN).header().title()).append('\n');
        sb.append("// Replays the snippets of this topic in page order. Run with JDK 25 or newer on Linux:\n");
        sb.append("//   ").append(GeneratedPages.jshellCommand(topic.key() + ".jsh", topic.page(dev.socknotes.content.Lang.EN).header())).append('\n');
        sb.append("// ").append(GeneratedPages.READER_CONTAINMENT).append('\n');
        sb.append("import dev.socknotes.support.*;\n");
        for (Snippet s : page.snippets()) {
            sb.append("\n// ").append(s.reference());
            if (s.options().throwsClass().isPresent()) {
                sb.append(" (ends by throwing ").append(s.options().throwsClass().get()).append(')');
            }
            if (s.options().reset()) {
                sb.append(" (the page runs this in a fresh JVM: /reset first)");
            }
            sb.append('\n');
            if (s.options().reset()) {
                sb.append("/reset\nimport dev.socknotes.support.*;\n");
            }
            sb.append(s.code()).append('\n');
        }
        return sb.append("/exit\n").toString();
    }
}
