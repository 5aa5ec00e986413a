package dev.socknotes.site;

import dev.socknotes.content.Lang;
import dev.socknotes.render.RenderedPage;
import dev.socknotes.render.RenderedTopic;
import dev.socknotes.render.SearchIndex;
import dev.socknotes.render.SiteModel;
import dev.socknotes.render.UiKey;
import dev.socknotes.render.TocEntry;
import dev.socknotes.render.UiStrings;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.internal.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Feeds finished pages to JBake and bakes them with our FreeMarker templates. JBake sees a source
 * folder we assemble in a temporary directory: one HTML content file per view of each topic (中文,
 * English, side by side), a data file with the navigation and the interface strings, the project's
 * templates and assets plus the vendored highlighter. Nothing outside this package touches JBake.
 */
public final class SiteBaker {
    /** Folder of the side-by-side view. */
    public static final String BILINGUAL = "bilingual";
    private static final String HIGHLIGHT = "META-INF/resources/webjars/highlightjs/11.10.0/";
    private static final String ORIGINAL_POST = "http://www.cnblogs.com/wainiwann/p/3942203.html";

    private final Path templatesDir;
    private final Path assetsDir;
    private final UiStrings ui;

    public SiteBaker(Path templatesDir, Path assetsDir, UiStrings ui) {
        this.templatesDir = templatesDir;
        this.assetsDir = assetsDir;
        this.ui = ui;
    }

