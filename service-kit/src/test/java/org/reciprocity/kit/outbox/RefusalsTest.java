package org.reciprocity.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaProducerException;

/** Which failures to publish park an event (never to be retried) and which are waited out. */
class RefusalsTest {

    @Test
    void aRecordTheBrokerCanNeverTakeIsRefusedForGoodHoweverItIsWrapped() {
        assertThat(Refusals.forGood(sendFailed(new RecordTooLargeException("2477 bytes")))).isTrue();
        assertThat(Refusals.forGood(new ExecutionException(sendFailed(new InvalidTopicException("bad name"))))).isTrue();
        assertThat(Refusals.forGood(new SerializationException("cannot write"))).isTrue();
        assertThat(Refusals.forGood(new Refusals.UnreadableEntry("unknown type", null))).isTrue();
    }

    @Test
    void theBrokerAwayOrBusyIsWaitedOut() {
        assertThat(Refusals.forGood(sendFailed(new TimeoutException("Expiring 1 record(s)")))).isFalse();
        assertThat(Refusals.forGood(sendFailed(new NotLeaderOrFollowerException("moving")))).isFalse();
        assertThat(Refusals.forGood(new java.util.concurrent.TimeoutException())).isFalse();
        assertThat(Refusals.forGood(new IllegalStateException("producer closed"))).isFalse();
    }

    @Test
    void aFailureOfTheProducerOrTheClusterIsNotTheRecordsFaultAndIsRetried() {
        // every event would fail alike until a person fixes the setting: parking would empty every outbox
        assertThat(Refusals.forGood(sendFailed(new TopicAuthorizationException("not allowed")))).isFalse();
        assertThat(Refusals.forGood(sendFailed(new ProducerFencedException("fenced")))).isFalse();
    }

    @Test
    void theRefusalIsToldInOneLineByItsInnermostCause() {
        assertThat(Refusals.inWords(sendFailed(new RecordTooLargeException("The message is 2477 bytes"))))
                .isEqualTo("RecordTooLargeException: The message is 2477 bytes");
        assertThat(Refusals.inWords(new SerializationException("x".repeat(5_000)))).hasSize(1_001);
    }

    private static KafkaProducerException sendFailed(Throwable cause) {
        return new KafkaProducerException(null, "Failed to send", cause);
    }
}
