package org.reciprocity.review.erasure;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.reciprocity.kit.access.Access;
import org.reciprocity.review.store.Projections;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A member's right of access: what the review holds about them ({@link PersonalData}), to them and to an admin. */
@RestController
class PersonalDataController {

    private final Projections projections;

    PersonalDataController(Projections projections) {
        this.projections = projections;
    }

    record PersonalDataView(String service, Map<String, List<Object>> collections) {
    }

    @Operation(summary = "Every document of the review about the member, by collection (the member or an admin)")
    @GetMapping(path = "/api/v1/timebanks/{timebankId}/members/{memberId}/personal-data",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access("READ_OWN_PERSONAL_DATA")
    PersonalDataView personalData(@PathVariable String timebankId, @PathVariable String memberId) {
        return new PersonalDataView(ErasureConsumer.SERVICE,
                new PersonalData(projections.facts()).find(timebankId, memberId));
    }
}
