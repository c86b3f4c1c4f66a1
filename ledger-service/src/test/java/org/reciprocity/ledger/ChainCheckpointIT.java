package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.contracts.kafka.EventDeserializer;
import org.reciprocity.contracts.ledger.ChainCheckpointed;
import org.reciprocity.ledger.account.LedgerQueries;
import org.reciprocity.ledger.book.LedgerEntry;
import org.reciprocity.testsupport.ApiClient;
import org.reciprocity.testsupport.ServiceIntegrationTest;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/**
 * Issue 11, finding 4: a chain nobody can quietly rewrite. The ledger signs its chain head and
 * publishes it; a third party consumes that checkpoint from the broker and keeps it; whoever then
 * rewrites an entry in the database and recomputes every hash after it passes the plain walk, but
 * not the walk held against the kept checkpoint.
 */
@ServiceIntegrationTest
class ChainCheckpointIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    LedgerQueries queries;

    LedgerFixture given;
    String sam;
    String ali;

    @BeforeEach
    void aTimebankWithThreeValidatedContributions() {
        given = new LedgerFixture(port);
        sam = given.aMember("Sam");
        ali = given.aMember("Ali");
        for (long minutes : List.of(30L, 45L, 60L)) {
            ApiClient.Response logged = given.logGiven(sam, ali, minutes);
            assertThat(logged.status()).as(logged.body()).isEqualTo(201);
            ApiClient.Response validated = given.validate(logged.text("id"), ali, "Thank you");
            assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        }
    }

    @Test
    void anEntryRewrittenInTheDatabaseWithTheChainRecomputedIsCaughtAgainstTheLastPublishedCheckpoint() throws Exception {
        ApiClient.Response taken = given.api.send("POST", given.path("/ledger/checkpoints"), given.admin(), null);
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        ChainCheckpointed kept = consumedCheckpoint();
        assertThat(kept.sequence()).isEqualTo(3);
        assertThat(kept.headHash()).isEqualTo(taken.text("headHash"));
        assertThat(signatureChecksWithThePublishedKey(kept)).as("a third party checks it with the JDK alone").isTrue();

        JsonNode untouched = verifyAgainst(kept);
        assertThat(untouched.path("intact").asBoolean()).as(untouched.toString()).isTrue();
        assertThat(untouched.path("checkpointsChecked").asInt()).isEqualTo(1);
        JsonNode untouchedPublished = given.api.get(given.path("/ledger/verification"), given.admin()).json();
        assertThat(untouchedPublished.path("intact").asBoolean()).as(untouchedPublished.toString()).isTrue();
        assertThat(untouchedPublished.path("checkpointsChecked").asInt()).isEqualTo(1);

        rewriteMinutesAndRecomputeTheChain(2, 600);

        assertThat(queries.verify(given.timebank).intact()).as("the plain walk cannot see a recomputed chain").isTrue();
        JsonNode held = verifyAgainst(kept);
        assertThat(held.path("intact").asBoolean()).as(held.toString()).isFalse();
        assertThat(held.path("brokenAtSequence").asLong()).isEqualTo(3);
        assertThat(held.path("brokenCheckpoint").path("sequence").asLong()).isEqualTo(3);
        assertThat(held.path("brokenCheckpoint").path("hash").asString()).isEqualTo(kept.headHash());
        assertThat(held.path("problem").asString()).isNotBlank();

        JsonNode published = given.api.get(given.path("/ledger/verification"), given.admin()).json();
        assertThat(published.path("intact").asBoolean()).as("held against the checkpoints on the broker: " + published)
                .isFalse();
        assertThat(published.path("brokenCheckpoint").path("hash").asString()).isEqualTo(kept.headHash());

        ApiClient.Response again = given.api.send("POST", given.path("/ledger/checkpoints"), given.admin(), null);
        assertThat(again.status()).as("the ledger does not sign a rewritten chain: " + again.body()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("chain-changed-since-checkpoint");
    }

    @Test
    void aForgedCheckpointIsRefusedWithAProblem() {
        given.api.send("POST", given.path("/ledger/checkpoints"), given.admin(), null);
        ChainCheckpointed kept = consumedCheckpoint();
        ChainCheckpointed forged = new ChainCheckpointed(kept.eventId(), kept.occurredAt(), kept.timebankId(),
                kept.sequence(), "0f".repeat(32), kept.checkpointedAt(), kept.keyId(), kept.signature());

        ApiClient.Response refused = given.api.post(given.path("/ledger/verification"), given.admin(),
                Map.of("checkpoints", List.of(kept, forged)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("checkpoint-signature-invalid");
        assertThat(refused.json().path("params").path("index").asInt()).isEqualTo(2);
    }

    @Test
    void entriesStoredBeforeHashVersionTwoStillVerify() {
        List<LedgerEntry> stored = entries();
        String previous = LedgerEntry.GENESIS;
        for (LedgerEntry e : stored) {
            // as an entry written before version 2 was stored: no hashVersion field, hashed with "|"
            LedgerEntry v1 = new LedgerEntry(e.timebankId(), e.sequence(), e.transferId(), e.debitAccountId(),
                    e.creditAccountId(), e.minutes(), e.reason(), e.contributionId(), e.reversesTransferId(),
                    e.releasedPending(), e.debitBalanceAfter(), e.creditBalanceAfter(), e.postedAt(), previous, null, 0);
            previous = v1.computeHash();
            mongo.updateFirst(entryQuery(e.sequence()), new Update().unset("entry.hashVersion")
                    .set("entry.previousHash", v1.previousHash()).set("entry.hash", previous), "ledger_entries");
        }

        JsonNode walked = given.api.get(given.path("/ledger/verification"), given.admin()).json();

        assertThat(walked.path("intact").asBoolean()).as(walked.toString()).isTrue();
        assertThat(walked.path("entriesChecked").asLong()).isEqualTo(3);
        assertThat(entries()).extracting(LedgerEntry::hashVersion).as("read back without the field: version 1").containsOnly(1);
    }

    @Test
    void theCheckpointKeyIsPublic() {
        ApiClient.Response keys = given.api.get("/api/v1/ledger/checkpoint-keys", null);

        assertThat(keys.status()).as(keys.body()).isEqualTo(200);
        assertThat(keys.json().path("keys").path(0).path("algorithm").asString()).isEqualTo("Ed25519");
    }

    private JsonNode verifyAgainst(ChainCheckpointed kept) {
        ApiClient.Response verified = given.api.post(given.path("/ledger/verification"), given.admin(),
                Map.of("checkpoints", List.of(kept)));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        return verified.json();
    }

    /** The timebank's latest checkpoint, read from the broker as any consumer would. */
    private ChainCheckpointed consumedCheckpoint() {
        List<ConsumerRecord<String, byte[]>> records = TopicProbe.readUntil(
                SharedInfrastructure.get().kafkaBootstrapServers(), Topics.LEDGER_CHECKPOINTS_TOPIC,
                r -> given.timebank.equals(r.key()), Duration.ofSeconds(20));
        ConsumerRecord<String, byte[]> last = records.stream().filter(r -> given.timebank.equals(r.key()))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no ChainCheckpointed of " + given.timebank));
        return (ChainCheckpointed) new EventDeserializer().deserialize(last.topic(), last.headers(), last.value());
    }

    private boolean signatureChecksWithThePublishedKey(ChainCheckpointed kept) throws Exception {
        JsonNode key = given.api.get("/api/v1/ledger/checkpoint-keys", null).json().path("keys").path(0);
        assertThat(key.path("keyId").asString()).isEqualTo(kept.keyId());
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.path("publicKey").asString()))));
        verifier.update(org.reciprocity.ledger.book.Canonical.of("reciprocity.chain-checkpoint.v1")
                .text(kept.timebankId()).number(kept.sequence()).text(kept.headHash())
                .number(kept.checkpointedAt().toEpochMilli()).bytes());
        return verifier.verify(Base64.getDecoder().decode(kept.signature()));
    }

    /**
     * What someone who can write the database does: changes an entry's minutes, then recomputes the
     * hash of that entry and of every later one, and the chain head, so the chain holds together again.
     */
    private void rewriteMinutesAndRecomputeTheChain(long sequence, long minutes) {
        String previous = LedgerEntry.GENESIS;
        for (LedgerEntry e : entries()) {
            LedgerEntry changed = new LedgerEntry(e.timebankId(), e.sequence(), e.transferId(), e.debitAccountId(),
                    e.creditAccountId(), e.sequence() == sequence ? minutes : e.minutes(), e.reason(),
                    e.contributionId(), e.reversesTransferId(), e.releasedPending(), e.debitBalanceAfter(),
                    e.creditBalanceAfter(), e.postedAt(), previous, null, e.hashVersion());
            previous = changed.computeHash();
            if (e.sequence() >= sequence) {
                mongo.updateFirst(entryQuery(e.sequence()), new Update().set("entry.minutes", changed.minutes())
                        .set("entry.previousHash", changed.previousHash()).set("entry.hash", previous)
                        .set("head.hash", previous), "ledger_entries");
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(given.timebank)), new Update().set("hash", previous),
                "ledger_heads");
    }

    private List<LedgerEntry> entries() {
        Query query = Query.query(Criteria.where("entry.timebankId").is(given.timebank)).with(Sort.by("entry.sequence"));
        return new ArrayList<>(mongo.find(query, Stored.class, "ledger_entries").stream().map(Stored::entry).toList());
    }

    private Query entryQuery(long sequence) {
        return Query.query(Criteria.where("entry.timebankId").is(given.timebank).and("entry.sequence").is(sequence));
    }

    record Stored(String id, LedgerEntry entry) {
    }
}
