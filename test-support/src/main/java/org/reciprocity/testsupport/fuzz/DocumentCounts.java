package org.reciprocity.testsupport.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoDatabase;

/**
 * How many documents each collection of a service's database holds, so a refused request can be
 * shown to have written nothing. Collections that change on their own (leases, a consumer's own
 * bookkeeping) are left out by name.
 */
final class DocumentCounts {

    private final MongoDatabase database;
    private final Set<String> ignored;

    DocumentCounts(MongoDatabase database, Set<String> ignored) {
        this.database = database;
        this.ignored = ignored;
    }

    Map<String, Long> now() {
        Map<String, Long> counts = new HashMap<>();
        for (String name : database.listCollectionNames()) {
            if (!ignored.contains(name)) {
                counts.put(name, database.getCollection(name).countDocuments(new Document()));
            }
        }
        return counts;
    }

    /** The collections that hold more documents than before, with how many more; empty when none grew. */
    static List<String> grown(Map<String, Long> before, Map<String, Long> after) {
        List<String> grown = new ArrayList<>();
        after.forEach((name, count) -> {
            long was = before.getOrDefault(name, 0L);
            if (count > was) {
                grown.add(name + " +" + (count - was));
            }
        });
        return grown;
    }
}
