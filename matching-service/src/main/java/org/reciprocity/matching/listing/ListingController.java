package org.reciprocity.matching.listing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.matching.vocabulary.Mode;
import org.reciprocity.matching.vocabulary.Slot;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/listings")
class ListingController {

    private final Listings listings;

    ListingController(Listings listings) {
        this.listings = listings;
    }

    /** A member puts an offer or a need on the board. */
    @PostMapping
    @Access("PUBLISH_LISTING")
    ResponseEntity<ListingResponse> publish(@PathVariable String timebankId, @Valid @RequestBody PublishRequest request) {
        Listing listing = listings.publish(timebankId, Caller.current().memberId(), request.kind(), request.content());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(listing.id()).toUri()).body(ListingResponse.of(listing));
    }

    @GetMapping("/{listingId}")
    @Access("READ_LISTING")
    ListingResponse get(@PathVariable String timebankId, @PathVariable String listingId) {
        return ListingResponse.of(listings.require(timebankId, listingId));
    }

    /** The owner changes what the listing says (or its expiry date). */
    @PutMapping("/{listingId}")
    @Access("EDIT_LISTING")
    ListingResponse edit(@PathVariable String timebankId, @PathVariable String listingId,
                         @Valid @RequestBody ContentRequest request) {
        return ListingResponse.of(listings.edit(timebankId, listingId, request.content()));
    }

    @PostMapping("/{listingId}/pause")
    @Access("PAUSE_LISTING")
    ListingResponse pause(@PathVariable String timebankId, @PathVariable String listingId) {
        return ListingResponse.of(listings.pause(timebankId, listingId));
    }

    @PostMapping("/{listingId}/reopen")
    @Access("REOPEN_LISTING")
    ListingResponse reopen(@PathVariable String timebankId, @PathVariable String listingId) {
        return ListingResponse.of(listings.reopen(timebankId, listingId));
    }

    @PostMapping("/{listingId}/withdraw")
    @Access("WITHDRAW_LISTING")
    ListingResponse withdraw(@PathVariable String timebankId, @PathVariable String listingId,
                             @Valid @RequestBody(required = false) WithdrawRequest request) {
        return ListingResponse.of(listings.withdraw(timebankId, listingId, Caller.current().memberId(),
                request == null ? null : request.reason()));
    }

    /** Full-text search over the open listings, filtered by facets, with counts per facet value. */
    @GetMapping
    @Access("SEARCH_LISTINGS")
    SearchResponse search(@PathVariable String timebankId, @RequestParam(required = false) String q,
                          @RequestParam(required = false) Listing.Kind kind,
                          @RequestParam(required = false) String category, @RequestParam(required = false) String tag,
                          @RequestParam(required = false) Mode mode, @RequestParam(required = false) String district,
                          @RequestParam(required = false) Slot.Part time,
                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        ListingIndex.Hits hits = listings.search(timebankId, q, new ListingIndex.Filters(
                kind == null ? null : kind.name(), category, tag, mode == null ? null : mode.name(),
                district == null ? null : district.toUpperCase(java.util.Locale.ROOT), time == null ? null : time.name()),
                Math.min(limit, 100));
        List<ListingResponse> found = hits.ids().stream().map(id -> listings.board().get(id))
                .flatMap(java.util.Optional::stream).map(ListingResponse::of).toList();
        return new SearchResponse(hits.total(), found, hits.facets());
    }

    record ContentRequest(@NotNull @Size(min = 3, max = 120) String title, @Size(max = 2000) String description,
                          @NotNull @Size(max = 100) String category, @Size(max = 12) Set<@Size(max = 100) String> tags,
                          @NotNull Long estimatedMinutes, @NotNull @Size(max = 40) String mode,
                          @Size(max = 100) String district, @Size(max = 40) String recurrence,
                          @Size(max = 10) Set<@Size(max = 100) String> accessibility, @NotNull Instant expiresAt,
                          Boolean requiresVerified) {
        ListingContent content() {
            return ListingContent.of(title, description, category, tags, estimatedMinutes, mode, district, recurrence,
                    accessibility, expiresAt, Boolean.TRUE.equals(requiresVerified));
        }
    }

    record PublishRequest(@NotNull Listing.Kind kind, @NotNull @Size(min = 3, max = 120) String title,
                          @Size(max = 2000) String description, @NotNull @Size(max = 100) String category,
                          @Size(max = 12) Set<@Size(max = 100) String> tags, @NotNull Long estimatedMinutes,
                          @NotNull @Size(max = 40) String mode, @Size(max = 100) String district,
                          @Size(max = 40) String recurrence, @Size(max = 10) Set<@Size(max = 100) String> accessibility,
                          @NotNull Instant expiresAt, Boolean requiresVerified) {
        ListingContent content() {
            return ListingContent.of(title, description, category, tags, estimatedMinutes, mode, district, recurrence,
                    accessibility, expiresAt, Boolean.TRUE.equals(requiresVerified));
        }
    }

    record WithdrawRequest(@Size(max = 500) String reason) {
    }

    record ListingResponse(String id, Listing.Kind kind, String ownerId, String title, String description,
                           String category, Set<String> tags, long estimatedMinutes, Mode mode, String district,
                           ListingContent.Recurrence recurrence, Set<String> accessibility, Instant expiresAt,
                           boolean requiresVerified, Listing.Status status, Instant publishedAt, Instant updatedAt) {
        static ListingResponse of(Listing l) {
            ListingContent c = l.content();
            return new ListingResponse(l.id(), l.kind(), l.ownerId(), c.title(), c.description(), c.category(),
                    new TreeSet<>(c.tags()), c.estimatedMinutes(), c.mode(), c.district(), c.recurrence(),
                    new TreeSet<>(c.accessibility()), c.expiresAt(), c.requiresVerified(), l.status(), l.publishedAt(),
                    l.updatedAt());
        }
    }

    record SearchResponse(long total, List<ListingResponse> listings, Map<String, Map<String, Integer>> facets) {
    }
}
