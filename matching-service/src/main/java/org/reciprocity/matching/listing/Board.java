package org.reciprocity.matching.listing;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The live listings (open or paused) held in memory, with buckets by category, tag and owner so
 * that a suggestion looks at the few thousand listings that could fit instead of every listing.
 * Filled from MongoDB at start and changed on every write; MongoDB stays the truth.
 */
public class Board {

    private final Map<String, Listing> live = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> buckets = new ConcurrentHashMap<>();

    /** A board holding these listings; for tools such as the benchmark. */
    public static Board of(Collection<Listing> listings) {
        Board board = new Board();
        listings.forEach(board::put);
        return board;
    }

    public Optional<Listing> get(String id) {
        return Optional.ofNullable(live.get(id));
    }

    void put(Listing listing) {
        remove(listing.id());
        if (!listing.isLive()) {
            return;
        }
        live.put(listing.id(), listing);
        keys(listing).forEach(key -> buckets.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(listing.id()));
    }

    void remove(String id) {
        Listing old = live.remove(id);
        if (old != null) {
            keys(old).forEach(key -> {
                Set<String> bucket = buckets.get(key);
                if (bucket != null) {
                    bucket.remove(id);
                }
            });
        }
    }

    /** Live listings of a kind in a timebank that share the category or one of the tags. */
    public Collection<Listing> sharing(String timebankId, Listing.Kind kind, String category, Collection<String> tags) {
        Set<String> ids = new LinkedHashSet<>(bucket(timebankId + "|" + kind + "|c|" + category));
        for (String tag : tags) {
            ids.addAll(bucket(timebankId + "|" + kind + "|t|" + tag));
        }
        return ids.stream().map(live::get).filter(java.util.Objects::nonNull).toList();
    }

    public Collection<Listing> ownedBy(String ownerId) {
        return bucket("owner|" + ownerId).stream().map(live::get).filter(java.util.Objects::nonNull).toList();
    }

    public Stream<Listing> all() {
        return live.values().stream();
    }

    public Stream<Listing> inTimebank(String timebankId, Listing.Kind kind) {
        return live.values().stream().filter(l -> l.timebankId().equals(timebankId) && l.kind() == kind);
    }

    public int size() {
        return live.size();
    }

    private Set<String> bucket(String key) {
        return buckets.getOrDefault(key, Set.of());
    }

    private static Stream<String> keys(Listing l) {
        String prefix = l.timebankId() + "|" + l.kind() + "|";
        return Stream.concat(Stream.of(prefix + "c|" + l.category(), "owner|" + l.ownerId()),
                l.tags().stream().map(tag -> prefix + "t|" + tag));
    }
}
