package org.reciprocity.matching.match;

import java.time.Instant;
import java.util.List;

import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/matches")
class MatchController {

    private final Matches matches;

    MatchController(Matches matches) {
        this.matches = matches;
    }

    /**
     * Proposes a match for a need: a member answering a listing (they are one side, and their
     * answer counts as their acceptance), or a coordinator between two members.
     */
    @PostMapping
    ResponseEntity<MatchResponse> propose(@PathVariable String timebankId, @Valid @RequestBody ProposeRequest request) {
        Caller caller = Caller.current();
        boolean coordinating = caller.hasAny(Role.COORDINATOR, Role.ADMIN)
                && !caller.memberId().equals(request.giverId());
        Match match = matches.propose(timebankId, caller, request.needListingId(), request.offerListingId(),
                request.giverId(), coordinating ? Match.Via.COORDINATOR : Match.Via.MEMBER);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(match.id()).toUri()).body(MatchResponse.of(match));
    }

    @GetMapping("/{matchId}")
    MatchResponse get(@PathVariable String timebankId, @PathVariable String matchId) {
        Match match = matches.require(timebankId, matchId);
        Caller caller = Caller.current();
        if (!match.involves(caller.memberId()) && !caller.hasAny(Role.COORDINATOR, Role.STAFF, Role.ADMIN)) {
            throw new AccessDeniedException("Only the two members and the coordinators can see a match.");
        }
        return MatchResponse.of(match);
    }

    /** The caller's matches (a coordinator may ask for any member's). */
    @GetMapping
    List<MatchResponse> list(@PathVariable String timebankId, @RequestParam(required = false) String memberId) {
        Caller caller = Caller.current();
        String who = memberId == null ? caller.memberId() : memberId;
        if (!who.equals(caller.memberId()) && !caller.hasAny(Role.COORDINATOR, Role.STAFF, Role.ADMIN)) {
            throw new AccessDeniedException("Only coordinators can list another member's matches.");
        }
        return matches.of(timebankId, who).stream().map(MatchResponse::of).toList();
    }

    @PostMapping("/{matchId}/accept")
    MatchResponse accept(@PathVariable String timebankId, @PathVariable String matchId) {
        return MatchResponse.of(matches.accept(timebankId, matchId, Caller.current()));
    }

    @PostMapping("/{matchId}/decline")
    MatchResponse decline(@PathVariable String timebankId, @PathVariable String matchId,
                          @Valid @RequestBody(required = false) ReasonRequest request) {
        return MatchResponse.of(matches.decline(timebankId, matchId, Caller.current(),
                request == null ? null : request.reason()));
    }

    @PostMapping("/{matchId}/cancel")
    MatchResponse cancel(@PathVariable String timebankId, @PathVariable String matchId,
                         @Valid @RequestBody(required = false) ReasonRequest request) {
        return MatchResponse.of(matches.cancel(timebankId, matchId, Caller.current(),
                request == null ? null : request.reason()));
    }

    record ProposeRequest(@NotBlank String needListingId, String offerListingId, String giverId) {
    }

    record ReasonRequest(@Size(max = 500) String reason) {
    }

    record MatchResponse(String id, String giverId, String receiverId, String offerListingId, String needListingId,
                         String proposedBy, Match.Via via, long estimatedMinutes, int score, Match.Answer giverAnswer,
                         Match.Answer receiverAnswer, Match.Status status, Instant proposedAt, Instant expiresAt,
                         Instant closedAt, String contributionId) {
        static MatchResponse of(Match m) {
            return new MatchResponse(m.id(), m.giverId(), m.receiverId(), m.offerListingId(), m.needListingId(),
                    m.proposedBy(), m.via(), m.estimatedMinutes(), m.score(), m.giverAnswer(), m.receiverAnswer(),
                    m.status(), m.proposedAt(), m.expiresAt(), m.closedAt(), m.contributionId());
        }
    }
}
