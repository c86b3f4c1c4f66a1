package org.reciprocity.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.Topics;
import org.reciprocity.kit.messaging.TopicDeclarations;
import org.reciprocity.testsupport.SharedInfrastructure;
import org.reciprocity.testsupport.TestTokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A broker made before a topic's declaration changed keeps the old settings unless a service brings
 * them up to date: the invitations topic was {@code delete} (7 days) until session 11 made it
 * {@code compact,delete}, and its dead letters were kept 30 days where they are now kept no longer than
 * the compaction lag (docs/personal-data.md 3.1). The test gives the real broker's topic and its
 * {@code -dlt} twin the old settings, starts a ledger, and reads the settings the broker then holds.
 */
class TopicSettingsAtStartIT {

    private static final String DATABASE = "ledger_topic_settings";
    private static final Duration LAG = TopicDeclarations.COMPACTION_LAG;

    @Test
    void aTopicWithTheOldSettingsHasTheDeclaredOnesOnceAServiceStarted() throws Exception {
        String bootstrap = SharedInfrastructure.get().kafkaBootstrapServers();
        String topic = Topics.INVITATIONS_TOPIC;
        String deadLetters = org.reciprocity.contracts.IdentityContracts.INVITATIONS.deadLetterName();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            everyOtherTopicThere(admin, Set.of(topic, deadLetters));
            asBefore(admin, topic, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(Duration.ofDays(7).toMillis())));
            asBefore(admin, deadLetters, Map.of(TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(Duration.ofDays(30).toMillis())));
            // a topic just created is known to the broker a moment later: the service must find it there
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                    "delete".equals(settings(admin, topic).get(TopicConfig.CLEANUP_POLICY_CONFIG))
                            && !settings(admin, topic).containsKey(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG)
                            && Long.toString(Duration.ofDays(30).toMillis())
                            .equals(settings(admin, deadLetters).get(TopicConfig.RETENTION_MS_CONFIG)));

            try (ConfigurableApplicationContext ignored = startALedger(bootstrap)) {
                Map<String, String> declared = declared(topic);
                assertThat(declared).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete");
                assertThat(effective(admin, topic)).as("the topic's settings are the declared ones")
                        .containsAllEntriesOf(declared);
                assertThat(effective(admin, deadLetters)).as("its dead letters are kept no longer than the lag")
                        .containsAllEntriesOf(declared(deadLetters))
                        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(LAG.toMillis()));
            }
        }
    }

    /** A broker that has been running: every other topic of the catalogue is there already, as declared. */
    private static void everyOtherTopicThere(Admin admin, Set<String> but) throws Exception {
        Set<String> there = admin.listTopics().names().get();
        List<NewTopic> missing = TopicDeclarations.of((short) 1, null, LAG).catalogue().stream()
                .filter(t -> !there.contains(t.name()) && !but.contains(t.name())).toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                    admin.listTopics().names().get().containsAll(missing.stream().map(NewTopic::name).toList()));
        }
    }

    /** The topic as a broker of before session 11 holds it: created with these settings, or set back to them. */
    private static void asBefore(Admin admin, String topic, Map<String, String> old) throws Exception {
        if (!admin.listTopics().names().get().contains(topic)) {
            admin.createTopics(List.of(new NewTopic(topic, org.reciprocity.contracts.IdentityContracts.INVITATIONS.partitions(), (short) 1).configs(old)))
                    .all().get();
            return;
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        List<AlterConfigOp> back = new java.util.ArrayList<>();
        for (String name : settings(admin, topic).keySet()) {
            if (!old.containsKey(name)) {
                back.add(new AlterConfigOp(new ConfigEntry(name, null), AlterConfigOp.OpType.DELETE));
            }
        }
        old.forEach((name, value) -> back.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)));
        admin.incrementalAlterConfigs(Map.of(resource, back)).all().get();
    }

    /** The settings set on the topic itself, not the broker's defaults. */
    private static Map<String, String> settings(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<String, String> own = new HashMap<>();
        for (ConfigEntry entry : admin.describeConfigs(Set.of(resource)).all().get().get(resource).entries()) {
            if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG && entry.value() != null) {
                own.put(entry.name(), entry.value());
            }
        }
        return own;
    }

    /**
     * The settings the topic works with, its own or the broker's defaults: a declared value that is the
     * default already (one day of tombstones, say) is not set on the topic, and need not be.
     */
    private static Map<String, String> effective(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Map<String, String> all = new HashMap<>();
        for (ConfigEntry entry : admin.describeConfigs(Set.of(resource)).all().get().get(resource).entries()) {
            if (entry.value() != null) {
                all.put(entry.name(), entry.value());
            }
        }
        return all;
    }

    /** What service-kit declares for the topic on this (one-broker) cluster. */
    private static Map<String, String> declared(String topic) {
        return TopicDeclarations.of((short) 1, null, LAG).catalogue().stream().filter(t -> t.name().equals(topic))
                .findFirst().orElseThrow().configs();
    }

    private static ConfigurableApplicationContext startALedger(String bootstrap) {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        return new SpringApplicationBuilder(LedgerApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                // it only starts: its consumers would take partitions from the other ledgers of this JVM
                "--spring.kafka.listener.auto-startup=false",
                "--reciprocity.kafka.compaction-lag=" + LAG,
                "--spring.mongodb.uri=" + infrastructure.mongoUri(DATABASE),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + infrastructure.tokens().jwkSetUri(),
                "--reciprocity.security.issuer=" + infrastructure.tokens().issuer(),
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + TestTokens.AUDIENCE,
                "--logging.level.org.springframework.kafka.core.KafkaAdmin=DEBUG",
                "--spring.main.banner-mode=off");
    }
}
