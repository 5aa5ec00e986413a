package dev.socknotes.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one run, resolved against the project root.
 *
 * @param projectRoot  the repository root (holds content/, templates/, assets/, data/)
 * @param contentDir   Markdown pages
 * @param siteDir      where the finished site lands (swapped in atomically)
 * @param workDir      scratch and reports (target/socknotes): cache, agent logs, timing report
 * @param only         topic or topic#id filter, if any
 * @param useCache     reuse cached results of unchanged topics
 * @param baseUrl      absolute site URL ending in "/", if configured
 * @param sandbox      how far snippet agents are contained
 * @param strictTranslations stale sections, missing facts and avoided terms are errors (only when set; never inferred)
 */
public record BuildConfig(Path projectRoot, Path contentDir, Path templatesDir, Path assetsDir, Path dataDir,
                          Path siteDir, Path workDir, Mode mode, Optional<String> only, boolean slow,
                          boolean useCache, int workers, Optional<String> baseUrl, SandboxPolicy sandbox, int port,
                          boolean strictTranslations) {

    /** Builds a config from setting values (unset or empty values take the defaults). */
    public static BuildConfig from(Path projectRoot, Map<Setting, String> values) throws IllegalArgumentException {
        Map<Setting, String> v = new EnumMap<>(Setting.class);
        values.forEach((k, val) -> {
            if (val != null && !val.isBlank()) {
                v.put(k, val.strip());
            }
        });
        Path root = projectRoot.toAbsolutePath().normalize();
        Mode mode = switch (v.getOrDefault(Setting.MODE, "build")) {
            case "build" -> Mode.BUILD;
            case "update" -> Mode.UPDATE;
            case "serve" -> Mode.SERVE;
            case "sync" -> Mode.SYNC;
            case "matrix" -> Mode.MATRIX;
            case "matrix-update" -> Mode.MATRIX_UPDATE;
            default -> throw new IllegalArgumentException(Setting.MODE.property()
                    + " must be build, update, serve, sync, matrix or matrix-update");
        };
        // one more than the cores: snippets spend part of their time waiting on the kernel, not computing
        int workers = parseInt(v, Setting.WORKERS, Runtime.getRuntime().availableProcessors() + 1, 1, 64);
        int port = parseInt(v, Setting.PORT, 8000, 0, 65535);
        SandboxPolicy sandbox = SandboxPolicy.of(v.getOrDefault(Setting.SANDBOX, SandboxPolicy.AUTO.word()))
                .orElseThrow(() -> new IllegalArgumentException(Setting.SANDBOX.property() + " must be auto, on, network or off"));
        Optional<String> baseUrl = Optional.ofNullable(v.get(Setting.BASE_URL)).map(u -> u.endsWith("/") ? u : u + "/");
        baseUrl.ifPresent(u -> {
            if (!u.matches("https?://[^\\s\"<>]+")) {
                throw new IllegalArgumentException(Setting.BASE_URL.property() + " must be an absolute http(s) URL");
            }
        });
        Path target = root.resolve("target");
        return new BuildConfig(root,
                root.resolve(v.getOrDefault(Setting.CONTENT, "content")),
                root.resolve("templates"), root.resolve("assets"), root.resolve("data"),
                root.resolve(v.getOrDefault(Setting.OUT, "target/site")),
                target.resolve("socknotes"), mode,
                Optional.ofNullable(v.get(Setting.ONLY)),
                parseBool(v, Setting.SLOW, false),
                parseBool(v, Setting.CACHE, mode == Mode.SERVE),
                workers, baseUrl, sandbox, port, parseBool(v, Setting.STRICT_TRANSLATIONS, false));
    }

    private static int parseInt(Map<Setting, String> v, Setting s, int dflt, int min, int max) {
        if (!v.containsKey(s)) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.get(s));
            if (n < min || n > max) {
                throw new IllegalArgumentException(s.property() + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(s.property() + " must be a whole number, not '" + v.get(s) + "'");
        }
    }

    private static boolean parseBool(Map<Setting, String> v, Setting s, boolean dflt) {
        if (!v.containsKey(s)) {
            return dflt;
        }
        return switch (v.get(s)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(s.property() + " must be true or false");
        };
    }

    /** The zip of the site next to the site folder: target/socknotes-site.zip. */
    public Path zipFile() {
        return siteDir.resolveSibling("socknotes-site.zip");
    }
}
