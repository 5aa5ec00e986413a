package dev.socknotes.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socknotes.internal.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our bake (in-memory content store, linear documents renderer) against stock {@code Oven.bake()}
 * with its OrientDB on one JBake project that uses what templates can ask of the store: previous
 * and next links around a draft, published posts and pages, tags, a data file,
 * an index, tag pages and a sitemap. Both must write the same files, byte for byte.
 */
class JBakeBakeTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSameSiteAsStockJBakeWithItsDatabase() throws Exception {
        Path source = project(dir.resolve("src"));
        Path stock = dir.resolve("stock");
        Path ours = dir.resolve("ours");
        Oven oven = new Oven(config(source, stock));
        oven.bake();
        assertThat(oven.getErrors()).isEmpty();
        assertThat(JBakeBake.bake(config(source, ours))).isEmpty();

        Map<String, String> expected = tree(stock);
        assertThat(expected).containsKeys("blog/a.html", "blog/c.html", "about.html", "index.html", "tags/net.html", "sitemap.xml")
                .doesNotContainKey("blog/b.html");
        assertThat(expected.get("blog/c.html")).contains("prev=Alpha|"); // the older neighbour, past the draft
        Map<String, String> actual = tree(ours);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String file : expected.keySet()) {
            assertThat(actual.get(file)).as(file).isEqualTo(expected.get(file));
        }
    }

    @Test
    void equalDatesKeepTheCrawlOrderWhereTheDatabaseLeftItUndefined() throws Exception {
        Path source = project(dir.resolve("src"));
        post(source, "f", "Zeta", "2026-01-05", "published", "tcp"); // same date as Epsilon, crawled after it
        assertThat(JBakeBake.bake(config(source, dir.resolve("out")))).isEmpty();
        assertThat(Files.readString(dir.resolve("out/blog/a.html"))).contains("[Epsilon][Zeta][Delta][Gamma][Alpha]");
    }

    @Test
    void aSecondBakeInTheSameProcessIsTheSame() throws Exception {
        Path source = project(dir.resolve("src"));
        assertThat(JBakeBake.bake(config(source, dir.resolve("one")))).isEmpty();
        assertThat(JBakeBake.bake(config(source, dir.resolve("two")))).isEmpty();
        assertThat(tree(dir.resolve("two"))).isEqualTo(tree(dir.resolve("one")));
    }

    @Test
    void aTemplateErrorIsReturnedNotThrown() throws Exception {
        Path source = project(dir.resolve("src"));
        Files.writeString(source.resolve("templates/post.ftl"), "${content.title?no_such_builtin}");
        assertThat(JBakeBake.bake(config(source, dir.resolve("out"))))
                .singleElement().extracting(Throwable::getMessage).asString().contains("no_such_builtin");
    }

    static JBakeConfiguration config(Path source, Path out) throws Exception {
        Files.createDirectories(out);
        return new JBakeConfigurationFactory().createDefaultJbakeConfiguration(source.toFile(), out.toFile(), true);
    }

    static Path project(Path src) throws IOException {
        FileTrees.deleteTree(src);
        write(src, "jbake.properties", """
                render.index=true
                render.tags=true
                render.sitemap=true
                render.feed=false
                render.archive=false
                render.error404=false
                site.host=https://example.org
                markdown.extensions=
                """);
        write(src, "templates/post.ftl", """
                <h1>${content.title}</h1>${content.body}
                prev=<#if content.previousContent??>${content.previousContent.title}</#if>|
                next=<#if content.nextContent??>${content.nextContent.title}</#if>|
                colour=${data.get("site.yaml").colour}
                <#list published_posts as p>[${p.title}]</#list>
                """);
        write(src, "templates/page.ftl", """
                <h1>${content.title}</h1>${content.body}<#list published_pages as p>[${p.title}]</#list>
                """);
        write(src, "templates/index.ftl", """
                <#list posts as p>${p.title} ${p.date?string("yyyy-MM-dd")};</#list>
                <#list alltags as t>#${t}</#list>
                """);
        write(src, "templates/tags.ftl", """
                ${tag}: <#list tag_posts as p>${p.title};</#list>
                """);
        write(src, "templates/sitemap.ftl", """
                <#list published_content as c>${config.site_host}/${c.uri}
                </#list>
                """);
        write(src, "data/site.yaml", "colour: teal\n");
        post(src, "a", "Alpha", "2026-01-01", "published", "net,tcp");
        post(src, "b", "Beta", "2026-01-02", "draft", "net");
        post(src, "c", "Gamma", "2026-01-03", "published", "tcp");
        post(src, "d", "Delta", "2026-01-04", "published", "net");
        post(src, "e", "Epsilon", "2026-01-05", "published", "tcp");
        write(src, "content/about.html", """
                title=About
                date=2026-01-05
                type=page
                status=published
                ~~~~~~
                <p>About <b>this</b>.</p>
                """);
        return src;
    }

    static void post(Path src, String name, String title, String date, String status, String tags) throws IOException {
        write(src, "content/blog/" + name + ".html", "title=" + title + "\ndate=" + date + "\ntype=post\nstatus=" + status
                + "\ntags=" + tags + "\n~~~~~~\n<p>" + title + " body</p>\n");
    }

    static void write(Path root, String file, String text) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }
}
