package org.reciprocity.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.reciprocity.contracts.kafka.CloudEventHeaders;
import org.reciprocity.contracts.kafka.EventDeserializer;
import org.reciprocity.contracts.kafka.EventJson;
import org.reciprocity.contracts.kafka.EventSerializer;

import tools.jackson.databind.JsonNode;

/** The published JSON of every event is pinned by a golden file: changing a field breaks here. */
class EventWireFormatTest {

    static Stream<DomainEvent> samples() {
        return EventSamples.all().stream();
    }

    @Test
    void everyPublishedEventTypeHasASample() {
        assertThat(EventSamples.all().stream().map(EventTypes::of).toList())
                .containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writesExactlyTheGoldenJson(DomainEvent event) throws IOException {
        byte[] wire = new EventSerializer("/test").serialize("any", new RecordHeaders(), event);

        JsonNode written = EventJson.mapper().readTree(wire);
        assertThat(written).isEqualTo(golden(event));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void readsTheGoldenJsonBackIntoTheSameEvent(DomainEvent event) throws IOException {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, EventTypes.of(event).name());
        byte[] golden = EventJson.mapper().writeValueAsBytes(golden(event));

        assertThat(new EventDeserializer().deserialize("any", headers, golden)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventTypeHasAVersionedNameAndATopicInTheCatalogue(DomainEvent event) {
        EventType type = EventTypes.of(event);
        assertThat(type.name()).matches("reciprocity\\.[A-Za-z]+\\.v\\d+");
        assertThat(Topics.all()).contains(type.topic());
    }

    @Test
    void putsTheCloudEventsAttributesInHeaders() {
        DomainEvent event = samples().findFirst().orElseThrow();
        RecordHeaders headers = new RecordHeaders();

        new EventSerializer("/ledger-service").serialize("reciprocity.timebanks.v1", headers, event);

        assertThat(CloudEventHeaders.get(headers, "ce_id")).isEqualTo(event.eventId().toString());
        assertThat(CloudEventHeaders.get(headers, "ce_type")).isEqualTo("reciprocity.TimebankOpened.v1");
        assertThat(CloudEventHeaders.get(headers, "ce_source")).isEqualTo("/ledger-service");
        assertThat(CloudEventHeaders.get(headers, "ce_time")).isEqualTo("2026-11-25T09:30:00Z");
        assertThat(CloudEventHeaders.get(headers, "ce_subject")).isEqualTo("riverside");
        assertThat(CloudEventHeaders.get(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventHeaders.get(headers, "content-type")).isEqualTo("application/json");
    }

    @Test
    void refusesARecordOfAnUnknownType() {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, "reciprocity.SomethingElse.v1");

        assertThatThrownBy(() -> new EventDeserializer().deserialize("t", headers, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown event type reciprocity.SomethingElse.v1");
    }

    @Test
    void refusesAnEventWithoutItsEnvelopeFields() {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, "reciprocity.TimebankOpened.v1");

        assertThatThrownBy(() -> new EventDeserializer().deserialize("t", headers,
                "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("eventId is required");
    }

    @Test
    void refusesARecordThatIsNotJson() {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, "reciprocity.TimebankOpened.v1");

        assertThatThrownBy(() -> new EventDeserializer().deserialize("t", headers,
                "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void readsMatchEventsPublishedBeforeTheActivityWasAdded() {
        String accepted = "{\"eventId\":\"00000000-0000-4000-8000-000000000102\",\"occurredAt\":\"2026-11-25T09:30:00Z\","
                + "\"timebankId\":\"riverside\",\"matchId\":\"m-1\",\"acceptedBy\":\"sam\",\"giverId\":\"sam\","
                + "\"receiverId\":\"ali\"}";
        String agreed = "{\"eventId\":\"00000000-0000-4000-8000-000000000104\",\"occurredAt\":\"2026-11-25T09:30:00Z\","
                + "\"timebankId\":\"riverside\",\"matchId\":\"m-1\",\"giverId\":\"sam\",\"receiverId\":\"ali\","
                + "\"offerListingId\":\"l-offer\",\"needListingId\":\"l-need\",\"estimatedMinutes\":60}";

        assertThat(read("reciprocity.MatchAccepted.v1", accepted)).isEqualTo(new org.reciprocity.contracts.match.MatchAccepted(
                java.util.UUID.fromString("00000000-0000-4000-8000-000000000102"), java.time.Instant.parse("2026-11-25T09:30:00Z"),
                "riverside", "m-1", "sam", "sam", "ali"));
        assertThat(((org.reciprocity.contracts.match.MatchAgreed) read("reciprocity.MatchAgreed.v1", agreed)).activity()).isNull();
    }

    private static DomainEvent read(String type, String json) {
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.put(headers, CloudEventHeaders.TYPE, type);
        return new EventDeserializer().deserialize("any", headers, json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode golden(DomainEvent event) throws IOException {
        String file = "/golden/" + EventTypes.of(event).name().substring("reciprocity.".length()) + ".json";
        try (InputStream in = EventWireFormatTest.class.getResourceAsStream(file)) {
            assertThat(in).as("golden file %s", file).isNotNull();
            return EventJson.mapper().readTree(in);
        }
    }
}
