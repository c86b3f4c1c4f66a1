package org.reciprocity.bench.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * Compares what members were told with what the ledger holds and what its topics say, once the
 * load has stopped: every acknowledged log and validation is in the store exactly once, every event
 * on the topics names a write the store has (no phantom), each ledger sequence on the topic names
 * the entry the ledger has at that sequence (no fork), the chain verifies and the balances sum to
 * zero. The store is read whole documents at a time (as any MongoDB answers them alike).
 */
final class Audit {

    static final String CONTRIBUTIONS_TOPIC = "reciprocity.contributions.v1";
    static final String LEDGER_TOPIC = "reciprocity.ledger.v1";
    static final String MEMBERS_TOPIC = "reciprocity.members.v1";

    private final Launcher launcher;
    private final Load load;

    Audit(Launcher launcher, Load load) {
        this.launcher = launcher;
        this.load = load;
    }

    /** One event read off a topic: its type (CloudEvents header) and payload. */
    record Event(String type, JsonNode payload) {
    }

    List<CrashSuite.Check> run(Duration settle) throws Exception {
        List<CrashSuite.Check> checks = new ArrayList<>();
        // the outboxes drain after the load stops: wait until every acknowledged validation has its transfer on the topic
        long deadline = System.nanoTime() + settle.toNanos();
        List<Event> events = readTopics();
        while (System.nanoTime() < deadline && !transfersOf(events).containsAll(load.validated)) {
            Thread.sleep(2_000);
            events = readTopics();
        }
        Map<String, Document> contributions = new HashMap<>();
        Map<Long, JsonNode> entriesBySequence = new HashMap<>();
        Map<String, Integer> entriesPerContribution = new HashMap<>();
        try (MongoClient client = MongoClients.create(launcher.mongoUri())) {
            // the ledger keys a contribution by its timebank and id: "<timebank>/<id>"
            String prefix = load.timebank + "/";
            // small batches: mongo-java-server answers a whole first batch in one reply, and after a
            // long run (tens of thousands of contributions) that reply outgrew the driver's 48 MB limit
            for (Document d : client.getDatabase("ledger").getCollection("contributions")
                    .find(Filters.in("_id", load.attempted.stream().map(id -> prefix + id).toList())).batchSize(500)) {
                contributions.put(d.getString("_id").substring(prefix.length()), d);
            }
            for (Document d : client.getDatabase("ledger").getCollection("ledger_entries")
                    .find(Filters.regex("_id", "^" + load.timebank + "/")).batchSize(500)) {
                JsonNode entry = Load.JSON.readTree(((Document) d.get("entry")).toJson());
                if (entriesBySequence.put(entry.path("sequence").asLong(), entry) != null) {
                    checks.add(CrashSuite.check("one entry per sequence", false, "sequence " + entry.path("sequence")));
                }
                String contribution = entry.path("contributionId").asText(null);
                if (contribution != null && !contribution.equals("null")) {
                    entriesPerContribution.merge(contribution, 1, Integer::sum);
                }
            }
        }

        Set<String> lostLogs = load.logged.stream().filter(id -> !contributions.containsKey(id)).collect(Collectors.toSet());
        checks.add(CrashSuite.check("0 acknowledged logs lost", lostLogs.isEmpty(),
                lostLogs.size() + " of " + load.logged.size() + " lost" + sample(lostLogs)));
        Set<String> lostValidations = load.validated.stream()
                .filter(id -> !contributions.containsKey(id) || !"VALIDATED".equals(contributions.get(id).getString("state"))
                        || entriesPerContribution.getOrDefault(id, 0) == 0)
                .collect(Collectors.toSet());
        checks.add(CrashSuite.check("0 acknowledged validations lost", lostValidations.isEmpty(),
                lostValidations.size() + " of " + load.validated.size() + " lost" + sample(lostValidations)));
        Set<String> doubled = entriesPerContribution.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        checks.add(CrashSuite.check("0 contributions posted twice", doubled.isEmpty(), doubled.size() + " doubled" + sample(doubled)));

        List<String> phantoms = new ArrayList<>();
        List<String> forks = new ArrayList<>();
        Map<Long, String> publishedSequences = new HashMap<>();
        for (Event event : events) {
            JsonNode p = event.payload();
            if (!load.timebank.equals(p.path("timebankId").asText())) {
                continue;
            }
            String contribution = p.path("contributionId").asText();
            switch (event.type()) {
                case "reciprocity.ContributionLogged.v1" -> {
                    if (!contributions.containsKey(contribution)) {
                        phantoms.add("logged " + contribution);
                    }
                }
                case "reciprocity.ContributionValidated.v1" -> {
                    Document stored = contributions.get(contribution);
                    if (stored == null || !"VALIDATED".equals(stored.getString("state"))) {
                        phantoms.add("validated " + contribution);
                    }
                }
                case "reciprocity.TransferPosted.v1" -> {
                    long sequence = p.path("sequence").asLong();
                    JsonNode entry = entriesBySequence.get(sequence);
                    String transfer = p.path("transferId").asText();
                    if (entry == null) {
                        phantoms.add("transfer " + transfer + " at sequence " + sequence);
                    } else if (!entry.path("transferId").asText().equals(transfer)
                            || !entry.path("hash").asText().equals(p.path("entryHash").asText())) {
                        forks.add("sequence " + sequence + ": topic " + transfer + ", ledger " + entry.path("transferId").asText());
                    }
                    String before = publishedSequences.putIfAbsent(sequence, transfer);
                    if (before != null && !before.equals(transfer)) {
                        forks.add("sequence " + sequence + " published for " + before + " and " + transfer);
                    }
                }
                default -> {
                }
            }
        }
        checks.add(CrashSuite.check("0 phantom events (an event for a write the ledger lacks)", phantoms.isEmpty(),
                phantoms.size() + " phantom" + sample(phantoms)));
        checks.add(CrashSuite.check("0 forked sequences (topic and ledger name the same entry)", forks.isEmpty(),
                forks.size() + " forked" + sample(forks)));
        Set<String> unpublished = new HashSet<>(load.validated);
        unpublished.removeAll(transfersOf(events));
        checks.add(CrashSuite.check("every acknowledged validation's transfer is on the topic", unpublished.isEmpty(),
                unpublished.size() + " missing" + sample(unpublished)));
        List<Long> gaps = new ArrayList<>();
        for (long s = 1; s <= entriesBySequence.size(); s++) {
            if (!publishedSequences.containsKey(s)) {
                gaps.add(s);
            }
        }
        checks.add(CrashSuite.check("every ledger entry published", gaps.isEmpty() && !entriesBySequence.isEmpty(),
                entriesBySequence.size() + " entries, " + gaps.size() + " not on the topic" + sample(gaps)));

        String base = launcher.url("ledger-service") + "/api/v1/timebanks/" + load.timebank;
        JsonNode verification = Load.JSON.readTree(Load.get(base + "/ledger/verification", load.adminToken).body());
        checks.add(CrashSuite.check("the chain verifies", verification.path("intact").asBoolean(),
                verification.path("entriesChecked").asLong() + " entries checked"
                        + (verification.path("intact").asBoolean() ? "" : ": " + verification)));
        JsonNode accounts = Load.JSON.readTree(Load.get(base + "/accounts", load.adminToken).body());
        checks.add(CrashSuite.check("balances sum to zero", accounts.has("sumOfBalances") && accounts.path("sumOfBalances").asLong() == 0,
                "sum " + accounts.path("sumOfBalances")));
        return checks;
    }

