package dev.socknotes.site;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The whole site as one zip for offline reading, byte-reproducible: entries sorted, times fixed,
 * everything under one folder so that unpacking never scatters files.
 */
public final class SiteZip {
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's epoch
    private static final String FOLDER = "socknotes/";

    private SiteZip() {}

    public static void write(Path siteDir, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip);
             ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(siteDir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = siteDir.relativize(p).toString().replace('\\', '/');
                ZipEntry e = new ZipEntry(FOLDER + name);
                e.setCreationTime(FIXED_TIME);
                e.setLastModifiedTime(FIXED_TIME);
                e.setLastAccessTime(FIXED_TIME);
                e.setTime(FIXED_TIME.toMillis());
                z.putNextEntry(e);
                Files.copy(p, z);
                z.closeEntry();
            }
        }
    }
}
