package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Mode;
import dev.socknotes.render.SiteModel;
import dev.socknotes.render.UiStrings;
import dev.socknotes.diagnostic.Reporter;
import dev.socknotes.site.SiteBaker;
import dev.socknotes.publish.SiteZip;
import dev.socknotes.internal.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Bakes the site into a fresh folder beside the target and swaps it in only when the bake
 * succeeded, so a failed build leaves the previous site exactly as it was. With the cache on, the
 * previous site is reused for the pages whose input did not change.
 */
final class SiteStage {
    static final String ZIP_NAME = "socknotes-site.zip";

    private SiteStage() {}

    static int bakeAndSwap(BuildConfig cfg, UiStrings ui, SiteModel model, Reporter reporter, PrintStream console)
            throws IOException {
        long t0 = System.nanoTime();
        Path site = cfg.siteDir();
        Files.createDirectories(site.getParent());
        Path staging = Files.createTempDirectory(site.getParent(), site.getFileName() + ".new-");
        Path zipTmp = Files.createTempFile(site.getParent(), "socknotes-site", ".zip.tmp");
        try {
            Path input = cfg.workDir().resolve("jbake-input");
            Path stamp = cfg.workDir().resolve("jbake-input.site");
            // The previous input is reusable only if it is what the current site was baked from:
            // the stamp is written after a swap and removed before every bake.
            Optional<SiteBaker.Previous> previous = cfg.useCache() && Files.isRegularFile(stamp)
                    && Files.readString(stamp).equals(site.toAbsolutePath().normalize().toString())
                    ? Optional.of(new SiteBaker.Previous(site, input, Set.of(ZIP_NAME))) : Optional.empty();
            Files.deleteIfExists(stamp);
            var result = new SiteBaker(cfg.templatesDir(), cfg.assetsDir(), ui).bake(model, staging, input, previous);
            result.diagnostics().forEach(d -> reporter.report(d.relativeTo(cfg.projectRoot())));
            if (reporter.hasErrors()) {
                return 0;
            }
            // The preview makes no zip: it is the offline copy of a finished build, and zipping every
            // page again would cost more than the rest of a one-page rebuild.
            boolean zip = cfg.mode() != Mode.SERVE;
            if (zip) {
                SiteZip.write(staging, zipTmp);
                Files.copy(zipTmp, staging.resolve(ZIP_NAME), StandardCopyOption.REPLACE_EXISTING);
            }
            Path old = null;
            if (Files.exists(site)) {
                old = site.resolveSibling(site.getFileName() + ".old-" + ProcessHandle.current().pid());
                Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, site, StandardCopyOption.ATOMIC_MOVE);
            if (zip) {
                Files.move(zipTmp, cfg.zipFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            if (old != null) {
                FileTrees.deleteTree(old);
            }
            Files.writeString(stamp, site.toAbsolutePath().normalize().toString());
            console.printf(Locale.ROOT, "bake: %d pages%s → %s, %s (%.1f s)%n", result.pagesWritten(),
                    result.pagesRendered() == result.pagesWritten() ? "" : " (" + result.pagesRendered() + " rendered, "
                            + (result.pagesWritten() - result.pagesRendered()) + " unchanged from the previous site)",
                    cfg.projectRoot().relativize(site), zip ? cfg.projectRoot().relativize(cfg.zipFile()) : "no zip in preview",
                    (System.nanoTime() - t0) / 1e9);
            return result.pagesWritten();
        } finally {
            FileTrees.deleteTree(staging);
            Files.deleteIfExists(zipTmp);
        }
    }
}