    /**
     * The consumers' read models hold what the acknowledged writes said, once the consumers have caught up:
     * every acknowledged registration is a profile in matching and a recipient in notification (both keyed
     * by the member's id), in the load's timebank. Offsets alone would not show an event skipped on a
     * failover and committed anyway.
     */
    List<CrashSuite.Check> readModels() {
        List<CrashSuite.Check> checks = new ArrayList<>();
        try (MongoClient client = MongoClients.create(launcher.mongoUri())) {
            for (String[] model : List.of(new String[] {"matching", "profiles"}, new String[] {"notification", "recipients"})) {
                Set<String> held = new HashSet<>();
                for (Document d : client.getDatabase(model[0]).getCollection(model[1])
                        .find(Filters.in("_id", List.copyOf(load.registered))).batchSize(500)) {
                    if (load.timebank.equals(d.getString("timebankId"))) {
                        held.add(String.valueOf(d.get("_id")));
                    }
                }
                Set<String> missing = new HashSet<>(load.registered);
                missing.removeAll(held);
                checks.add(CrashSuite.check("every acknowledged registration in " + model[0] + "'s " + model[1],
                        missing.isEmpty() && !load.registered.isEmpty(),
                        held.size() + " of " + load.registered.size() + " there" + sample(missing)));
            }
        }
        return checks;
    }

