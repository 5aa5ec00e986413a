package dev.socknotes;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Mode;
import dev.socknotes.diagnostic.Diagnostic;
import dev.socknotes.render.SiteModel;
import dev.socknotes.render.UiStrings;
import dev.socknotes.site.SiteBaker;
import dev.socknotes.publish.SiteZip;
import dev.socknotes.internal.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Bakes the site into a fresh folder beside the target and swaps it in only when the bake
 * succeeded, so a failed build leaves the previous site exactly as it was. With the cache on, the
 * previous site is reused for the pages whose input did not change.
 */
record SiteStage(BuildConfig cfg, UiStrings ui) implements Stage<SiteModel, Integer> {
    static final String ZIP_NAME = "socknotes-site.zip";

    /** The number of pages written to the site, 0 when the bake failed (the site is then left as it was). */
    @Override
    public Output<Integer> run(SiteModel model) throws IOException {
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
            List<Diagnostic> diagnostics = result.diagnostics().stream().map(d -> d.relativeTo(cfg.projectRoot())).toList();
            if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
                return Output.of(0, diagnostics);
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
            String rendered = result.pagesRendered() == result.pagesWritten() ? "" : " (" + result.pagesRendered()
                    + " rendered, " + (result.pagesWritten() - result.pagesRendered()) + " unchanged from the previous site)";
            Object zipShown = zip ? cfg.projectRoot().relativize(cfg.zipFile()) : "no zip in preview";
            return new Output<>(result.pagesWritten(), diagnostics, seconds -> String.format(Locale.ROOT, "%d pages%s → %s, %s (%.1f s)",
                    result.pagesWritten(), rendered, cfg.projectRoot().relativize(site), zipShown, seconds));
        } finally {
            FileTrees.deleteTree(staging);
            Files.deleteIfExists(zipTmp);
        }
    }
}
