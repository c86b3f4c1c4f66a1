package org.reciprocity.portal.matchmaking;

import static org.reciprocity.portal.services.Services.TB;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reciprocity.portal.services.Services;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The coordinator's matching calls, as the signed-in coordinator (their token and language ride on
 * {@link Services#matching()}). Each page makes one read: matching answers with the names and titles it
 * holds, so no page looks a name up per row.
 */
@Component
public class MatchmakingServices {

    private final Services services;

    MatchmakingServices(Services services) {
        this.services = services;
    }

    /** The listing as the suggestions page shows it, with its owner's name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Brief(String id, String kind, String title, String description, String category, Set<String> tags,
                 Long estimatedMinutes, String mode, String district, Set<String> accessibility, boolean requiresVerified,
                 String status, Instant expiresAt, String ownerId, String ownerName) {

        public boolean need() {
            return "NEED".equals(kind);
        }
    }

    /** A suggestion: an offer, a need, or a member with the skill (no listing); reasons in the reader's words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(String type, String listingId, String title, String memberId, String displayName, int score,
                      List<String> reasons) {
    }

    /** Someone not suggested, and why in words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Left(String memberId, String displayName, String listingId, String title, String code, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record View(Brief listing, List<Suggestion> suggestions, List<Left> notSuggested, int notSuggestedTotal,
                String unavailableCode, String unavailable) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String id, String giverId, String giverName, String receiverId, String receiverName,
                 String offerListingId, String needListingId, String proposedBy, String proposedByName, String via,
                 Long estimatedMinutes, String giverAnswer, String receiverAnswer, String status, Instant proposedAt,
                 Instant expiresAt, Instant closedAt, String activity) {

        public boolean open() {
            return "PROPOSED".equals(status) || "AGREED".equals(status);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MatchPage(String state, int page, int size, long total, Map<String, Long> counts, List<Match> matches) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Proposal(String needListingId, String offerListingId, String giverId, String receiverId, int score,
                    List<String> reasons, String needTitle, String offerTitle, String receiverName, String giverName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Skipped(int proposal, String code, String detail) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plan(String id, String status, Instant createdAt, List<Proposal> proposals, long total, long greedyTotal,
                List<String> sent, List<Skipped> skipped) {

        public boolean draft() {
            return "DRAFT".equals(status);
        }
    }

    View suggestions(String tb, String listingId, int limit) {
        return services.matching().get().uri(u -> u.path(TB + "/coordinator/listings/{id}/suggestions")
                .queryParam("limit", limit).queryParam("notSuggested", 20).build(tb, listingId))
                .retrieve().body(View.class);
    }

    /** Proposes a match as the coordinator: neither side has said yes yet, both are asked. */
    Match propose(String tb, String requestId, String needListingId, String offerListingId, String giverId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("needListingId", needListingId);
        body.put("offerListingId", offerListingId);
        body.put("giverId", giverId);
        return withKey(services.matching().post().uri(TB + "/matches", tb), requestId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Match.class);
    }

    MatchPage matches(String tb, String state, int page, int size) {
        return services.matching().get().uri(u -> u.path(TB + "/coordinator/matches").queryParam("state", state)
                .queryParam("page", page).queryParam("size", size).build(tb)).retrieve().body(MatchPage.class);
    }

    void cancel(String tb, String matchId, String reason) {
        services.matching().post().uri(TB + "/matches/{id}/cancel", tb, matchId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", reason)).retrieve().toBodilessEntity();
    }

    Plan runPlanner(String tb, String requestId) {
        return withKey(services.matching().post().uri(TB + "/coordinator/plans", tb), requestId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().body(Plan.class);
    }

    Plan plan(String tb, String planId) {
        return services.matching().get().uri(TB + "/coordinator/plans/{id}", tb, planId).retrieve().body(Plan.class);
    }

    Plan send(String tb, String planId, String requestId, Set<Integer> keep) {
        return withKey(services.matching().post().uri(TB + "/coordinator/plans/{id}/send", tb, planId), requestId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("keep", keep)).retrieve().body(Plan.class);
    }

    /** A key chosen when the page was shown: a double submit is done once. */
    private static RestClient.RequestBodySpec withKey(RestClient.RequestBodySpec request, String requestId) {
        return request.headers(h -> {
            if (requestId != null && requestId.matches("[A-Za-z0-9-]{8,64}")) {
                h.set("Idempotency-Key", requestId);
            }
        });
    }
}
