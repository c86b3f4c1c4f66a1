package org.reciprocity.review.erasure;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.access.ReadLog;
import org.reciprocity.review.store.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A member's right of access: what the review holds about them ({@link PersonalData}), to them and to an admin. */
@RestController
class PersonalDataController {

    /** The timebank download's copies of listings and matches (review {@code export/MatchingRecords}), keyed {@code <timebank>|<id>}. */
    private static final Map<String, List<String>> DOWNLOAD_COPIES = Map.of(
            "export_listings", List.of("ownerId"), "export_matches", List.of("giverId", "receiverId"));

    private final Projections projections;
    private final MongoTemplate mongo;

    PersonalDataController(Projections projections, MongoTemplate mongo) {
        this.projections = projections;
        this.mongo = mongo;
    }

    record PersonalDataView(String service, Map<String, List<Object>> collections) {
    }

    @Operation(summary = "Every document of the review about the member, by collection (the member or an admin)")
    @GetMapping(path = "/api/v1/timebanks/{timebankId}/members/{memberId}/personal-data",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Access("READ_OWN_PERSONAL_DATA")
    PersonalDataView personalData(@PathVariable String timebankId, @PathVariable String memberId) {
        Map<String, List<Object>> found = new java.util.LinkedHashMap<>(
                new PersonalData(projections.facts()).find(timebankId, memberId));
        DOWNLOAD_COPIES.forEach((collection, sides) -> found.put(collection, copiesNaming(collection, sides, timebankId,
                memberId)));
        // who looked at their data here (the kit's read log, _id <timebank>/<member>/<month>), as the erasure finds it
        found.put(ReadLog.COLLECTION, new java.util.ArrayList<>(mongo.find(Query.query(Criteria.where("_id")
                .regex("^" + java.util.regex.Pattern.quote(timebankId + "/" + memberId + "/"))), Document.class,
                ReadLog.COLLECTION)));
        return new PersonalDataView(ErasureConsumer.SERVICE, found);
    }

    /** The listings the member published and the matches they were part of, as the timebank's download keeps them. */
    private List<Object> copiesNaming(String collection, List<String> sides, String timebankId, String memberId) {
        Query ofTimebank = Query.query(Criteria.where("_id").gte(timebankId + "|").lt(timebankId + "|\uffff"));
        List<Object> theirs = new java.util.ArrayList<>();
        for (Document copy : mongo.find(ofTimebank, Document.class, collection)) {
            if (sides.stream().anyMatch(side -> memberId.equals(copy.getString(side)))) {
                copy.remove("rev");
                theirs.add(copy);
            }
        }
        return theirs;
    }
}
