package org.reciprocity.identity.api;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.reciprocity.identity.erasure.ErasureConsumer;
import org.reciprocity.identity.erasure.PersonalData;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's right of access: every document identity holds about them, by collection, found by the
 * same {@link PersonalData} the erasure deletes, so the two cannot disagree. The member themself or
 * an ADMIN of the timebank. A password's hash is shown as set, not given out: it is a secret of
 * the sign-in, not something the person told us.
 */
@RestController
class PersonalDataApi {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final PersonalData personalData;

    PersonalDataApi(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping(path = "/api/v1/timebanks/{timebankId}/members/{memberId}/personal-data",
            produces = MediaType.APPLICATION_JSON_VALUE)
    String personalData(@PathVariable String timebankId, @PathVariable String memberId,
                        @AuthenticationPrincipal Jwt caller) {
        if (!timebankId.equals(caller.getClaimAsString("timebank_id"))) {
            throw new Refused(ApiRefusal.NOT_PERMITTED);
        }
        List<String> roles = caller.getClaimAsStringList("roles");
        if (!memberId.equals(caller.getSubject()) && (roles == null || !roles.contains("ADMIN"))) {
            throw new Refused(ApiRefusal.NOT_PERMITTED);
        }
        StringJoiner collections = new StringJoiner(",", "{", "}");
        for (Map.Entry<String, List<Document>> entry : personalData.find(timebankId, memberId).entrySet()) {
            StringJoiner documents = new StringJoiner(",", "[", "]");
            for (Document d : entry.getValue()) {
                Document shown = new Document(d);
                if (shown.get("passwordHash") != null) {
                    shown.put("passwordHash", "(set)");
                }
                documents.add(shown.toJson(RELAXED));
            }
            collections.add("\"" + entry.getKey() + "\":" + documents); // collection names are plain words
        }
        return "{\"service\":\"" + ErasureConsumer.SERVICE + "\",\"collections\":" + collections + "}";
    }
}
