package org.reciprocity.ledger.organisation;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bson.Document;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.kit.web.SafeId;
import org.reciprocity.ledger.audit.AdminAudit;
import org.reciprocity.ledger.book.LedgerRefusal;
import org.reciprocity.ledger.timebank.Timebanks;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisation accounts: a community pot, or a service that runs courses and receives group work.
 * Their account opens with them (the ledger opens it on first use). The staff an organisation lists
 * record and confirm its group activities.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/organisations")
class OrganisationController {

    private final MongoTemplate mongo;
    private final Timebanks timebanks;
    private final Organisations organisations;

    OrganisationController(MongoTemplate mongo, Timebanks timebanks, Organisations organisations) {
        this.mongo = mongo;
        this.timebanks = timebanks;
        this.organisations = organisations;
    }

    @Access("OPEN_ORGANISATION")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganisationResponse open(@PathVariable String timebankId, @Valid @RequestBody OpenRequest request) {
        timebanks.require(timebankId);
        String id = request.id() == null ? UUID.randomUUID().toString() : request.id();
        List<String> staff = request.staffIds() == null ? List.of() : request.staffIds();
        List<String> offers = offers(request.offers());
        Document existing = mongo.findById(id, Document.class, Organisations.COLLECTION);
        if (existing == null) {
            mongo.insert(new Document("_id", id).append("timebankId", timebankId).append("name", request.name().strip())
                    .append("staffIds", staff).append("offers", offers).append("openedBy", Caller.current().memberId())
                    .append(AdminAudit.FIELD, List.of(organisations.opened(id, request.name().strip(), staff, offers))),
                    Organisations.COLLECTION);
        } else if (!timebankId.equals(existing.getString("timebankId"))) {
            throw ApiException.of(LedgerRefusal.ORGANISATION_ID_TAKEN);
        }
        return new OrganisationResponse(id, request.name().strip(), staff);
    }

    /**
     * The timebank's organisations by name, for a member choosing where to spend hours: names, ids
     * and offers only (who their staff are is for coordinators).
     */
    @Access("LIST_ORGANISATIONS")
    @GetMapping
    List<OrganisationListed> list(@PathVariable String timebankId) {
        timebanks.require(timebankId);
        return mongo.find(Query.query(Criteria.where("timebankId").is(timebankId)), Document.class, Organisations.COLLECTION)
                .stream()
                .map(organisation -> new OrganisationListed(organisation.getString("_id"), organisation.getString("name"),
                        organisation.getList("offers", String.class, List.of())))
                .sorted(Comparator.comparing(OrganisationListed::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Says who the organisation's staff are now: they, and no one else, confirm its group work. */
    @Access("SET_ORGANISATION_STAFF")
    @PutMapping("/{organisationId}/staff")
    OrganisationResponse setStaff(@PathVariable String timebankId, @PathVariable String organisationId,
                                  @Valid @RequestBody StaffRequest request) {
        Document organisation = organisations.setStaff(timebankId, organisationId, request.staffIds());
        return new OrganisationResponse(organisationId, organisation.getString("name"),
                organisation.getList("staffIds", String.class, List.of()));
    }

    /** An organisation whole, for coordinators and admins: its staff and the offers members may spend hours on. */
    @Access("READ_ORGANISATION")
    @GetMapping("/{organisationId}")
    OrganisationDetails read(@PathVariable String timebankId, @PathVariable String organisationId) {
        return OrganisationDetails.of(organisations.require(timebankId, organisationId));
    }

    /** Renames an organisation and says what it offers; who changed what is recorded with the change. */
    @Access("EDIT_ORGANISATION")
    @PutMapping("/{organisationId}")
    OrganisationDetails edit(@PathVariable String timebankId, @PathVariable String organisationId,
                             @Valid @RequestBody EditRequest request) {
        return OrganisationDetails.of(organisations.edit(timebankId, organisationId, request.name().strip(),
                offers(request.offers())));
    }

    /** Offers as written, trimmed, blanks and repeats dropped, in the admin's order. */
    private static List<String> offers(List<String> offers) {
        return offers == null ? List.of() : offers.stream().map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
    }

    record OpenRequest(@SafeId String id, @NotBlank @Size(max = 120) String name,
                       @Size(max = Organisations.MAX_STAFF) List<@NotBlank @SafeId String> staffIds,
                       @Size(max = Organisations.MAX_OFFERS) List<@NotNull @Size(max = 120) String> offers) {
    }

    record EditRequest(@NotBlank @Size(max = 120) String name,
                       @Size(max = Organisations.MAX_OFFERS) List<@NotNull @Size(max = 120) String> offers) {
    }

    record OrganisationDetails(String id, String name, List<String> staffIds, List<String> offers, String openedBy) {

        static OrganisationDetails of(Document d) {
            return new OrganisationDetails(d.getString("_id"), d.getString("name"),
                    d.getList("staffIds", String.class, List.of()), d.getList("offers", String.class, List.of()),
                    d.getString("openedBy"));
        }
    }

    record StaffRequest(@NotNull @Size(max = Organisations.MAX_STAFF) List<@NotBlank @SafeId String> staffIds) {
    }

    record OrganisationResponse(String id, String name, List<String> staffIds) {
    }

    /** What any member sees of an organisation: its name and what it offers for hours. */
    record OrganisationListed(String id, String name, List<String> offers) {
    }
}
