package org.reciprocity.ledger.record;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.web.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 17: a member's contribution record. The member makes one from their own validated
 * contributions, choosing what it shows, and can list and withdraw theirs; anyone with its code
 * reads the signed record and whether it was withdrawn, and anyone checks its signature with the
 * published keys.
 */
@RestController
class RecordController {

    static final String KEYS_PATH = "/api/v1/contribution-records/keys";
    static final String WELL_KNOWN_KEYS_PATH = "/.well-known/jwks.json";

    private final ContributionRecords records;
    private final RecordKey key;

    RecordController(ContributionRecords records, RecordKey key) {
        this.records = records;
        this.key = key;
    }

    /** Signs a new record of the time the member gave, showing only what they chose. */
    @Access("ISSUE_CONTRIBUTION_RECORD")
    @PostMapping("/api/v1/timebanks/{timebankId}/members/{memberId}/contribution-records")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedRecord issue(@PathVariable String timebankId, @PathVariable String memberId, @Valid @RequestBody IssueRequest request) {
        return IssuedRecord.of(records.issue(timebankId, memberId, request.sharing()));
    }

    /** The member's own records, newest first. */
    @Access("LIST_CONTRIBUTION_RECORDS")
    @GetMapping("/api/v1/timebanks/{timebankId}/members/{memberId}/contribution-records")
    List<IssuedRecord> list(@PathVariable String timebankId, @PathVariable String memberId) {
        return records.of(timebankId, memberId).stream().map(IssuedRecord::of).toList();
    }

    /** Withdraws one of the member's records: its page then says so to anyone who checks it. */
    @Access("REVOKE_CONTRIBUTION_RECORD")
    @PostMapping("/api/v1/timebanks/{timebankId}/members/{memberId}/contribution-records/{code}/revocation")
    IssuedRecord revoke(@PathVariable String timebankId, @PathVariable String memberId, @PathVariable String code) {
        return IssuedRecord.of(records.revoke(timebankId, memberId, code));
    }

    /**
     * A record by its code, for anyone who was shown it: the signed JWS as issued and whether the
     * member withdrew it. Nothing else: the JWS holds only what the member chose to share.
     */
    @Access("READ_CONTRIBUTION_RECORD")
    @GetMapping("/api/v1/contribution-records/{code}")
    PublicRecord read(@PathVariable String code) {
        String normal = VerificationCode.normalise(code);
        return (normal == null ? java.util.Optional.<ContributionRecords.StoredRecord>empty() : records.byCode(normal))
                .map(r -> new PublicRecord(r.code(), r.jws(), r.revokedAt() == null ? Status.ISSUED : Status.WITHDRAWN,
                        r.revokedAt()))
                .orElseThrow(() -> ApiException.of(RecordRefusal.NO_SUCH_RECORD));
    }

    /**
     * The public keys that check records' signatures, as a JWK Set (RFC 7517); also at the address JOSE
     * tools look for first. Public, and kept by caches for a while: a key is published long before it
     * signs and kept long after, so an hour's old copy still checks every record.
     */
    @Access("READ_CONTRIBUTION_RECORD_KEYS")
    @GetMapping({KEYS_PATH, WELL_KNOWN_KEYS_PATH})
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic()).body(key.publicKeys());
    }

    /**
     * What to show. {@code showName} and {@code showDates} default to false, {@code kinds} to every
     * kind, the period to all time.
     */
    // a list, not a set: a set would fold 500 repeats into a few kinds and the limit would never refuse them
    record IssueRequest(Boolean showName, @Size(max = 20) List<@NotNull CoproductionKind> kinds, LocalDate from,
                        LocalDate to, Boolean showDates) {

        Sharing sharing() {
            return new Sharing(Boolean.TRUE.equals(showName), kinds == null ? null : Set.copyOf(kinds), from, to,
                    Boolean.TRUE.equals(showDates));
        }
    }

    enum Status {
        ISSUED, WITHDRAWN
    }

    record IssuedRecord(String code, String jws, Instant issuedAt, Status status, Instant withdrawnAt, long totalMinutes,
                        int entries) {

        static IssuedRecord of(ContributionRecords.StoredRecord r) {
            return new IssuedRecord(r.code(), r.jws(), r.issuedAt(), r.revokedAt() == null ? Status.ISSUED : Status.WITHDRAWN,
                    r.revokedAt(), r.totalMinutes(), r.entries());
        }
    }

    record PublicRecord(String code, String jws, Status status, Instant withdrawnAt) {
    }
}
