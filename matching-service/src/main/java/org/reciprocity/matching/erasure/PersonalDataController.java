package org.reciprocity.matching.erasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.reciprocity.kit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18, the right of access: every document matching holds about a member, as stored, found by
 * {@link PersonalData} (the erasure's own lookup). For the member and admins.
 */
@RestController
class PersonalDataController {

    /** Dates as ISO text and numbers as numbers: the export reads as plain JSON. */
    private static final JsonWriterSettings PLAIN = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PersonalData personalData;

    PersonalDataController(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** What matching holds about the member: its name and the documents of each collection. */
    record Export(String service, Map<String, List<JsonNode>> collections) {
    }

    @GetMapping("/api/v1/timebanks/{timebankId}/members/{memberId}/personal-data")
    @Access("EXPORT_PERSONAL_DATA")
    Export export(@PathVariable String timebankId, @PathVariable String memberId) {
        Map<String, List<JsonNode>> collections = new LinkedHashMap<>();
        personalData.find(timebankId, memberId).forEach((collection, documents) -> collections.put(collection,
                documents.stream().map(document -> JSON.readTree(document.toJson(PLAIN))).toList()));
        return new Export(MatchingErasure.SERVICE, collections);
    }
}
