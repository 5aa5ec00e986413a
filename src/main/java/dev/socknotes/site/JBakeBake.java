package dev.socknotes.site;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jbake.app.Asset;
import org.jbake.app.Crawler;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationInspector;
import org.jbake.model.DocumentTypes;
import org.jbake.render.DocumentsRenderer;
import org.jbake.render.RenderingTool;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;
import org.jbake.template.RenderingException;

/**
 * One bake with JBake's own parts — its crawler and parser, its FreeMarker renderer and model
 * extractors, its rendering tools and asset copier — wired as {@code Oven.bake()} wires them, with
 * two parts swapped through its extension points: {@link MemoryContentStore} for the embedded
 * OrientDB (whose start-up dominated a small bake) and {@link LinearDocumentsRenderer} for the
 * quadratic {@link DocumentsRenderer}. JBake's code is used unchanged, not forked.
 */
final class JBakeBake {
    /** One listener for the process: JBake's listener set only grows, and the preview server bakes often. */
    private static final ModelExtractorsDocumentTypeListener EXTRACTORS = new ModelExtractorsDocumentTypeListener();

    private JBakeBake() {}

    /** Bakes the site that {@code config} describes; returns the errors JBake collected. */
    static List<Throwable> bake(JBakeConfiguration config) {
        new JBakeConfigurationInspector(config).inspect();
        MemoryContentStore store = new MemoryContentStore();
        registerDocumentTypes(config);
        List<Throwable> errors = new ArrayList<>();
        Crawler crawler = new Crawler(store, config);
        try {
            crawler.crawl();
            crawler.crawlDataFiles();
        } catch (RuntimeException e) { // JBake reports a file it cannot read this way
            errors.add(e);
            return errors;
        }
        Renderer renderer = new Renderer(store, config);
        for (RenderingTool tool : ServiceLoader.load(RenderingTool.class, JBakeBake.class.getClassLoader())) {
            RenderingTool used = tool instanceof DocumentsRenderer ? new LinearDocumentsRenderer() : tool;
            try {
                used.render(renderer, store, config);
            } catch (RenderingException e) {
                errors.add(e);
            }
        }
        Asset asset = new Asset(config);
        asset.copy();
        asset.copyAssetsFromContent(config.getContentFolder());
        errors.addAll(asset.getErrors());
        return errors;
    }

    /** As Oven does before a bake: JBake keeps document types and model extractors in globals. */
    private static void registerDocumentTypes(JBakeConfiguration config) {
        DocumentTypes.resetDocumentTypes();
        ModelExtractors.getInstance().reset();
        DocumentTypes.addListener(EXTRACTORS);
        for (String docType : config.getDocumentTypes()) {
            DocumentTypes.addDocumentType(docType);
        }
        DocumentTypes.addDocumentType(config.getDataFileDocType());
    }
}
