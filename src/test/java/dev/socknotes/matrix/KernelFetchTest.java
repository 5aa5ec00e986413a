package dev.socknotes.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fetches from Debian's real registry into the project's target/matrix (kept there as the cache). */
class KernelFetchTest {
    private static final Path ROOT = Path.of("target", "matrix");

    @Test
    void resolvesTheMetapackageDownloadsAndUnpacksTheKernel() throws Exception {
        KernelFetch.Result result = new KernelFetch(ROOT, KernelFetch.MIRROR).fetch(Suite.BOOKWORM);

        assertThat(result).isInstanceOf(KernelFetch.Result.Ready.class);
        Kernel kernel = ((KernelFetch.Result.Ready) result).kernel();
        assertThat(kernel.imagePackage()).matches("linux-image-6\\.1\\.0-\\d+-cloud-amd64");
        assertThat(kernel.packageVersion()).matches("6\\.1\\.\\d+-\\d+.*");
        assertThat(kernel.release()).isEqualTo(kernel.imagePackage().substring("linux-image-".length()));
        assertThat(Files.size(kernel.vmlinuz())).isGreaterThan(1_000_000);
        assertThat(kernel.modules().resolve("kernel/drivers/char")).isDirectory();
    }

    @Test
    void aSuiteTheRegistryDoesNotServeIsReportedWithItsName() throws Exception {
        KernelFetch.Result result = new KernelFetch(ROOT, KernelFetch.MIRROR).fetch("buzz", Suite.BULLSEYE);

        assertThat(result).isInstanceOf(KernelFetch.Result.Unavailable.class);
        KernelFetch.Result.Unavailable missing = (KernelFetch.Result.Unavailable) result;
        assertThat(missing.suite()).isEqualTo("buzz");
        assertThat(missing.reason()).contains("does not serve suite 'buzz'").contains(KernelFetch.MIRROR);
    }
}