    /**
     * Each acknowledged event on its topic exactly once, and no event of the load's timebank twice: one
     * {@code ContributionLogged} per acknowledged log, one {@code ContributionValidated} and one
     * {@code TransferPosted} per acknowledged validation, one {@code MemberRegistered} per acknowledged
     * registration; and no registration on the topic for a member the ledger lacks (phantom). A record
     * counts as the same event again when it has the same type and names the same contribution, transfer
     * or member (a re-sent event keeps its id; a second write would have another).
     */
    List<CrashSuite.Check> eventsExactlyOnce() throws Exception {
        List<CrashSuite.Check> checks = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Event event : readTopics(List.of(CONTRIBUTIONS_TOPIC, LEDGER_TOPIC, MEMBERS_TOPIC))) {
            JsonNode p = event.payload();
            if (!load.timebank.equals(p.path("timebankId").asText())) {
                continue;
            }
            String subject = switch (event.type()) {
                case "reciprocity.ContributionLogged.v1", "reciprocity.ContributionValidated.v1" -> p.path("contributionId").asText();
                case "reciprocity.TransferPosted.v1" -> p.path("transferId").asText();
                case "reciprocity.MemberRegistered.v1" -> p.path("memberId").asText();
                default -> null;
            };
            if (subject != null) {
                counts.merge(event.type() + " " + subject, 1, Integer::sum);
            }
        }
        List<String> doubled = counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).sorted().toList();
        checks.add(CrashSuite.check("0 events on the topics twice", doubled.isEmpty(), counts.size() + " events of the load, "
                + doubled.size() + " more than once" + sample(doubled)));
        checks.add(exactlyOnce("every acknowledged log's ContributionLogged on the topic once", load.logged, counts,
                "reciprocity.ContributionLogged.v1"));
        checks.add(exactlyOnce("every acknowledged validation's ContributionValidated on the topic once", load.validated, counts,
                "reciprocity.ContributionValidated.v1"));
        checks.add(exactlyOnce("every acknowledged registration's MemberRegistered on the topic once", load.registered, counts,
                "reciprocity.MemberRegistered.v1"));
        Set<String> storedMembers = new HashSet<>();
        try (MongoClient client = MongoClients.create(launcher.mongoUri())) {
            for (Document d : client.getDatabase("ledger").getCollection("members").find(Filters.eq("timebankId", load.timebank))
                    .batchSize(500)) {
                String id = String.valueOf(d.get("_id"));
                storedMembers.add(id.substring(id.lastIndexOf('/') + 1));
            }
        }
        List<String> phantoms = counts.keySet().stream().filter(k -> k.startsWith("reciprocity.MemberRegistered.v1 "))
                .map(k -> k.substring("reciprocity.MemberRegistered.v1 ".length())).filter(id -> !storedMembers.contains(id)).toList();
        checks.add(CrashSuite.check("0 phantom registrations (an event for a member the ledger lacks)", phantoms.isEmpty(),
                phantoms.size() + " phantom of " + storedMembers.size() + " members" + sample(phantoms)));
        return checks;
    }

    private static CrashSuite.Check exactlyOnce(String name, Set<String> acknowledged, Map<String, Integer> counts, String type) {
        List<String> missing = acknowledged.stream().filter(id -> !counts.containsKey(type + " " + id)).toList();
        List<String> twice = acknowledged.stream().filter(id -> counts.getOrDefault(type + " " + id, 0) > 1).toList();
        return CrashSuite.check(name, missing.isEmpty() && twice.isEmpty(), acknowledged.size() + " acknowledged, "
                + missing.size() + " lost" + sample(missing) + ", " + twice.size() + " doubled" + sample(twice));
    }

    /** The contributions whose transfer the topic holds. */
    private Set<String> transfersOf(List<Event> events) {
        return events.stream().filter(e -> e.type().equals("reciprocity.TransferPosted.v1"))
                .map(e -> e.payload().path("contributionId").asText()).collect(Collectors.toSet());
    }

    /** Both topics from their beginning to their current end. */
    private List<Event> readTopics() throws Exception {
        return readTopics(List.of(CONTRIBUTIONS_TOPIC, LEDGER_TOPIC));
    }

    /** These topics from their beginning to their current end. */
    private List<Event> readTopics(List<String> topics) throws Exception {
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, launcher.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "crash-audit-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Header type = record.headers().lastHeader("ce_type");
                    events.add(new Event(type == null ? "" : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8),
                            Load.JSON.readTree(record.value())));
                }
            }
        }
        return events;
    }

    private static String sample(java.util.Collection<?> items) {
        return items.isEmpty() ? "" : ", e.g. " + items.stream().limit(3).map(String::valueOf).toList();
    }
}
