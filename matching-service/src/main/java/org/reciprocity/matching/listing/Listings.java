package org.reciprocity.matching.listing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;

import org.reciprocity.kit.outbox.OutboxRelay;
import org.reciprocity.kit.web.ApiException;
import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;
import org.reciprocity.matching.profile.Profile;
import org.reciprocity.matching.profile.ProfileChanged;
import org.reciprocity.matching.profile.ProfileField;
import org.reciprocity.matching.profile.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Publishes, edits, pauses, withdraws and expires listings; keeps the in-memory board and the
 * search index in step with the database. Every change is a replace conditional on the version
 * read, so two instances (or two clicks) never both apply a change: the loser is told to retry,
 * or, for the expiry schedule, simply finds the listing already expired.
 */
@Service
public class Listings {

    static final String COLLECTION = "listings";
    private static final Logger log = LoggerFactory.getLogger(Listings.class);

    private final MongoTemplate mongo;
    private final Profiles profiles;
    private final OutboxRelay relay;
    private final Clock clock;
    private final Board board = new Board();
    private final ListingIndex index = new ListingIndex();

    Listings(MongoTemplate mongo, Profiles profiles, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.profiles = profiles;
        this.relay = relay;
        this.clock = clock;
        reload();
    }

    public Board board() {
        return board;
    }

    Listing publish(String timebankId, String ownerId, Listing.Kind kind, ListingContent content) {
        Profile owner = profiles.find(timebankId, ownerId)
                .orElseThrow(() -> new Refused(MatchingRefusal.PROFILE_NOT_READY));
        if (owner.suspended()) {
            throw new Refused(MatchingRefusal.SUSPENDED_MEMBER_CANNOT_PUBLISH);
        }
        if (owner.paused()) {
            throw new Refused(MatchingRefusal.PAUSED_MEMBER_CANNOT_PUBLISH);
        }
        Listing.Changed published = Listing.publish(timebankId, owner.memberId(), kind, content, clock);
        mongo.insert(ListingDocument.of(published, List.of()), COLLECTION);
        relay.flush(COLLECTION, published.listing().id());
        show(published.listing());
        return published.listing();
    }

    // Who may change a listing (its owner; for some changes a coordinator) is the access policy's.
    Listing edit(String timebankId, String id, ListingContent content) {
        return change(timebankId, id, listing -> listing.edit(content, clock));
    }

    Listing pause(String timebankId, String id) {
        return change(timebankId, id, listing -> listing.pause(clock));
    }

    Listing reopen(String timebankId, String id) {
        return change(timebankId, id, listing -> listing.reopen(clock));
    }

    Listing withdraw(String timebankId, String id, String by, String reason) {
        return change(timebankId, id, listing -> listing.withdraw(by, reason, clock));
    }

    /** The listing as stored, if it is in this timebank. */
    public Optional<Listing> find(String timebankId, String id) {
        ListingDocument document = mongo.findById(id, ListingDocument.class, COLLECTION);
        return document == null || !document.timebankId().equals(timebankId) ? Optional.empty()
                : Optional.of(document.toListing());
    }

    public Listing require(String timebankId, String id) {
        return find(timebankId, id).orElseThrow(() -> ApiException.notFound("listing", id));
    }

    ListingIndex.Hits search(String timebankId, String text, ListingIndex.Filters filters, int limit) {
        return index.search(timebankId, text, filters, limit);
    }

    /**
     * Expires listings past their date. Safe with several instances: each expiry is a replace
     * conditional on the version read, so exactly one instance records it and publishes its event.
     */
    @Scheduled(fixedDelayString = "${reciprocity.matching.expiry-interval:60s}", initialDelayString = "${reciprocity.matching.expiry-interval:60s}")
    public int expireDue() {
        Instant now = Instant.now(clock);
        int expired = 0;
        for (Listing due : board.all().filter(l -> l.isDue(now)).toList()) {
            ListingDocument stored = mongo.findById(due.id(), ListingDocument.class, COLLECTION);
            if (stored == null || !stored.toListing().isDue(now)) {
                refresh(due.id());
                continue;
            }
            if (save(stored, stored.toListing().expire(now))) {
                expired++;
            }
            refresh(due.id());
        }
        return expired;
    }

    /** A member paused, resumed, was suspended or reactivated: their listings leave or rejoin the board. */
    @EventListener
    void on(ProfileChanged changed) {
        board.ownedBy(changed.memberId()).forEach(this::show);
    }

    /** Reads every live listing from the database into the board and rebuilds the search index. */
    @Scheduled(fixedDelayString = "${reciprocity.matching.board-refresh:5m}", initialDelayString = "${reciprocity.matching.board-refresh:5m}")
    public void reload() {
        Query live = Query.query(Criteria.where("status").in(Listing.Status.OPEN, Listing.Status.PAUSED));
        live.fields().exclude("outbox");
        List<Listing> listings = mongo.find(live, ListingDocument.class, COLLECTION).stream()
                .map(ListingDocument::toListing).toList();
        listings.forEach(board::put);
        index.rebuild(listings.stream().filter(this::searchable).toList(), this::times);
        log.info("{} live listings on the board", listings.size());
    }

