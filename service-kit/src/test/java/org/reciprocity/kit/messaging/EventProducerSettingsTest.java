package org.reciprocity.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** The events' producer waits for every in-sync replica, never writes an event twice on a retry, and never blocks long. */
class EventProducerSettingsTest {

    @Test
    void acksAllIdempotentAndBoundedBlocking() {
        var config = new MessagingConfiguration().eventProducerFactory(new KafkaProperties(), "some-service")
                .getConfigurationProperties();
        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) MessagingConfiguration.MAX_BLOCK.toMillis());
    }
}
