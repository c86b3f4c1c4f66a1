package org.reciprocity.notification.erasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.reciprocity.contracts.Topics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.reciprocity.kit.access.Access;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 18, the right of access: every document notification-service holds about a member, by
 * collection, as {@link PersonalData} finds them (the same queries the erasure uses). For the member
 * themself and an admin.
 */
@RestController
class PersonalDataController {

    /** Dates as ISO text, numbers as numbers: JSON a person (or a spreadsheet) can read. */
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final PersonalData personalData;
    private final ObjectMapper json;

    PersonalDataController(PersonalData personalData, ObjectMapper json) {
        this.personalData = personalData;
        this.json = json;
    }

    @GetMapping("/api/v1/timebanks/{timebankId}/members/{memberId}/personal-data")
    @Access("READ_PERSONAL_DATA")
    Export export(@PathVariable String timebankId, @PathVariable String memberId) {
        Map<String, List<JsonNode>> collections = new LinkedHashMap<>();
        personalData.find(timebankId, memberId).forEach((collection, documents) -> collections.put(collection,
                documents.stream().map(this::asJson).toList()));
        return new Export(Topics.NOTIFICATION, collections);
    }

    private JsonNode asJson(Document document) {
        return json.readTree(document.toJson(RELAXED));
    }

    /** What this service holds about the member: documents by collection. */
    record Export(String service, Map<String, List<JsonNode>> collections) {
    }
}
