package dev.socknotes.internal;

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
 * A jar of one package's compiled classes, taken from wherever a class of it was loaded (a folder of
 * classes, or the packaged jar in integration tests), written deterministically: sorted entries,
 * fixed times, so the same classes always give the same bytes.
 */
public final class PackageJar {
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's epoch

    private PackageJar() {}

    /** Class files of {@code anchor}'s package and its subpackages, by entry name, sorted. */
    public static Map<String, byte[]> classFiles(Class<?> anchor) throws IOException {
        Path root = codeSource(anchor);
        String packageDir = anchor.getPackageName().replace('.', '/') + "/";
        Map<String, byte[]> out = new LinkedHashMap<>();
        if (Files.isDirectory(root)) {
            collect(root, packageDir, out);
        } else if (Files.isRegularFile(root)) {
            try (FileSystem fs = FileSystems.newFileSystem(root)) {
                collect(fs.getPath("/"), packageDir, out);
            }
        }
        return out;
    }

    /** The jar's bytes; its manifest lets the classes call native code (FFM). */
    public static byte[] jar(Map<String, byte[]> classes) throws IOException {
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

    /** The class-path root (folder or jar) a class was loaded from. */
    public static Path codeSource(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Path root, String packageDir, Map<String, byte[]> out) throws IOException {
        Path pkg = root.resolve(packageDir);
        if (!Files.isDirectory(pkg)) {
            return;
        }
        try (Stream<Path> s = Files.walk(pkg)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
    }
}
