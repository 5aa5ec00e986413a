package dev.socknotes.render;

import dev.socknotes.exec.Environment;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the site stage needs, finished: no Markdown left, every string escaped.
 *
 * @param topics      all topics in reading order (content topics, then generated ones such as
 *                    the verification status page and the support-library appendix)
 * @param files       extra files to write verbatim, by site-relative path ("snippets/x.jsh")
 * @param baseUrl     absolute site URL ending in "/", or null when none is configured
 * @param environment where the snippets were verified, or null when nothing was executed
 */
public record SiteModel(List<RenderedTopic> topics, Map<String, byte[]> files, String baseUrl,
                        Environment environment) {
    public SiteModel {
        topics = List.copyOf(topics);
        files = Map.copyOf(files);
        Objects.requireNonNull(topics);
    }
}
