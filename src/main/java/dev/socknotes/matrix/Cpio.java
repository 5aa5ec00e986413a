package dev.socknotes.matrix;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes an initramfs in the kernel's "newc" cpio format (see the kernel's
 * Documentation/driver-api/early-userspace/buffer-format.rst): a 110-byte ASCII header per entry,
 * name and data each padded to four bytes, a TRAILER!!! entry at the end. Uncompressed: under
 * software emulation the kernel unpacks it faster than it would inflate it. Every entry is owned by
 * root, whoever builds it, and parent folders are added as needed.
 */
final class Cpio implements AutoCloseable {
    private static final int DIRECTORY = 0040000;
    private static final int REGULAR = 0100000;
    private static final int SYMLINK = 0120000;

    private final OutputStream out;
    private final Set<String> folders = new HashSet<>();
    private long written;
    private int inode = 1;

    Cpio(OutputStream out) {
        this.out = out;
    }

    void folder(String path) throws IOException {
        String name = strip(path);
        if (name.isEmpty() || !folders.add(name)) {
            return;
        }
        parents(name);
        entry(name, DIRECTORY | 0755, new byte[0]);
    }

    /** A file copied from disk, executable if the original is. */
    void file(String path, Path source) throws IOException {
        file(path, Files.readAllBytes(source), Files.isExecutable(source));
    }

    void file(String path, byte[] content, boolean executable) throws IOException {
        String name = strip(path);
        parents(name);
        entry(name, REGULAR | (executable ? 0755 : 0644), content);
    }

    void symlink(String path, String target) throws IOException {
        String name = strip(path);
        parents(name);
        entry(name, SYMLINK | 0777, target.getBytes(StandardCharsets.UTF_8));
    }

    private void parents(String name) throws IOException {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
            folder(name.substring(0, slash));
        }
    }

    private void entry(String name, int mode, byte[] data) throws IOException {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder("070701");
        long[] fields = {inode++, mode, 0, 0, 1, 0, data.length, 0, 0, 0, 0, nameBytes.length, 0};
        for (long f : fields) {
            header.append(String.format("%08x", f));
        }
        write(header.toString().getBytes(StandardCharsets.US_ASCII));
        write(nameBytes);
        pad();
        write(data);
        pad();
    }

    private void write(byte[] bytes) throws IOException {
        out.write(bytes);
        written += bytes.length;
    }

    private void pad() throws IOException {
        while (written % 4 != 0) {
            write(new byte[1]);
        }
    }

    private static String strip(String path) {
        return path.replaceAll("^/+", "").replaceAll("/+$", "");
    }

    @Override
    public void close() throws IOException {
        entry("TRAILER!!!", 0, new byte[0]);
        out.close();
    }
}