    private Listing change(String timebankId, String id, Function<Listing, Listing.Changed> transition) {
        ListingDocument stored = mongo.findById(id, ListingDocument.class, COLLECTION);
        if (stored == null || !stored.timebankId().equals(timebankId)) {
            throw ApiException.notFound("listing", id);
        }
        Listing.Changed changed = transition.apply(stored.toListing());
        if (!save(stored, changed)) {
            throw new Refused(MatchingRefusal.LISTING_CHANGED_MEANWHILE);
        }
        return refresh(id);
    }

    /** Replaces the stored listing if it is still at the version read; then publishes its outbox. */
    private boolean save(ListingDocument stored, Listing.Changed changed) {
        ListingDocument next = ListingDocument.of(changed, stored.outbox()).nextVersion();
        Query sameVersion = Query.query(Criteria.where("_id").is(stored.id()).and("version").is(stored.version()));
        boolean replaced = mongo.replace(sameVersion, next, COLLECTION).getModifiedCount() == 1;
        if (replaced) {
            relay.flush(COLLECTION, stored.id());
        }
        return replaced;
    }

    private Listing refresh(String id) {
        ListingDocument document = mongo.findById(id, ListingDocument.class, COLLECTION);
        if (document == null) {
            board.remove(id);
            index.remove(id);
            return null;
        }
        Listing listing = document.toListing();
        show(listing);
        return listing;
    }

    private void show(Listing listing) {
        board.put(listing);
        index.put(listing, searchable(listing), times(listing));
    }

    /**
     * The parts of the day (MORNING, AFTERNOON, EVENING) the owner is usually free, for the board's
     * time-of-day filter: only when they share their availability with members, since filtering by
     * it would otherwise tell others what they kept private.
     */
    private Set<String> times(Listing listing) {
        return profiles.find(listing.timebankId(), listing.ownerId())
                .filter(owner -> owner.shares(ProfileField.AVAILABILITY))
                .map(owner -> owner.availability().stream().map(slot -> slot.part().name())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /**
     * Issue 18: an erased member's listings ({@code owned}, found by {@code erasure/PersonalData}). The live
     * ones are withdrawn as any withdrawal is (conditional on the version, {@code ListingWithdrawn} through
     * the listing's outbox, no reason) and published, then the member's words are taken out of every one
     * of them and those with nothing left to publish are removed. A listing whose event the broker did not
     * take keeps its ids only, until the relay publishes it and the retention job removes it (closed
     * listings); a repeat of the erasure removes it too. Repeatable.
     */
    public void erase(Criteria ownedBy, String by) {
        Query owned = Query.query(ownedBy);
        for (ListingDocument stored : mongo.find(owned, ListingDocument.class, COLLECTION)) {
            ListingDocument current = stored;
            for (int attempt = 0; current != null && current.toListing().isLive(); attempt++) {
                if (attempt == 5) {
                    throw new IllegalStateException("listing " + stored.id()
                            + " kept changing; the erasure will be retried");
                }
                current = save(current, current.toListing().withdraw(by, null, clock)) ? null
                        : mongo.findById(stored.id(), ListingDocument.class, COLLECTION);
            }
        }
        List<ListingDocument> all = mongo.find(owned, ListingDocument.class, COLLECTION);
        // the withdrawals go out now, waiting for the broker's answer (a flush only hands them to the relay's
        // thread), so the listings can be removed; what does not go out stays, as ids only, for the relay
        relay.flushPending(all.stream().filter(l -> l.outbox() != null && !l.outbox().isEmpty())
                .map(l -> OutboxRelay.Pending.readBack(COLLECTION, l.id())).toList());
        List<String> ids = all.stream().map(ListingDocument::id).toList();
        mongo.updateMulti(owned, new Update().unset("title")
                .unset("description").unset("district").unset("accessibility").unset("tags").unset("recurrence")
                .set("erased", true), COLLECTION);
        mongo.remove(Query.query(new Criteria().andOperator(ownedBy, Criteria.where("outbox.0").exists(false))),
                COLLECTION);
        ids.forEach(this::refresh);
    }

    /** The member's live listings (open or paused), newest first, as stored: for the member's own page. */
    public List<Listing> ownedBy(String timebankId, String ownerId) {
        Query owned = Query.query(Criteria.where("timebankId").is(timebankId).and("ownerId").is(ownerId)
                .and("status").in(Listing.Status.OPEN, Listing.Status.PAUSED));
        owned.fields().exclude("outbox");
        return mongo.find(owned, ListingDocument.class, COLLECTION).stream().map(ListingDocument::toListing)
                .sorted(java.util.Comparator.comparing(Listing::publishedAt).reversed()).toList();
    }

    /** On the board for everyone to find: open, not past its date, and its owner can be matched. */
    boolean searchable(Listing listing) {
        return listing.isOpen(Instant.now(clock))
                && profiles.find(listing.timebankId(), listing.ownerId()).map(Profile::isAvailable).orElse(false);
    }
}
