package dev.socknotes.publish;

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

    /**
     * The time stamped on every entry: {@code SOURCE_DATE_EPOCH} (seconds, the reproducible-builds.org
     * convention) when it is set, else 1980-01-01. The site itself carries no build time at all.
     */
    static FileTime entryTime(String sourceDateEpoch) {
        if (sourceDateEpoch == null || sourceDateEpoch.isBlank()) {
            return FIXED_TIME;
        }
        try {
            return FileTime.fromMillis(Math.max(FIXED_TIME.toMillis(), Long.parseLong(sourceDateEpoch.strip()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOURCE_DATE_EPOCH must be a number of seconds: " + sourceDateEpoch);
        }
    }

    public static void write(Path siteDir, Path zip) throws IOException {
        FileTime time = entryTime(System.getenv("SOURCE_DATE_EPOCH"));
        try (OutputStream out = Files.newOutputStream(zip);
             ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(siteDir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = siteDir.relativize(p).toString().replace('\\', '/');
                ZipEntry e = new ZipEntry(FOLDER + name);
                e.setCreationTime(time);
                e.setLastModifiedTime(time);
                e.setLastAccessTime(time);
                e.setTime(time.toMillis());
                z.putNextEntry(e);
                Files.copy(p, z);
                z.closeEntry();
            }
        }
    }
}
