package dev.socknotes.exec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The run snippets of one topic, in page order; they share one JShell session in one agent.
 *
 * @param topic    topic key, e.g. "shutdown"
 * @param snippets in page order
 * @param sysctls  namespace-local kernel settings for the topic's sandbox (name → value), e.g.
 *                 {@code net.ipv4.tcp_fin_timeout → 5}; empty when the topic declares none
 * @param needsSandbox the snippets need their own network namespace even without sysctls (capture)
 */
public record TopicJob(String topic, List<SnippetJob> snippets, Map<String, String> sysctls, boolean needsSandbox) {
    public TopicJob(String topic, List<SnippetJob> snippets, Map<String, String> sysctls) {
        this(topic, snippets, sysctls, false);
    }

    public TopicJob {
        Objects.requireNonNull(topic, "topic");
        snippets = List.copyOf(snippets);
        sysctls = Map.copyOf(sysctls);
    }
}
