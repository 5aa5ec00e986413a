package dev.socknotes.render;

import dev.socknotes.content.Lang;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The user-interface strings of the site, one table per language ({@code templates/ui/zh.properties}
 * and {@code templates/ui/en.properties}, UTF-8). Java code and templates both read labels from here,
 * so no template or renderer decides wording with {@code if lang == ...}.
 */
public final class UiStrings {
    private static final Pattern TEMPLATE_KEY = Pattern.compile("\\bui\\([^,()]+, *\"([^\"]+)\"\\)");

    private final Map<Lang, Map<String, String>> tables;

    private UiStrings(Map<Lang, Map<String, String>> tables) {
        this.tables = tables;
    }

    /**
     * Loads both tables from {@code dir}; fails if a key is present in one language only, so that a
     * missing translation of the interface is caught like a missing translation of a page.
     */
    public static UiStrings load(Path dir) throws IOException {
        Map<Lang, Map<String, String>> tables = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            Path file = dir.resolve(lang.dir() + ".properties");
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Map<String, String> table = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> table.put(k, p.getProperty(k)));
            tables.put(lang, Map.copyOf(table));
        }
        Set<String> zh = new TreeSet<>(tables.get(Lang.ZH).keySet());
        Set<String> en = new TreeSet<>(tables.get(Lang.EN).keySet());
        if (!zh.equals(en)) {
            Set<String> onlyZh = new TreeSet<>(zh);
            onlyZh.removeAll(en);
            Set<String> onlyEn = new TreeSet<>(en);
            onlyEn.removeAll(zh);
            throw new IOException(dir + ": UI string tables differ; only in zh.properties: " + onlyZh
                    + ", only in en.properties: " + onlyEn);
        }
        Set<String> missing = new TreeSet<>();
        Arrays.stream(UiKey.values()).map(UiKey::key).filter(k -> !en.contains(k)).forEach(missing::add);
        missing.addAll(templateKeys(dir.getParent()).stream().filter(k -> !en.contains(k)).toList());
        if (!missing.isEmpty()) {
            throw new IOException(dir + ": UI strings used by the build or its templates but missing from both tables: "
                    + missing);
        }
        return new UiStrings(tables);
    }

    /** The keys the templates name literally: {@code ui(lang, "nav.contents")}. */
    private static Set<String> templateKeys(Path templatesDir) throws IOException {
        Set<String> keys = new TreeSet<>();
        if (templatesDir == null || !Files.isDirectory(templatesDir)) {
            return keys;
        }
        try (Stream<Path> s = Files.list(templatesDir)) {
            for (Path ftl : s.filter(f -> f.toString().endsWith(".ftl")).sorted().toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(ftl, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    /** The label for {@code key} in {@code lang}; every key is in both tables (checked by {@link #load}). */
    public String get(Lang lang, UiKey key) {
        return tables.get(lang).get(key.key());
    }

    /** The whole table of one language, for templates. */
    public Map<String, String> table(Lang lang) {
        return tables.get(lang);
    }
}
