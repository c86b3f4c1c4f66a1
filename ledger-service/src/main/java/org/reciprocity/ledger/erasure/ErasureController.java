package org.reciprocity.ledger.erasure;

import java.util.List;

import org.bson.Document;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;
import org.reciprocity.kit.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issue 18: erasing a member, following the erasure, and members' requests to be erased. */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}")
class ErasureController {

    private final MemberErasure erasure;
    private final ErasureStatus status;
    private final PersonalData personalData;

    ErasureController(MemberErasure erasure, ErasureStatus status, PersonalData personalData) {
        this.erasure = erasure;
        this.status = status;
        this.personalData = personalData;
    }

    /** What the ledger holds about a member, as stored, by collection (docs/personal-data.md 3.2). */
    @Access("READ_PERSONAL_DATA")
    @GetMapping("/members/{memberId}/personal-data")
    PersonalDataResponse personalData(@PathVariable String timebankId, @PathVariable String memberId) {
        erasure.require(timebankId, memberId);
        return new PersonalDataResponse(LedgerErasureSteps.SERVICE, personalData.find(timebankId, memberId));
    }

    record PersonalDataResponse(String service, java.util.Map<String, List<Document>> collections) {
    }

    /**
     * An admin erases a member: 202 with the status, the other services following; 200 with the
     * status when the member was already erased (nothing changes).
     */
    @Access("ERASE_MEMBER")
    @PostMapping("/members/{memberId}/erasure")
    ResponseEntity<ErasureStatus.View> erase(@PathVariable String timebankId, @PathVariable String memberId) {
        MemberErasure.Outcome outcome = erasure.erase(timebankId, memberId, Caller.current().memberId());
        return ResponseEntity.status(outcome.erasedNow() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(outcome.status());
    }

    /** Which services confirmed; the member themself only until they are erased. */
    @Access("READ_ERASURE_STATUS")
    @GetMapping("/members/{memberId}/erasure")
    ErasureStatus.View status(@PathVariable String timebankId, @PathVariable String memberId) {
        Document member = erasure.require(timebankId, memberId);
        if (MemberErasure.ERASED.equals(member.getString("status")) && !Caller.current().has(Role.ADMIN)) {
            throw ApiException.of(ErasureRefusal.ERASURE_STATUS_FOR_ADMINS);
        }
        return status.of(timebankId, member);
    }

    /** The member asks to be erased; asking again changes nothing. */
    @Access("REQUEST_ERASURE")
    @PostMapping("/members/{memberId}/erasure-request")
    ResponseEntity<ErasureStatus.View> request(@PathVariable String timebankId, @PathVariable String memberId) {
        erasure.request(timebankId, memberId);
        return ResponseEntity.accepted().body(status.of(timebankId, erasure.require(timebankId, memberId)));
    }

    /** The members who asked to be erased and are not yet, oldest request first. */
    @Access("LIST_ERASURE_REQUESTS")
    @GetMapping("/erasure-requests")
    List<MemberErasure.Request> requests(@PathVariable String timebankId) {
        return erasure.requests(timebankId);
    }
}
