package org.reciprocity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.kafka.EventSerializer;
import org.reciprocity.contracts.timebank.TimebankOpened;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;

/** A consumer that knows only the CloudEvents SDK can read our records. */
class CloudEventsInteropTest {

    @Test
    void theCloudEventsSdkReadsOurRecordsAsCloudEvents() {
        TimebankOpened event = new TimebankOpened(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"),
                "riverside", "Riverside", "Europe/London", "admin-1");
        RecordHeaders headers = new RecordHeaders();
        byte[] value = new EventSerializer("/ledger-service").serialize(Topics.TIMEBANKS.name(), headers, event);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.TIMEBANKS.name(), 0, 0L, 0L,
                TimestampType.CREATE_TIME, 0, value.length, "riverside", value, headers, java.util.Optional.empty());

        CloudEvent read = KafkaMessageFactory.createReader(record).toEvent();

        assertThat(read.getId()).isEqualTo(event.eventId().toString());
        assertThat(read.getType()).isEqualTo("reciprocity.TimebankOpened.v1");
        assertThat(read.getSource()).isEqualTo(URI.create("/ledger-service"));
        assertThat(read.getSubject()).isEqualTo("riverside");
        assertThat(read.getTime().toInstant()).isEqualTo(event.occurredAt());
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(read.getData().toBytes()).isEqualTo(value);
    }
}
