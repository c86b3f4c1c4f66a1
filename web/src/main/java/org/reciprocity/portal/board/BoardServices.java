package org.reciprocity.portal.board;

import static org.reciprocity.portal.services.Services.TB;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.reciprocity.portal.services.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The board's and the matches' calls to matching-service, as the signed-in member (their token and
 * language ride on {@link Services#matching()}, so refusals come back in their words).
 */
@Component
public class BoardServices {

    private final Services services;

    BoardServices(Services services) {
        this.services = services;
    }

    /** A listing as the board shows it; {@code estimatedMinutes} are whole minutes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Listing(String id, String kind, String ownerId, String title, String description, String category,
                          Set<String> tags, Long estimatedMinutes, String mode, String district, String recurrence,
                          Set<String> accessibility, Instant expiresAt, String status, Instant publishedAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public boolean paused() {
            return "PAUSED".equals(status);
        }

        public boolean need() {
            return "NEED".equals(kind);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Found(long total, List<Listing> listings) {
    }

    /** A match as its two members see it; {@code activity} is the need's title. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String id, String giverId, String receiverId, String offerListingId, String needListingId,
                        String proposedBy, String via, Long estimatedMinutes, String giverAnswer, String receiverAnswer,
                        String status, Instant proposedAt, Instant expiresAt, String activity) {

        /** The other member of the match, seen from {@code memberId}. */
        public String other(String memberId) {
            return memberId.equals(giverId) ? receiverId : giverId;
        }

        public boolean giving(String memberId) {
            return memberId.equals(giverId);
        }

        /** Proposed, and this member has not answered yet. */
        public boolean waitsFor(String memberId) {
            if (!memberId.equals(giverId) && !memberId.equals(receiverId)) {
                return false;
            }
            return "PROPOSED".equals(status)
                    && "PENDING".equals(memberId.equals(giverId) ? giverAnswer : receiverAnswer);
        }

        /** Proposed, this member said yes, the other has not answered. */
        public boolean waitsForOther(String memberId) {
            return "PROPOSED".equals(status) && (memberId.equals(giverId) || memberId.equals(receiverId))
                    && !waitsFor(memberId);
        }

        public boolean agreed() {
            return "AGREED".equals(status);
        }
    }

    /**
     * A suggestion for the owner of a listing: another listing (with its owner) or a member with the
     * skill; {@code reasons} already in the reader's words, saying only what others share.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(String type, String listingId, String title, String memberId, String displayName,
                             List<String> reasons) {
    }

    /** The best few suggestions for the owner's listing. */
    public List<Suggestion> suggestions(String tb, String listingId, int limit) {
        return services.matching().get().uri(u -> u.path(TB + "/listings/{id}/suggestions").queryParam("limit", limit)
                        .build(tb, listingId))
                .retrieve().body(new ParameterizedTypeReference<List<Suggestion>>() { });
    }

    public Found search(String tb, BoardFilters filters) {
        return services.matching().get().uri(u -> u.path(TB + "/listings")
                        .queryParamIfPresent("q", present(filters.q()))
                        .queryParamIfPresent("kind", present(filters.kind()))
                        .queryParamIfPresent("category", present(filters.category()))
                        .queryParamIfPresent("mode", present(filters.mode()))
                        .queryParamIfPresent("district", present(filters.district()))
                        .queryParamIfPresent("time", present(filters.time()))
                        .queryParam("limit", 50).build(tb))
                .retrieve().body(Found.class);
    }

    public Listing listing(String tb, String id) {
        return services.matching().get().uri(TB + "/listings/{id}", tb, id).retrieve().body(Listing.class);
    }

    /** The member's own open and paused listings. */
    public List<Listing> mine(String tb, String memberId) {
        return services.matching().get().uri(TB + "/members/{m}/listings", tb, memberId)
                .retrieve().body(new ParameterizedTypeReference<List<Listing>>() { });
    }

    public Listing publish(String tb, String requestId, Map<String, Object> listing) {
        return withKey(services.matching().post().uri(TB + "/listings", tb), requestId)
                .contentType(MediaType.APPLICATION_JSON).body(listing).retrieve().body(Listing.class);
    }

    public Listing edit(String tb, String id, Map<String, Object> listing) {
        return services.matching().put().uri(TB + "/listings/{id}", tb, id)
                .contentType(MediaType.APPLICATION_JSON).body(listing).retrieve().body(Listing.class);
    }

    /** pause, reopen or withdraw. */
    public Listing change(String tb, String id, String change) {
        return services.matching().post().uri(TB + "/listings/{id}/" + change, tb, id).retrieve().body(Listing.class);
    }

    /** Proposes a match for a need; the member's answer counts as their yes. */
    public Match propose(String tb, String requestId, String needListingId, String offerListingId, String giverId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("needListingId", needListingId);
        body.put("offerListingId", offerListingId);
        body.put("giverId", giverId);
        return withKey(services.matching().post().uri(TB + "/matches", tb), requestId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Match.class);
    }

    /** The member's own matches, newest first. */
    public List<Match> matches(String tb) {
        return services.matching().get().uri(TB + "/matches", tb)
                .retrieve().body(new ParameterizedTypeReference<List<Match>>() { });
    }

    /** accept, decline or cancel. */
    public Match answer(String tb, String id, String answer) {
        return services.matching().post().uri(TB + "/matches/{id}/" + answer, tb, id).retrieve().body(Match.class);
    }

    /** A double submit of the same form sends the same key: the service does it once. */
    private static RestClient.RequestBodySpec withKey(RestClient.RequestBodySpec request, String requestId) {
        return request.headers(h -> {
            if (requestId != null && requestId.matches("[A-Za-z0-9-]{8,64}")) {
                h.set("Idempotency-Key", requestId);
            }
        });
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
