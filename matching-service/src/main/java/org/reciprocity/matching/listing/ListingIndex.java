package org.reciprocity.matching.listing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Full-text and faceted search over the open listings of available members, in an Apache Lucene
 * index held in memory. mongo-java-server has no text search, so the index is rebuilt from MongoDB
 * at start and kept up to date on every change; it holds nothing that is not in the database.
 */
class ListingIndex implements AutoCloseable {

    static final List<String> FACETS = List.of("kind", "category", "tag", "mode", "district", "time");

    /** English stemming, so "walk" finds "walks" and "walking". */
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final FacetsConfig facets = new FacetsConfig();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile SortedSetDocValuesReaderState facetState;

    ListingIndex() {
        facets.setMultiValued("tag", true);
        facets.setMultiValued("time", true);
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One search: the ids of the best hits, the number of hits, and the counts per facet value. */
    record Hits(long total, List<String> ids, Map<String, Map<String, Integer>> facets) {
    }

    /**
     * The filters of a search; {@code null} means any. {@code time} is a part of the day (MORNING,
     * AFTERNOON, EVENING) the owner is usually free, from the availability they chose to share.
     */
    record Filters(String kind, String category, String tag, String mode, String district, String time) {

        Filters(String kind, String category, String tag, String mode, String district) {
            this(kind, category, tag, mode, district, null);
        }
    }

    /** Adds, replaces or (when it should not be found) removes a listing; no parts of the day known. */
    void put(Listing listing, boolean searchable) {
        put(listing, searchable, Set.of());
    }

    /**
     * Adds, replaces or removes a listing; {@code times} are the parts of the day its owner is free
     * and lets other members see (empty when they keep their availability to themselves).
     */
    void put(Listing listing, boolean searchable, Set<String> times) {
        try {
            Term id = new Term("id", listing.id());
            if (searchable) {
                writer.updateDocument(id, facets.build(document(listing, times)));
            } else {
                writer.deleteDocuments(id);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes a listing out of the index (one no longer stored: an erased member's). */
    void remove(String listingId) {
        try {
            writer.deleteDocuments(new Term("id", listingId));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the whole index; used at start with what the database holds. */
    void rebuild(Collection<Listing> searchable) {
        rebuild(searchable, listing -> Set.of());
    }

    /** Replaces the whole index, with each owner's shared parts of the day. */
    void rebuild(Collection<Listing> searchable, Function<Listing, Set<String>> times) {
        try {
            writer.deleteAll();
            for (Listing listing : searchable) {
                writer.addDocument(facets.build(document(listing, times.apply(listing))));
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Hits search(String timebankId, String text, Filters filters, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term("timebank", timebankId)), Occur.FILTER);
        if (text != null && !text.isBlank()) {
            Query parsed = new SimpleQueryParser(analyzer, Map.of("title", 2f, "text", 1f)).parse(text);
            if (parsed != null) {
                query.add(parsed, Occur.MUST);
            }
        }
        filter(query, "kind", filters.kind());
        filter(query, "category", filters.category());
        filter(query, "tag", filters.tag());
        filter(query, "mode", filters.mode());
        filter(query, "district", filters.district());
        filter(query, "time", filters.time());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.search(searcher, query.build(),
                        Math.max(1, limit), new FacetsCollectorManager());
                List<String> ids = new ArrayList<>();
                for (ScoreDoc hit : result.topDocs().scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).get("id"));
                }
                return new Hits(result.topDocs().totalHits.value, ids, counts(searcher, result));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Map<String, Integer>> counts(IndexSearcher searcher, FacetsCollectorManager.FacetsResult result)
            throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        if (searcher.getIndexReader().maxDoc() == 0) {
            return counts;
        }
        Facets facetCounts = new SortedSetDocValuesFacetCounts(state(searcher.getIndexReader()), result.facetsCollector());
        for (String dim : FACETS) {
            Map<String, Integer> values = new LinkedHashMap<>();
            try {
                FacetResult top = facetCounts.getTopChildren(30, dim);
                if (top != null) {
                    for (LabelAndValue value : top.labelValues) {
                        values.put(value.label, value.value.intValue());
                    }
                }
            } catch (IllegalArgumentException dimensionNotIndexedYet) {
                // no listing has this facet yet: no counts
            }
            counts.put(dim, values);
        }
        return counts;
    }

    /** Facet ordinals belong to one reader: rebuilt when the index changed since the last search. */
    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        SortedSetDocValuesReaderState current = facetState;
        if (current == null || current.getReader() != reader) {
            synchronized (this) {
                current = facetState;
                if (current == null || current.getReader() != reader) {
                    current = new DefaultSortedSetDocValuesReaderState(reader, facets);
                    facetState = current;
                }
            }
        }
        return current;
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    private static Document document(Listing l, Set<String> times) {
        Document doc = new Document();
        doc.add(new StringField("id", l.id(), Field.Store.YES));
        doc.add(new StringField("timebank", l.timebankId(), Field.Store.NO));
        doc.add(new TextField("title", l.title(), Field.Store.NO));
        doc.add(new TextField("text", String.join(" ", l.content().description(), l.category().replace('-', ' '),
                String.join(" ", l.tags())), Field.Store.NO));
        facet(doc, "kind", l.kind().name());
        facet(doc, "category", l.category());
        facet(doc, "mode", l.mode().name());
        if (l.content().district() != null) {
            facet(doc, "district", l.content().district());
        }
        l.tags().forEach(tag -> facet(doc, "tag", tag));
        times.forEach(time -> facet(doc, "time", time));
        return doc;
    }

    private static void facet(Document doc, String dim, String value) {
        doc.add(new StringField(dim, value, Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(dim, value));
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}
