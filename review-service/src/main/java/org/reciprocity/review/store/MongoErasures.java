package org.reciprocity.review.store;

import static com.mongodb.client.model.Filters.eq;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.review.facts.ErasedContribution;
import org.reciprocity.review.facts.Erasures;
import org.reciprocity.review.facts.Keys;
import org.reciprocity.review.facts.PartyKind;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Erasures in two collections that no generation owns, so a rebuild keeps them:
 * {@value #MEMBERS} ({@code _id} {@code <timebank>|<member>}: ids only, and the erasure's token until
 * its figures are kept) and {@value #FIGURES} (one document per erasure, {@code _id}
 * {@code <timebank>|<token>}, the erased contributions in it). The erased ids are kept in memory
 * (every batch asks about each id it folds) and read again once a batch ({@link #refresh}).
 */
final class MongoErasures implements Erasures {

    static final String MEMBERS = "erased_members";
    static final String FIGURES = "erased_figures";

    private final MongoTemplate mongo;
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> changes = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    MongoErasures(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Document> members() {
        return mongo.getCollection(MEMBERS);
    }

    private MongoCollection<Document> figures() {
        return mongo.getCollection(FIGURES);
    }

    /** One read of the ids (a few bytes a member erased): each batch then knows every erasure, wherever it ran. */
    @Override
    public void refresh() {
        members().find().projection(new Document("_id", 1)).forEach(d -> erased.add(d.getString("_id")));
        loaded = true;
    }

    @Override
    public boolean erased(String timebankId, String memberId) {
        if (!loaded) {
            synchronized (this) {
                if (!loaded) {
                    refresh();
                }
            }
        }
        return erased.contains(Keys.of(timebankId, memberId));
    }

    @Override
    public Optional<String> begin(String timebankId, String memberId) {
        String id = Keys.of(timebankId, memberId);
        Document marked = members().findOneAndUpdate(eq("_id", id),
                Updates.combine(Updates.setOnInsert("timebankId", timebankId),
                        Updates.setOnInsert("token", UUID.randomUUID().toString()), Updates.setOnInsert("kept", false)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        erased.add(id);
        return Boolean.TRUE.equals(marked.getBoolean("kept")) ? Optional.empty()
                : Optional.of(marked.getString("token"));
    }

    @Override
    public void keep(String timebankId, String token, List<ErasedContribution> contributions) {
        List<Document> all = new ArrayList<>();
        contributions.forEach(c -> all.add(write(c)));
        String id = Keys.of(timebankId, token);
        figures().replaceOne(eq("_id", id), new Document("_id", id).append("timebankId", timebankId)
                .append("contributions", all), new ReplaceOptions().upsert(true));
        changed(timebankId);
    }

    @Override
    public void rename(String timebankId, String party, String by) {
        for (Document stored : figures().find(eq("timebankId", timebankId)).into(new ArrayList<>())) {
            List<ErasedContribution> contributions = read(stored);
            if (contributions.stream().anyMatch(c -> c.names(party))) {
                List<Document> renamed = new ArrayList<>();
                contributions.forEach(c -> renamed.add(write(c.renamed(party, by))));
                figures().updateOne(eq("_id", stored.getString("_id")), Updates.set("contributions", renamed));
                changed(timebankId);
            }
        }
    }

    @Override
    public void moved(String timebankId, String memberId) {
        members().updateOne(eq("_id", Keys.of(timebankId, memberId)),
                Updates.combine(Updates.set("kept", true), Updates.unset("token")));
    }

    @Override
    public List<ErasedContribution> contributions(String timebankId) {
        List<ErasedContribution> all = new ArrayList<>();
        figures().find(eq("timebankId", timebankId)).forEach(d -> all.addAll(read(d)));
        return all;
    }

    @Override
    public long changes(String timebankId) {
        AtomicLong count = changes.get(timebankId);
        return count == null ? 0 : count.get();
    }

    private void changed(String timebankId) {
        changes.computeIfAbsent(timebankId, t -> new AtomicLong()).incrementAndGet();
    }

    private static Document write(ErasedContribution c) {
        Document minutes = new Document();
        c.minutes().forEach((month, m) -> minutes.append(month.toString(), m));
        return new Document("id", c.id()).append("kind", c.kind() == null ? null : c.kind().name())
                .append("giverKind", c.giverKind().name()).append("receiverKind", c.receiverKind().name())
                .append("giver", c.giver()).append("receiver", c.receiver()).append("groupActivity", c.groupActivity())
                .append("minutes", minutes);
    }

    private static List<ErasedContribution> read(Document d) {
        List<ErasedContribution> all = new ArrayList<>();
        for (Object value : d.getList("contributions", Object.class)) {
            Document c = (Document) value;
            Map<YearMonth, Long> minutes = new TreeMap<>();
            c.get("minutes", Document.class).forEach((month, m) -> minutes.put(YearMonth.parse(month),
                    ((Number) m).longValue()));
            all.add(new ErasedContribution(c.getString("id"),
                    c.getString("kind") == null ? null : CoproductionKind.valueOf(c.getString("kind")),
                    PartyKind.valueOf(c.getString("giverKind")), PartyKind.valueOf(c.getString("receiverKind")),
                    c.getString("giver"), c.getString("receiver"), c.getBoolean("groupActivity"), minutes));
        }
        return all;
    }
}
