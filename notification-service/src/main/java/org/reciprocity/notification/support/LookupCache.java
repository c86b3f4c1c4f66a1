package org.reciprocity.notification.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A short-lived memory of a read model's documents by id, absent ones included, so that a burst of
 * events does not look the same members up again for every batch. Whatever this instance changes
 * is evicted at once ({@link #evict}); a change made elsewhere (another instance's listener or
 * API) is seen at the latest after {@code ttl}, a delay of the same order as the one between a
 * member event and the contribution events that follow it on other topics. A zero ttl turns it off.
 *
 * <p>A lookup that raced with an eviction does not keep what it read: it may have read the value
 * from before the change.
 */
public final class LookupCache<V> {

    private record Entry<V>(V value, long loadedAt) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final long ttlNanos;

    public LookupCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /**
     * The values of these ids (absent ids left out), from memory when fresh, else from
     * {@code load}, which gets the ids to read and returns the values found.
     */
    public Map<String, V> getAll(Collection<String> ids, Function<Collection<String>, Map<String, V>> load) {
        if (ttlNanos <= 0) {
            return load.apply(ids);
        }
        long now = System.nanoTime();
        Map<String, V> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Entry<V> entry = entries.get(id);
            if (entry != null && now - entry.loadedAt() < ttlNanos) {
                if (entry.value() != null) {
                    found.put(id, entry.value());
                }
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long before = evictions.get();
        Map<String, V> loaded = load.apply(missing);
        found.putAll(loaded);
        if (evictions.get() == before) {
            for (String id : missing) {
                entries.put(id, new Entry<>(loaded.get(id), now));
            }
            if (evictions.get() != before) {
                missing.forEach(entries::remove); // an eviction came in between: what was read may be older
            }
        }
        if (entries.size() > 100_000) {
            entries.values().removeIf(e -> now - e.loadedAt() >= ttlNanos);
        }
        return found;
    }

    /** Forgets an id, after its document was changed here. */
    public void evict(String id) {
        evictions.incrementAndGet();
        entries.remove(id);
    }
}
