package org.reciprocity.review.store;

import static org.assertj.core.api.Assertions.assertThat;


import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.reciprocity.review.facts.AccountFact;
import org.reciprocity.review.facts.Keys;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Projections written in another layout (a document a fact, before the buckets) are never read as
 * buckets: a service starting on them folds a fresh generation, and each consumer group reads its
 * topics from the start once.
 */
class ProjectionsLayoutTest {

    private static final MongoClient client = WireMongo.client();


    @Test
    void aStoreOfTheOldLayoutStartsAFreshGenerationAndEachGroupReadsFromTheStartOnce() {
        MongoTemplate mongo = new MongoTemplate(client, "layout_old");
        // as the service left it before the buckets: generation 3, no layout, a document a fact
        mongo.getCollection(Projections.STATE).insertOne(new Document("_id", "projections").append("generation", 3L));
        mongo.getCollection("g3_accounts").insertOne(new Document("_id", "tb|pat").append("rev", 1L)
                .append("timebankId", "tb").append("accountId", "pat").append("sequence", 1L).append("balance", 60L));

        Projections projections = new Projections(mongo);

        assertThat(projections.generation()).isEqualTo(4);
        assertThat(mongo.getCollection(Projections.STATE).find().first().getString("layout")).isEqualTo(Projections.LAYOUT);
        assertThat(projections.facts().accounts().withPrefix(Keys.timebank("tb"))).as("nothing of the old layout is read").isEmpty();
        assertThat(projections.rewind("review.ledger")).isTrue();
        assertThat(projections.rewind("review.ledger")).as("once").isFalse();
        assertThat(projections.rewind("review.members")).isTrue();

        Projections restarted = new Projections(mongo);
        assertThat(restarted.generation()).as("the next start keeps the generation").isEqualTo(4);
        assertThat(restarted.rewind("review.ledger")).as("and reads on from the committed offsets").isFalse();
    }

    @Test
    void aFreshStoreIsMarkedWithTheLayoutAndReadsOnFromTheCommittedOffsets() {
        MongoTemplate mongo = new MongoTemplate(client, "layout_fresh");

        Projections projections = new Projections(mongo);
        projections.facts().accounts().merge(AccountFact.balance("tb", "pat", 1, 60));
        projections.facts().flush();

        assertThat(projections.generation()).isEqualTo(1);
        assertThat(projections.rewind("review.ledger")).isFalse();
        assertThat(mongo.getCollection(Projections.STATE).find().first().getString("layout")).isEqualTo(Projections.LAYOUT);
        assertThat(new Projections(mongo).facts().accounts().find(Keys.of("tb", "pat")))
                .contains(AccountFact.balance("tb", "pat", 1, 60));
    }
}
