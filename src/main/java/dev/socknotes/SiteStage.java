package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.render.SiteModel;
import dev.socknotes.render.UiStrings;
import dev.socknotes.report.Reporter;
import dev.socknotes.site.SiteBaker;
import dev.socknotes.site.SiteZip;
import dev.socknotes.internal.FileTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Bakes the site into a fresh folder beside the target and swaps it in only when the bake
 * succeeded, so a failed build leaves the previous site exactly as it was.
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
            var result = new SiteBaker(cfg.templatesDir(), cfg.assetsDir(), ui).bake(model, staging,
                    cfg.workDir().resolve("jbake-input"));
            reporter.reportAll(result.diagnostics());
            if (reporter.hasErrors()) {
                return 0;
            }
            SiteZip.write(staging, zipTmp);
            Files.copy(zipTmp, staging.resolve(ZIP_NAME), StandardCopyOption.REPLACE_EXISTING);
            Path old = null;
            if (Files.exists(site)) {
                old = site.resolveSibling(site.getFileName() + ".old-" + ProcessHandle.current().pid());
                Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, site, StandardCopyOption.ATOMIC_MOVE);
            Files.move(zipTmp, cfg.zipFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                FileTrees.deleteTree(old);
            }
            console.printf(Locale.ROOT, "bake: %d pages → %s, %s (%.1f s)%n", result.pagesWritten(),
                    cfg.projectRoot().relativize(site), cfg.projectRoot().relativize(cfg.zipFile()),
                    (System.nanoTime() - t0) / 1e9);
            return result.pagesWritten();
        } finally {
            FileTrees.deleteTree(staging);
            Files.deleteIfExists(zipTmp);
        }
    }
}
