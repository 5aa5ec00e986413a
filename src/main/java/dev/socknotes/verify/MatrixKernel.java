package dev.socknotes.verify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kernel of the matrix (issue 16) as the normal build knows it: from its records in
 * {@code data/matrix/}, never from running it.
 *
 * @param suite    Debian's suite, e.g. "bullseye"
 * @param series   the kernel series it ships, e.g. "5.10"
 * @param recorded what its records say it was; empty when the suite has no records file yet
 */
public record MatrixKernel(String suite, String series, Optional<Recorded> recorded) {
    private static final Pattern UPSTREAM = Pattern.compile("^\\d+(?:\\.\\d+)+");

    /**
     * @param uname          the release the kernel reported, e.g. "5.10.0-32-cloud-amd64"
     * @param imagePackage   e.g. "linux-image-5.10.0-32-cloud-amd64"
     * @param packageVersion e.g. "5.10.223-1"
     * @param jdk            the agent JVM's vendor and version
     */
    public record Recorded(String uname, String imagePackage, String packageVersion, String jdk) {}

    /**
     * The release as pages show it: the upstream version, e.g. "5.10.223" (Debian's uname says
     * "5.10.0-32", its package version names the upstream point release); the series when no record names it.
     */
    public String release() {
        return recorded.map(r -> upstream(r.packageVersion())).orElse(series);
    }

    /** "6.18.44" of "6.18.44-fc-v857" or "5.10.223" of "5.10.223-1": the leading dotted numbers. */
    public static String upstream(String version) {
        Matcher m = UPSTREAM.matcher(version);
        return m.find() ? m.group() : version;
    }
}
