package org.reciprocity.ledger.organisation;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.bson.Document;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisation accounts: a community pot, or a service that runs courses and receives group work.
 * Their account opens with them (the ledger opens it on first use).
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/organisations")
class OrganisationController {

    private final MongoTemplate mongo;
    private final Timebanks timebanks;

    OrganisationController(MongoTemplate mongo, Timebanks timebanks) {
        this.mongo = mongo;
        this.timebanks = timebanks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    OrganisationResponse open(@PathVariable String timebankId, @Valid @RequestBody OpenRequest request) {
        timebanks.require(timebankId);
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        List<String> staff = request.staffIds() == null ? List.of() : request.staffIds();
        Document existing = mongo.findById(id, Document.class, "organisations");
        if (existing == null) {
            mongo.insert(new Document("_id", id).append("timebankId", timebankId).append("name", request.name().strip())
                    .append("staffIds", staff).append("openedBy", Caller.current().memberId()), "organisations");
        } else if (!timebankId.equals(existing.getString("timebankId"))) {
            throw org.reciprocity.kit.web.ApiException.conflict("This organisation id is taken.");
        }
        return new OrganisationResponse(id, request.name().strip(), staff);
    }

    record OpenRequest(@Size(max = 100) String id, @NotBlank @Size(max = 120) String name, List<String> staffIds) {
    }

    record OrganisationResponse(String id, String name, List<String> staffIds) {
    }
}