    /**
     * What a bake produced: template errors (with positions when FreeMarker gives them), the page
     * count, and how many pages JBake rendered (fewer than the count when the previous site was reused).
     */
    public record BakeResult(List<Diagnostic> diagnostics, int pagesWritten, int pagesRendered) {
        public BakeResult {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * A site a previous build wrote, the JBake input it was baked from, and names of top-level
     * files in it that the caller makes again itself (not reused).
     */
    public record Previous(Path site, Path source, Set<String> remade) {}

    /**
     * Bakes {@code model} into {@code outDir} (empty or absent) and leaves what JBake was given — finished pages,
     * templates, assets, data, jbake.properties — in {@code source} (replaced if it exists), for
     * inspection, for the next build's reuse and for the benchmark's stock-JBake comparison on the
     * very same input.
     *
     * <p>With a {@code previous} site, only what changed is baked again: each page depends on its own
     * content file, the templates, the data file and jbake.properties and nothing else (our
     * templates read no other document), so when only content files and assets changed, the
     * previous site's files are linked and JBake renders just the changed pages. Anything else — templates,
     * data, properties, a page added or removed, a sitemap (it lists every page) — bakes everything.
     */
    public BakeResult bake(SiteModel model, Path outDir, Path source, Optional<Previous> previous) throws IOException {
        Path next = source.resolveSibling(source.getFileName() + ".next");
        FileTrees.deleteTree(next);
        Files.createDirectories(next);
        assemble(model, next);
        Files.createDirectories(outDir);
        Optional<InputChanges> changes = model.baseUrl() != null ? Optional.empty()
                : previous.filter(p -> Files.isDirectory(p.site())).flatMap(p -> InputChanges.between(p.source(), next));
        List<Diagnostic> diagnostics = new ArrayList<>();
        int rendered;
        if (changes.isPresent()) {
            Path old = previous.get().site();
            copyTree(old, outDir, p -> !(p.getParent().equals(old) && previous.get().remade().contains(p.getFileName().toString())),
                    Transfer.LINK);
            diagnostics.addAll(bakeChanged(changes.get(), next, source.resolveSibling(source.getFileName() + ".partial"), outDir));
            rendered = changes.get().content().size();
        } else {
            diagnostics.addAll(jbake(next, outDir));
            rendered = -1;
        }
        FileTrees.deleteTree(source);
        Files.move(next, source);
        for (Map.Entry<String, byte[]> f : model.files().entrySet()) {
            Path target = outDir.resolve(f.getKey()).normalize();
            if (!target.startsWith(outDir)) {
                throw new IllegalArgumentException("file outside the site: " + f.getKey());
            }
            Files.createDirectories(target.getParent());
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), f.getValue())) {
                continue; // reused from the previous site as it is
            }
            Files.deleteIfExists(target); // may be linked to the previous site's file
            Files.write(target, f.getValue());
        }
        int pages = countPages(outDir);
        return new BakeResult(diagnostics, pages, rendered < 0 ? pages : rendered);
    }

    /**
     * Over the previous site's files in {@code outDir}: JBake renders the changed pages from a
     * {@code partial} input (the full input's templates, data and properties, only those pages),
     * and the changed assets are copied.
     */
    private List<Diagnostic> bakeChanged(InputChanges changes, Path input, Path partial, Path outDir) throws IOException {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (!changes.content().isEmpty()) {
            FileTrees.deleteTree(partial);
            copyTree(input.resolve("templates"), partial.resolve("templates"), p -> true, Transfer.COPY);
            copyTree(input.resolve("data"), partial.resolve("data"), p -> true, Transfer.COPY);
            Files.copy(input.resolve("jbake.properties"), partial.resolve("jbake.properties"));
            Files.createDirectories(partial.resolve("assets"));
            for (String page : changes.content()) {
                Path target = partial.resolve(page);
                Files.createDirectories(target.getParent());
                Files.copy(input.resolve(page), target);
                // JBake writes into the file it finds, which is linked to the previous site's
                Files.deleteIfExists(outDir.resolve(input.resolve("content").relativize(input.resolve(page)).toString()));
            }
            diagnostics.addAll(jbake(partial, outDir));
            FileTrees.deleteTree(partial);
        }
        for (String asset : changes.assets()) {
            Path target = outDir.resolve(input.resolve("assets").relativize(input.resolve(asset)).toString());
            Files.createDirectories(target.getParent());
            Files.copy(input.resolve(asset), target, StandardCopyOption.REPLACE_EXISTING);
        }
        return diagnostics;
    }

    private List<Diagnostic> jbake(Path source, Path outDir) {
        JBakeConfiguration config = new JBakeConfigurationFactory()
                .createDefaultJbakeConfiguration(source.toFile(), outDir.toFile(), true);
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Throwable error : JBakeBake.bake(config)) {
            diagnostics.add(TemplateErrors.toDiagnostic(error, templatesDir));
        }
        return diagnostics;
    }

    private void assemble(SiteModel model, Path source) throws IOException {
        Path content = source.resolve("content");
        copyTree(templatesDir, source.resolve("templates"), p -> p.toString().endsWith(".ftl"), Transfer.COPY);
        Path assets = source.resolve("assets");
        if (Files.isDirectory(assetsDir)) {
            copyTree(assetsDir, assets, p -> true, Transfer.COPY);
        }
        copyResource(HIGHLIGHT + "highlight.min.js", assets.resolve("vendor/highlight/highlight.min.js"));
        Files.writeString(assets.resolve("search-index.js"), SearchIndex.build(model.topics()), StandardCharsets.UTF_8);

        LocalDate newest = LocalDate.of(2021, 1, 1);
        for (RenderedTopic t : model.topics()) {
            for (Lang lang : Lang.values()) {
                RenderedPage p = t.page(lang);
                newest = p.date().isAfter(newest) ? p.date() : newest;
                write(content.resolve(lang.dir()).resolve(t.key() + ".html"),
                        header(p.title(), p.date(), "topic", lang.dir(), t.key(), p.summary()) + p.bodyHtml());
            }
            RenderedPage zh = t.page(Lang.ZH);
            RenderedPage en = t.page(Lang.EN);
            write(content.resolve(BILINGUAL).resolve(t.key() + ".html"),
                    header(zh.title() + " · " + en.title(), en.date(), "topic", BILINGUAL, t.key(), en.summary())
                            + SideBySide.render(zh, en));
        }
        for (Lang lang : Lang.values()) {
            write(content.resolve(lang.dir()).resolve("index.html"),
                    header(ui.get(lang, UiKey.SITE_TITLE), newest, "home", lang.dir(), "index", ui.get(lang, UiKey.SITE_TAGLINE)));
        }
        write(content.resolve(BILINGUAL).resolve("index.html"),
                header(ui.get(Lang.ZH, UiKey.SITE_TITLE), newest, "home", BILINGUAL, "index", ui.get(Lang.EN, UiKey.SITE_TAGLINE)));
        write(content.resolve("index.html"),
                header(ui.get(Lang.EN, UiKey.SITE_TITLE), newest, "home", "root", "index", ui.get(Lang.EN, UiKey.SITE_TAGLINE)));
        write(content.resolve("404.html"),
                header("404", newest, "notfound", "root", "404", ""));

        Files.createDirectories(source.resolve("data"));
        Files.writeString(source.resolve("data/site.yaml"), siteData(model), StandardCharsets.UTF_8);
        Files.writeString(source.resolve("jbake.properties"), properties(model), StandardCharsets.UTF_8);
    }

    /** Navigation, tables of contents and interface strings for the templates. */
    private String siteData(SiteModel model) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> topics = new ArrayList<>();
        Map<String, Object> byKey = new LinkedHashMap<>();
        for (RenderedTopic t : model.topics()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", t.key());
            for (Lang lang : Lang.values()) {
                RenderedPage p = t.page(lang);
                Map<String, Object> page = new LinkedHashMap<>();
                page.put("title", p.title());
                page.put("summary", p.summary());
                page.put("source", p.sourcePath());
                List<Map<String, Object>> toc = new ArrayList<>();
                for (TocEntry e : p.toc()) {
                    Map<String, Object> item = new LinkedHashMap<>(); // Map.of's order changes from run to run
                    item.put("id", e.id());
                    item.put("level", e.level());
                    item.put("html", e.textHtml());
                    toc.add(item);
                }
                page.put("toc", toc);
                entry.put(lang.dir(), page);
            }
            topics.add(entry);
            byKey.put(t.key(), entry);
        }
        root.put("topics", topics);
        root.put("byKey", byKey);
        Map<String, Object> strings = new LinkedHashMap<>();
        for (Lang lang : Lang.values()) {
            strings.put(lang.dir(), new TreeMap<>(ui.table(lang))); // sorted: the input is compared between builds
        }
        root.put("ui", strings);
        root.put("environment", model.environment() == null ? "" : model.environment().display());
        root.put("baseUrl", model.baseUrl() == null ? "" : model.baseUrl());
        root.put("originalPost", ORIGINAL_POST);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        options.setWidth(Integer.MAX_VALUE);
        // byKey shares its entries with topics; written as anchors and aliases, JBake's YAML reader
        // refuses the file beyond 50 topics (SnakeYAML's alias limit), so each entry is written out
        options.setDereferenceAliases(true);
        return new Yaml(options).dump(root);
    }

    private static String properties(SiteModel model) {
        StringBuilder sb = new StringBuilder();
        sb.append("template.topic.file=topic.ftl\n");
        sb.append("template.home.file=home.ftl\n");
        sb.append("template.notfound.file=notfound.ftl\n");
        sb.append("render.index=false\nrender.feed=false\nrender.archive=false\nrender.tags=false\n");
        sb.append("render.tagsindex=false\nrender.error404=false\n");
        sb.append("render.sitemap=").append(model.baseUrl() != null).append('\n');
        sb.append("template.sitemap.file=sitemap.ftl\n");
        if (model.baseUrl() != null) {
            sb.append("site.host=").append(model.baseUrl().replaceAll("/$", "")).append('\n');
        }
        sb.append("render.encoding=UTF-8\ntemplate.encoding=UTF-8\n");
        sb.append("markdown.extensions=\n");
        return sb.toString();
    }

    private static String header(String title, LocalDate date, String type, String view, String topic, String summary) {
        return "title=" + oneLine(title) + "\n"
                + "date=" + date + "\n"
                + "type=" + type + "\n"
                + "status=published\n"
                + "view=" + view + "\n"
                + "topic=" + topic + "\n"
                + "summary=" + oneLine(summary) + "\n"
                + "~~~~~~\n";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = SiteBaker.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing on the class path: " + name);
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target);
        }
    }

    /** How {@link #copyTree} puts a file in place. */
    private enum Transfer { COPY, LINK }

    /**
     * Copies the files of {@code from} that {@code include} accepts into {@code to}. With
     * {@link Transfer#LINK}, hard links instead (copies where links are impossible): nothing is
     * copied, and as every later write into {@code to} replaces a file instead of writing into it,
     * the previous site, still being served, never changes.
     */
    private static void copyTree(Path from, Path to, Predicate<Path> include, Transfer transfer) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (include.test(p)) {
                    Files.createDirectories(target.getParent());
                    if (transfer == Transfer.LINK) {
                        try {
                            Files.createLink(target, p);
                            continue;
                        } catch (UnsupportedOperationException | IOException e) {
                            // no links on this file system: copy
                        }
                    }
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int countPages(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(p -> p.toString().endsWith(".html")).count();
        }
    }

}
