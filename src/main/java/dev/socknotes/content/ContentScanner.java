package dev.socknotes.content;

import dev.socknotes.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds the pages under {@code content/zh} and {@code content/en}, parses their headers and pairs
 * them into topics. Everything wrong is reported, not just the first problem.
 */
public final class ContentScanner {
    private final Path projectRoot;
    private final HeaderParser headerParser = new HeaderParser();

    public ContentScanner(Path projectRoot) {
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
    }

    /**
     * @param topics  complete topics (both languages, not drafts), in reading order
     * @param drafts  draft pages, checked but not published
     */
    public record Scan(List<Topic> topics, List<Page> drafts, List<Diagnostic> diagnostics) {}

    public Scan scan(Path contentDir) {
        Path dir = contentDir.toAbsolutePath().normalize();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Map<String, Map<Lang, Page>> byKey = new TreeMap<>();
        List<Page> drafts = new ArrayList<>();
        java.util.Set<String> unreadable = new java.util.HashSet<>();
        if (!Files.isDirectory(dir)) {
            diagnostics.add(Diagnostic.error(display(dir), 0, 0, "content folder not found"));
            return new Scan(List.of(), List.of(), diagnostics);
        }
        for (Path file : listFiles(dir)) {
            Path rel = dir.relativize(file);
            Optional<Lang> lang = rel.getNameCount() > 1 ? Lang.fromDir(rel.getName(0).toString()) : Optional.empty();
            String name = file.getFileName().toString();
            if (lang.isEmpty() || !name.endsWith(".md")) {
                diagnostics.add(Diagnostic.error(display(file), 0, 0,
                        "not a page: content/ holds only Markdown files under content/zh/ and content/en/"
                                + " (images and other files go in assets/, data files in data/)"));
                continue;
            }
            String defaultKey = rel.subpath(1, rel.getNameCount()).toString().replace('\\', '/').replaceFirst("\\.md$", "");
            Optional<SourceText> src = read(file, diagnostics);
            if (src.isEmpty()) {
                unreadable.add(defaultKey);
                continue;
            }
            HeaderParser.Parsed parsed = headerParser.parse(src.get(), defaultKey);
            diagnostics.addAll(parsed.diagnostics());
            if (parsed.header().isEmpty()) {
                // Already reported; its translation is not "missing", it is broken.
                unreadable.add(defaultKey);
                continue;
            }
            Page page = new Page(lang.get(), src.get(), parsed.header().get());
            if (page.header().draft()) {
                drafts.add(page);
                continue;
            }
            Page previous = byKey.computeIfAbsent(page.topicKey(), k -> new EnumMap<>(Lang.class)).put(lang.get(), page);
            if (previous != null) {
                diagnostics.add(Diagnostic.error(page.source().path(), 1, 1, "topic '" + page.topicKey()
                        + "' is also claimed by " + previous.source().path() + " (check the topic header)"));
            }
        }
        List<Topic> topics = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            Map<Lang, Page> pages = e.getValue();
            if (pages.size() == Lang.values().length) {
                topics.add(new Topic(e.getKey(), pages));
                continue;
            }
            if (unreadable.contains(e.getKey())) {
                continue;
            }
            for (Page present : pages.values()) {
                Lang missing = present.lang().other();
                Path expected = Path.of("content", missing.dir(), e.getKey() + ".md");
                diagnostics.add(Diagnostic.error(expected, 0, 0, "missing translation: " + present.source().path()
                        + " has no " + missing.nativeName() + " counterpart; create " + expected
                        + " (or mark the page status=draft while it is work in progress)"));
            }
        }
        topics.sort(Comparator.comparingInt(Topic::order).thenComparing(Topic::key));
        return new Scan(List.copyOf(topics), List.copyOf(drafts), diagnostics);
    }

    private Optional<SourceText> read(Path file, List<Diagnostic> diagnostics) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            diagnostics.add(Diagnostic.error(display(file), 0, 0, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                diagnostics.add(Diagnostic.error(display(file), lineAt(bytes, i), 0,
                        "binary file (NUL byte) in content/: pages must be UTF-8 Markdown text"));
                return Optional.empty();
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(in).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return Optional.of(SourceText.of(display(file), text));
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            diagnostics.add(Diagnostic.error(display(file), lineAt(bytes, bad), 0,
                    String.format("invalid UTF-8 (byte 0x%02X at offset %d): save the file as UTF-8", bytes[bad] & 0xff, bad)));
            return Optional.empty();
        }
    }

    /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
    static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
            if (len == 0 || i + len > b.length) {
                return i;
            }
            for (int k = 1; k < len; k++) {
                if ((b[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += len;
        }
        return Math.max(0, b.length - 1);
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private Path display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(projectRoot) ? projectRoot.relativize(abs) : abs;
    }

    private static List<Path> listFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
