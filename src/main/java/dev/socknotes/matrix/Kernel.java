package dev.socknotes.matrix;

import java.nio.file.Path;

/**
 * A Debian cloud kernel unpacked under target/, ready to boot.
 *
 * @param suite          the Debian release it comes from
 * @param imagePackage   the image package the suite's metapackage resolved to, e.g. "linux-image-6.1.0-50-cloud-amd64"
 * @param packageVersion that package's version, e.g. "6.1.176-1"
 * @param release        the kernel release ({@code uname -r}), e.g. "6.1.0-50-cloud-amd64"
 * @param vmlinuz        the kernel image
 * @param modules        the package's module tree ({@code lib/modules/<release>})
 */
public record Kernel(Suite suite, String imagePackage, String packageVersion, String release, Path vmlinuz, Path modules) {
    /** How the matrix's messages name it: "Linux 6.1 (linux-image-6.1.0-50-cloud-amd64 6.1.176-1)". */
    public String displayName() {
        return "Linux " + suite.kernelLine() + " (" + imagePackage + " " + packageVersion + ")";
    }
}
