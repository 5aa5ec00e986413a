package dev.socknotes.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every setting of a build, declared once: its system property (what Maven forwards with
 * {@code -Dsocknotes.NAME=...}), its command-line flag and what it means. README.md lists these,
 * and a test checks that pom.xml forwards each one to the site build.
 */
public enum Setting {
    MODE("mode", "build | update | serve | sync | matrix | matrix-update (default build)"),
    ONLY("only", "limit update mode (and the snippets executed) to one topic or one topic#id (a snippet id); sync mode to one topic or one topic#section (a section id)"),
    SLOW("slow", "true: also execute snippets marked slow (CI sets it); otherwise their recorded output is shown"),
    CACHE("cache", "true: reuse results of unchanged topics from target/socknotes/cache (default: false for build and update, true for serve)"),
    WORKERS("workers", "how many topics execute in parallel (default: number of cores + 1)"),
    BASE_URL("baseUrl", "absolute URL the site is published at; adds canonical links, absolute hreflang and sitemap.xml"),
    CONTENT("content", "content folder (default content)"),
    OUT("out", "site output folder (default target/site)"),
    SANDBOX("sandbox", "auto | on | network | off: contain snippet agents (own network, PID and mount namespaces, read-only files) as far as the machine can, always (on), in a network namespace only, or not at all (default auto)"),
    PORT("port", "port of the preview server on 127.0.0.1 (default 8000; 0 picks a free one)"),

    KERNELS("kernels", "matrix modes: the Debian kernels to run, by suite or series, e.g. bookworm,6.12 (default bullseye,bookworm,trixie)"),
    STRICT_TRANSLATIONS("strictTranslations", "true: stale translated sections, facts missing from a translation and avoided terms are errors, not warnings (default false; CI sets it)");

    private final String name;
    private final String description;

    Setting(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** The system property, e.g. "socknotes.mode". */
    public String property() {
        return "socknotes." + name;
    }

    /** The command-line flag, e.g. "--base-url". */
    public String flag() {
        return "--" + name.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static Optional<Setting> ofFlag(String flag) {
        return Arrays.stream(values()).filter(s -> s.flag().equals(flag)).findFirst();
    }
}
