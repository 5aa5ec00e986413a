package dev.socknotes.site;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.ModelAttributes;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;

/**
 * Renders every document like JBake's {@code DocumentsRenderer}, with the same previous/next links
 * (neighbours of the same type in date order, skipping drafts), but in linear time: the stock tool
 * queries all documents of the type again for every page and searches a linked list for the page,
 * which makes a bake quadratic in the number of pages. Here each type's order is read once.
 */
final class LinearDocumentsRenderer implements RenderingTool {
    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        Map<String, List<DocumentModel>> byType = new HashMap<>();
        Map<String, Integer> position = new HashMap<>();
        List<Exception> errors = new ArrayList<>();
        int rendered = 0;
        for (DocumentModel document : db.getUnrenderedContent()) {
            List<DocumentModel> typed = byType.computeIfAbsent(document.getType(), type -> {
                List<DocumentModel> all = new ArrayList<>(db.getAllContent(type));
                for (int i = 0; i < all.size(); i++) {
                    position.put(all.get(i).getSourceuri(), i);
                }
                return all;
            });
            try {
                int at = position.get(document.getSourceuri());
                document.setPreviousContent(publishedNeighbour(typed, at, +1)); // older
                document.setNextContent(publishedNeighbour(typed, at, -1));     // newer
                renderer.render(document);
                db.markContentAsRendered(document);
                rendered++;
            } catch (Exception e) {
                errors.add(e);
            }
        }
        if (!errors.isEmpty()) {
            // the causes stay attached: TemplateErrors takes the template's file and line from them
            RenderingException failure = new RenderingException("Failed to render documents. Cause(s):\n"
                    + String.join("\n", errors.stream().map(Exception::getMessage).toList()), errors.getFirst());
            errors.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        return rendered;
    }

    @Override
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath, CompositeConfiguration config)
            throws RenderingException {
        return render(renderer, db, null);
    }

    private static DocumentModel publishedNeighbour(List<DocumentModel> typed, int from, int step) {
        for (int i = from + step; i >= 0 && i < typed.size(); i += step) {
            DocumentModel candidate = typed.get(i);
            if (ModelAttributes.Status.PUBLISHED.equals(candidate.getStatus())) {
                DocumentModel nav = new DocumentModel(); // JBake gives templates only these three fields
                nav.setNoExtensionUri(candidate.getNoExtensionUri());
                nav.setUri(candidate.getUri());
                nav.setTitle(candidate.getTitle());
                return nav;
            }
        }
        return null;
    }
}
