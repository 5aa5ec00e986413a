package dev.socknotes.exec;

/**
 * Where snippets were verified, as shown on the pages: no host names, no timings.
 *
 * @param kernelRelease e.g. "6.18.44-fc-v782" (from the agent's uname)
 * @param javaVendor    the agent JVM's java.vendor, e.g. "Eclipse Adoptium"
 * @param javaVersion   the agent JVM's java.runtime.version, e.g. "25.0.3+9-LTS"
 */
public record Environment(String kernelRelease, String javaVendor, String javaVersion) {
    public String display() {
        return "Linux " + kernelRelease + ", " + javaVendor + " JDK " + javaVersion;
    }
}
