package dev.socknotes.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The snippet support library as readers get it: a jar of the compiled {@code dev.socknotes.support}
 * classes (deterministic: sorted entries, fixed times) and its sources for the appendix page.
 */
public final class SupportBundle {
    public static final String PACKAGE_DIR = "dev/socknotes/support/";
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's epoch

    private SupportBundle() {}

    /** Class files of the support package, by entry name, from wherever our classes were loaded. */
    public static Map<String, byte[]> classFiles() throws IOException {
        Path root = codeSourceRoot();
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (Files.isDirectory(root)) {
            collect(root, out);
        } else if (Files.isRegularFile(root)) {
            try (FileSystem fs = FileSystems.newFileSystem(root)) {
                collect(fs.getPath("/"), out);
            }
        }
        return out;
    }

    private static void collect(Path root, Map<String, byte[]> out) throws IOException {
        Path pkg = root.resolve(PACKAGE_DIR);
        if (!Files.isDirectory(pkg)) {
            return;
        }
        try (Stream<Path> s = Files.walk(pkg)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }

    /** The support jar's bytes, or an empty array when the support package is not on the class path. */
    public static byte[] jar() throws IOException {
        Map<String, byte[]> classes = classFiles();
        if (classes.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(new Attributes.Name("Enable-Native-Access"), "ALL-UNNAMED");
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            ZipEntry m = new ZipEntry("META-INF/MANIFEST.MF");
            m.setLastModifiedTime(FIXED_TIME);
            jar.putNextEntry(m);
            mf.write(jar);
            jar.closeEntry();
            List<String> dirs = new ArrayList<>();
            for (String name : classes.keySet()) {
                String dir = name.substring(0, name.lastIndexOf('/') + 1);
                for (int i = dir.indexOf('/'); i >= 0; i = dir.indexOf('/', i + 1)) {
                    String d = dir.substring(0, i + 1);
                    if (!dirs.contains(d)) {
                        dirs.add(d);
                        ZipEntry e = new ZipEntry(d);
                        e.setLastModifiedTime(FIXED_TIME);
                        jar.putNextEntry(e);
                        jar.closeEntry();
                    }
                }
                ZipEntry e = new ZipEntry(name);
                e.setLastModifiedTime(FIXED_TIME);
                jar.putNextEntry(e);
                jar.write(classes.get(name));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Where the support library's sources are, relative to the project root. */
    public static final String SOURCE_DIR = "src/main/java/" + PACKAGE_DIR;

    /** The support library's Java sources (file name → text), read from the project's src/. */
    public static Map<String, String> sources(Path projectRoot) throws IOException {
        Path dir = projectRoot.resolve(SOURCE_DIR);
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                out.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return out;
    }

    /** The class-path root (directory or jar) our classes were loaded from. */
    public static Path codeSourceRoot() {
        try {
            return Path.of(SupportBundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hash of the support classes, part of the result-cache key. */
    public static String hash() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (var e : classFiles().entrySet()) {
            sb.append(e.getKey()).append(java.util.HexFormat.of().formatHex(e.getValue()));
        }
        return dev.socknotes.cache.ResultCache.sha256(sb.toString());
    }

}
