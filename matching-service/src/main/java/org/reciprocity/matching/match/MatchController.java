package org.reciprocity.matching.match;

import java.time.Instant;
import java.util.List;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.access.Relation;
import org.reciprocity.kit.access.Viewer;
import org.reciprocity.kit.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}")
class MatchController {

    private final Matches matches;

    MatchController(Matches matches) {
        this.matches = matches;
    }

    /**
     * Proposes a match for a need: a member answering a listing (they are one side, and their
     * answer counts as their acceptance), or a coordinator between two members.
     */
    @PostMapping("/matches")
    @Access("PROPOSE_MATCH")
    ResponseEntity<MatchResponse> propose(@PathVariable String timebankId, @Valid @RequestBody ProposeRequest request) {
        String caller = Caller.current().memberId();
        boolean coordinating = Viewer.isAny(Relation.COORDINATOR, Relation.ADMIN) && !caller.equals(request.giverId());
        Match match = matches.propose(timebankId, caller, request.needListingId(), request.offerListingId(),
                request.giverId(), coordinating ? Match.Via.COORDINATOR : Match.Via.MEMBER);
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(match.id()).toUri()).body(MatchResponse.of(match));
    }

    @GetMapping("/matches/{matchId}")
    @Access("READ_MATCH")
    MatchResponse get(@PathVariable String timebankId, @PathVariable String matchId) {
        return MatchResponse.of(matches.require(timebankId, matchId));
    }

    /** The caller's own matches, newest first. */
    @GetMapping("/matches")
    @Access("LIST_OWN_MATCHES")
    List<MatchResponse> mine(@PathVariable String timebankId) {
        return matches.of(timebankId, Caller.current().memberId()).stream().map(MatchResponse::of).toList();
    }

    /** A member's matches: for the member and the coordinators. */
    @GetMapping("/members/{memberId}/matches")
    @Access("LIST_MEMBER_MATCHES")
    List<MatchResponse> ofMember(@PathVariable String timebankId, @PathVariable String memberId) {
        return matches.of(timebankId, memberId).stream().map(MatchResponse::of).toList();
    }

    @PostMapping("/matches/{matchId}/accept")
    @Access("ACCEPT_MATCH")
    MatchResponse accept(@PathVariable String timebankId, @PathVariable String matchId) {
        return MatchResponse.of(matches.accept(timebankId, matchId, Caller.current().memberId()));
    }

    @PostMapping("/matches/{matchId}/decline")
    @Access("DECLINE_MATCH")
    MatchResponse decline(@PathVariable String timebankId, @PathVariable String matchId,
                          @Valid @RequestBody(required = false) ReasonRequest request) {
        return MatchResponse.of(matches.decline(timebankId, matchId, Caller.current().memberId(),
                request == null ? null : request.reason()));
    }

    @PostMapping("/matches/{matchId}/cancel")
    @Access("CANCEL_MATCH")
    MatchResponse cancel(@PathVariable String timebankId, @PathVariable String matchId,
                         @Valid @RequestBody(required = false) ReasonRequest request) {
        return MatchResponse.of(matches.cancel(timebankId, matchId, Caller.current().memberId(),
                request == null ? null : request.reason()));
    }

    record ProposeRequest(@NotBlank @Size(max = 100) String needListingId, @Size(max = 100) String offerListingId,
                          @Size(max = 100) String giverId) {
    }

    record ReasonRequest(@Size(max = 500) String reason) {
    }

    record MatchResponse(String id, String giverId, String receiverId, String offerListingId, String needListingId,
                         String proposedBy, Match.Via via, long estimatedMinutes, int score, Match.Answer giverAnswer,
                         Match.Answer receiverAnswer, Match.Status status, Instant proposedAt, Instant expiresAt,
                         Instant closedAt, String contributionId, String activity, String closedReason) {
        static MatchResponse of(Match m) {
            return new MatchResponse(m.id(), m.giverId(), m.receiverId(), m.offerListingId(), m.needListingId(),
                    m.proposedBy(), m.via(), m.estimatedMinutes(), m.score(), m.giverAnswer(), m.receiverAnswer(),
                    m.status(), m.proposedAt(), m.expiresAt(), m.closedAt(), m.contributionId(), m.activity(),
                    m.closedReason());
        }
    }
}
