package org.reciprocity.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reciprocity.contracts.Topics;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every topic the services declare keeps {@code acks=all} meaningful on the cluster it is made on:
 * with three replicas, a write is acknowledged once two hold it, not the leader alone.
 */
class TopicDeclarationsTest {

    /**
     * What a service declares on a cluster of {@code replicas} ({@code configured}: the configured
     * min.insync.replicas, if any): every topic Spring's admin would create from the context that
     * holds the kit's declarations.
     */
    private static List<NewTopic> declared(int replicas, String configured) {
        try (var context = new GenericApplicationContext()) {
            context.registerBean("catalogueTopics", KafkaAdmin.NewTopics.class,
                    () -> new MessagingConfiguration().catalogueTopics((short) replicas, configured,
                            TopicDeclarations.COMPACTION_LAG));
            context.refresh();
            Admin admin = new Admin();
            admin.setApplicationContext(context);
            return List.copyOf(admin.newTopics());
        }
    }

    /** Spring's admin, asked only which topics it would create. */
    private static final class Admin extends KafkaAdmin {
        Admin() {
            super(Map.of());
        }

        @Override
        protected Collection<NewTopic> newTopics() {
            return super.newTopics();
        }
    }

    @ParameterizedTest(name = "replication factor {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void everyDeclaredTopicSaysHowManyReplicasMustHoldAWrite(int replicas) {
        List<NewTopic> topics = declared(replicas, null);
        assertThat(topics).hasSize(Topics.all().size() * 2); // each topic and its dead-letter twin
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.replicationFactor()).as(topic.name()).isEqualTo((short) replicas);
            assertThat(topic.configs()).as(topic.name() + " declared without min.insync.replicas")
                    .containsKey(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
            int minInSync = Integer.parseInt(topic.configs().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG));
            assertThat(TopicDeclarations.suitable(replicas, minInSync))
                    .as("%s: min.insync.replicas %d on %d replicas", topic.name(), minInSync, replicas).isTrue();
        });
    }

    @ParameterizedTest(name = "{0} replicas: {1} must hold a write")
    @CsvSource({"1, 1", "2, 1", "3, 2", "5, 4"})
    void byDefaultAllReplicasButOne(int replicas, int minInSync) {
        assertThat(declared(replicas, "")).allSatisfy(topic -> assertThat(topic.configs())
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSync)));
    }

    @Test
    void aConfiguredValueThatSuitsIsTaken() {
        assertThat(declared(5, "2")).allSatisfy(topic -> assertThat(topic.configs())
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2"));
    }

    @Test
    void onThreeReplicasTheLeaderAloneIsNeverEnough() {
        assertThat(TopicDeclarations.suitable(3, 1)).isFalse();
        assertThatThrownBy(() -> declared(3, "1")).as("the service does not start").hasRootCauseMessage("min.insync.replicas 1 does not suit a replication factor of 3: it must be between 2 and 2 (2 if not configured)");
    }

    @Test
    void notAllReplicasEither_elseOneBrokerAwayStopsEveryWrite() {
        assertThat(TopicDeclarations.suitable(3, 3)).isFalse();
        assertThat(TopicDeclarations.suitable(2, 2)).isFalse();
        assertThatThrownBy(() -> declared(3, "3")).hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverMoreThanThereAreReplicas() {
        assertThat(TopicDeclarations.suitable(1, 2)).isFalse();
        assertThat(TopicDeclarations.suitable(1, 0)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void theDetailsTopicIsCompactedWithinTheLagAndItsDeadLettersLastNoLonger() {
        TopicDeclarations declarations = new TopicDeclarations((short) 1, 1, java.time.Duration.ofSeconds(5));

        NewTopic details = declarations.topic(org.reciprocity.contracts.PersonalDataContracts.MEMBER_DETAILS);
        NewTopic deadLetters = declarations.deadLetter(org.reciprocity.contracts.PersonalDataContracts.MEMBER_DETAILS);
        NewTopic members = declarations.topic(Topics.MEMBERS);

        assertThat(details.configs()).containsEntry("cleanup.policy", "compact")
                .containsEntry("max.compaction.lag.ms", "5000").containsEntry("segment.ms", "5000")
                .doesNotContainKey("retention.ms");
        assertThat(deadLetters.configs()).containsEntry("retention.ms", "5000").containsEntry("segment.ms", "5000")
                .doesNotContainKey("cleanup.policy");
        assertThat(members.configs()).containsEntry("retention.ms", "-1").doesNotContainKey("cleanup.policy");
        assertThat(new TopicDeclarations((short) 1, 1).topic(org.reciprocity.contracts.PersonalDataContracts.MEMBER_DETAILS)
                .configs()).containsEntry("max.compaction.lag.ms", "86400000").containsEntry("segment.ms", "3600000");
    }

    @Test
    void aCompactedTopicWithARetentionIsCompactedAndDeletedAndItsDeadLettersLastNoLongerThanTheLag() {
        TopicDeclarations declarations = new TopicDeclarations((short) 1, 1, java.time.Duration.ofSeconds(5));

        NewTopic invitations = declarations.topic(org.reciprocity.contracts.IdentityContracts.INVITATIONS);
        NewTopic deadLetters = declarations.deadLetter(org.reciprocity.contracts.IdentityContracts.INVITATIONS);

        assertThat(invitations.configs()).containsEntry("cleanup.policy", "compact,delete")
                .containsEntry("retention.ms", Long.toString(java.time.Duration.ofDays(7).toMillis()))
                .containsEntry("max.compaction.lag.ms", "5000").containsEntry("segment.ms", "5000")
                .containsEntry("delete.retention.ms", "5000").containsEntry("min.cleanable.dirty.ratio", "0.01");
        assertThat(deadLetters.configs()).containsEntry("retention.ms", "5000").doesNotContainKey("cleanup.policy");
    }
}
