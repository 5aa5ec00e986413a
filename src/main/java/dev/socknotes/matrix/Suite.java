package dev.socknotes.matrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The Debian releases whose cloud kernels make up the matrix. Each names its kernel metapackage,
 * not a version: mirrors keep only the current point release, so the version is resolved on
 * every fetch and recorded with the results.
 *
 * @param codename    Debian's suite name, as in a sources list
 * @param kernelLine  the kernel series the suite ships, as readers know it ("5.10")
 */
public enum Suite {
    BULLSEYE("bullseye", "5.10"),
    BOOKWORM("bookworm", "6.1"),
    TRIXIE("trixie", "6.12");

    /** The metapackage that depends on the suite's current cloud kernel image. */
    public static final String METAPACKAGE = "linux-image-cloud-amd64";

    private final String codename;
    private final String kernelLine;

    Suite(String codename, String kernelLine) {
        this.codename = codename;
        this.kernelLine = kernelLine;
    }

    public String codename() {
        return codename;
    }

    public String kernelLine() {
        return kernelLine;
    }

    /** A suite by its codename or its kernel series ("bookworm" or "6.1"). */
    public static Optional<Suite> parse(String s) {
        String key = s.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.codename.equals(key) || v.kernelLine.equals(key)).findFirst();
    }

    /** Every accepted spelling, for error messages and suggestions. */
    public static String choices() {
        return String.join(", ", Arrays.stream(values()).map(v -> v.codename + " (" + v.kernelLine + ")").toList());
    }
}
