package org.reciprocity.matching.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.matching.Fixtures;
import org.reciprocity.matching.listing.Board;
import org.reciprocity.matching.listing.Listing;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.vocabulary.Mode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The planner on random boards full of members the hard rules exclude: whatever it plans, nobody
 * is matched with themselves, no suspended or paused member is planned, a listing needing a
 * verified member only gets one, and nobody ends up over the cap of open matches.
 */
class PlanBuilderPropertiesTest {

    static final int CAP = 3;

    @Property(tries = 200)
    void noPlannedMatchBreaksAHardRuleOrACapacity(@ForAll long seed) {
        Random random = new Random(seed);
        Map<String, Profile> members = new HashMap<>();
        Map<String, Long> open = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            String id = "m" + i;
            members.put(id, new Profile(id, Fixtures.TB, MemberKind.NEIGHBOUR, "M" + i, "en", Fixtures.NOW,
                    random.nextInt(4) == 0, random.nextInt(4) == 0, random.nextBoolean(), Set.of(), Set.of(), Set.of(),
                    Set.of(), "M14", Set.of(), Set.of(), random.nextInt(600), random.nextInt(600), Set.of()));
            open.put(id, (long) random.nextInt(CAP + 1));
        }
        List<Listing> listings = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Profile owner = members.get("m" + random.nextInt(8));
            listings.add(Fixtures.listing("l" + i, owner, random.nextBoolean() ? Listing.Kind.NEED : Listing.Kind.OFFER,
                    random.nextBoolean() ? "befriending" : "gardening", Set.of("walking"), Mode.IN_PERSON, "M14",
                    Set.of(), random.nextInt(3) == 0));
        }
        Map<String, Listing> byId = new HashMap<>();
        listings.forEach(l -> byId.put(l.id(), l));

        PlanBuilder.Input input = PlanBuilder.build(Fixtures.TB, Board.of(listings), members::get, open::get, CAP, 25, 100,
                Fixtures.NOW);
        Planner.Plan plan = Planner.plan(input.needs(), input.offers(), input.allowed(), input.remaining());

        Map<String, Long> load = new HashMap<>(open);
        for (Planner.Pair pair : plan.pairs()) {
            Listing need = byId.get(pair.needListingId());
            Listing offer = byId.get(pair.offerListingId());
            Profile receiver = members.get(need.ownerId());
            Profile giver = members.get(offer.ownerId());
            assertThat(need.kind()).isEqualTo(Listing.Kind.NEED);
            assertThat(offer.kind()).isEqualTo(Listing.Kind.OFFER);
            assertThat(giver.memberId()).isNotEqualTo(receiver.memberId());
            assertThat(giver.suspended() || giver.paused() || receiver.suspended() || receiver.paused()).isFalse();
            if (need.content().requiresVerified()) {
                assertThat(giver.verified()).isTrue();
            }
            if (offer.content().requiresVerified()) {
                assertThat(receiver.verified()).isTrue();
            }
            load.merge(giver.memberId(), 1L, Long::sum);
            load.merge(receiver.memberId(), 1L, Long::sum);
        }
        load.forEach((member, matches) -> {
            if (matches > open.get(member)) {
                assertThat(matches).as("open matches of %s after the plan", member).isLessThanOrEqualTo(CAP);
            }
        });
    }
}
