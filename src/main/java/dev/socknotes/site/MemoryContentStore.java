package dev.socknotes.site;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.model.ModelAttributes;

/**
 * JBake's content store without OrientDB. {@link ContentStore} is a concrete class that opens an
 * embedded database in {@code startup()}; every bake of ours is a fresh, single-threaded, in-memory
 * bake, so this subclass keeps the documents in a map by source URI and answers JBake's queries
 * (published content by type, date order, tags, data files) from it. Each query returns copies,
 * as the database did, so a renderer that decorates a document does not change the stored one.
 * Its {@code updateSchema()} is final and needs the database, which is why {@link JBakeBake}
 * drives the bake instead of {@code Oven.bake()}.
 */
final class MemoryContentStore extends ContentStore {
    /** Newest first, as JBake's "order by date desc"; equal dates keep insertion order. */
    private static final Comparator<DocumentModel> NEWEST_FIRST =
            Comparator.comparing(MemoryContentStore::date, Comparator.nullsLast(Comparator.reverseOrder()));

    private final Map<String, DocumentModel> bySourceUri = new LinkedHashMap<>();
    private long start = -1;
    private long limit = -1;

    MemoryContentStore() {
        super("memory", "socknotes");
    }

    @Override public void startup() { }
    @Override public void close() { }
    @Override public void shutdown() { }
    @Override public void drop() { bySourceUri.clear(); }
    @Override public boolean isActive() { return true; }
    @Override public void updateAndClearCacheIfNeeded(boolean needed, File templateFolder) { }

    @Override public long getStart() { return start; }
    @Override public void setStart(int start) { this.start = start; }
    @Override public long getLimit() { return limit; }
    @Override public void setLimit(int limit) { this.limit = limit; }
    @Override public void resetPagination() { start = -1; limit = -1; }

    @Override
    public void addDocument(DocumentModel document) {
        DocumentModel stored = new DocumentModel();
        stored.putAll(document);
        bySourceUri.put(document.getSourceuri(), stored);
    }

    @Override
    public void deleteContent(String uri) {
        bySourceUri.remove(uri);
    }

    @Override
    public void deleteAllByDocType(String docType) {
        bySourceUri.values().removeIf(d -> docType.equals(d.getType()));
    }

    @Override
    public void markContentAsRendered(DocumentModel document) {
        DocumentModel stored = bySourceUri.get(document.getSourceuri());
        if (stored != null && Objects.equals(stored.getType(), document.getType()) && Boolean.TRUE.equals(stored.getCached())) {
            stored.setRendered(true);
        }
    }

    @Override
    public long getDocumentCount(String docType) {
        return bySourceUri.values().stream().filter(ofType(docType)).count();
    }

    @Override
    public long getPublishedCount(String docType) {
        return bySourceUri.values().stream().filter(ofType(docType).and(MemoryContentStore::published)).count();
    }

    @Override
    public DocumentList<DocumentModel> getDocumentByUri(String uri) {
        DocumentModel d = bySourceUri.get(uri);
        return d == null ? new DocumentList<>() : copies(List.of(d));
    }

    @Override
    public DocumentList<DocumentModel> getDocumentStatus(String uri) {
        return getDocumentByUri(uri);
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts() {
        return getPublishedContent("post");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPosts(boolean applyPaging) {
        return select(ofType("post").and(MemoryContentStore::published), applyPaging);
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPostsByTag(String tag) {
        return select(ofType("post").and(MemoryContentStore::published).and(tagged(tag)), false);
    }

    @Override
    public DocumentList<DocumentModel> getPublishedDocumentsByTag(String tag) {
        DocumentList<DocumentModel> all = new DocumentList<>();
        for (String docType : DocumentTypes.getDocumentTypes()) {
            all.addAll(select(ofType(docType).and(MemoryContentStore::published).and(tagged(tag)), false));
        }
        return all;
    }

    @Override
    public DocumentList<DocumentModel> getPublishedPages() {
        return getPublishedContent("page");
    }

    @Override
    public DocumentList<DocumentModel> getPublishedContent(String docType) {
        return select(ofType(docType).and(MemoryContentStore::published), false);
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType) {
        return getAllContent(docType, false);
    }

    @Override
    public DocumentList<DocumentModel> getAllContent(String docType, boolean applyPaging) {
        return select(ofType(docType), applyPaging);
    }

    @Override
    public DocumentList<DocumentModel> getUnrenderedContent() {
        return select(d -> !Boolean.TRUE.equals(d.getRendered()), false);
    }

    @Override
    public Set<String> getTags() {
        return tagsOf(ofType("post").and(MemoryContentStore::published));
    }

    @Override
    public Set<String> getAllTags() {
        Set<String> tags = new HashSet<>(); // a HashSet, as JBake's: templates list tags in its order
        for (String docType : DocumentTypes.getDocumentTypes()) {
            tags.addAll(tagsOf(ofType(docType).and(MemoryContentStore::published)));
        }
        return tags;
    }

    private Set<String> tagsOf(Predicate<DocumentModel> which) {
        Set<String> tags = new HashSet<>();
        bySourceUri.values().stream().filter(which).forEach(d -> tags.addAll(Arrays.asList(d.getTags())));
        return tags;
    }

    private DocumentList<DocumentModel> select(Predicate<DocumentModel> which, boolean applyPaging) {
        List<DocumentModel> hits = new ArrayList<>(bySourceUri.values().stream().filter(which).sorted(NEWEST_FIRST).toList());
        if (applyPaging && start >= 0 && limit > -1) {
            int from = (int) Math.min(start, hits.size());
            hits = hits.subList(from, (int) Math.min(hits.size(), from + limit));
        }
        return copies(hits);
    }

    private static DocumentList<DocumentModel> copies(List<DocumentModel> docs) {
        DocumentList<DocumentModel> list = new DocumentList<>();
        for (DocumentModel d : docs) {
            DocumentModel copy = new DocumentModel();
            copy.putAll(d);
            list.add(copy);
        }
        return list;
    }

    private static Predicate<DocumentModel> ofType(String docType) {
        return d -> docType.equals(d.getType());
    }

    private static Predicate<DocumentModel> tagged(String tag) {
        return d -> Arrays.asList(d.getTags()).contains(tag);
    }

    private static boolean published(DocumentModel d) {
        return ModelAttributes.Status.PUBLISHED.equals(d.getStatus());
    }

    private static Date date(DocumentModel d) {
        return d.get(ModelAttributes.DATE) instanceof Date date ? date : null;
    }
}
