package org.reciprocity.matching.listing;

import java.util.List;

import org.reciprocity.kit.access.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's own listings, open and paused: the board's search shows only open ones, so without this
 * a member could not find a listing they paused to reopen it.
 */
@RestController
class MemberListingsController {

    private final Listings listings;

    MemberListingsController(Listings listings) {
        this.listings = listings;
    }

    @GetMapping("/api/v1/timebanks/{timebankId}/members/{memberId}/listings")
    @Access("LIST_MEMBER_LISTINGS")
    List<ListingController.ListingResponse> ofMember(@PathVariable String timebankId, @PathVariable String memberId) {
        return listings.ownedBy(timebankId, memberId).stream().map(ListingController.ListingResponse::of).toList();
    }
}
