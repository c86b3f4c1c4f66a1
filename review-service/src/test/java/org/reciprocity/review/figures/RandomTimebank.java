package org.reciprocity.review.figures;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionDisputed;
import org.reciprocity.contracts.contribution.ContributionExpired;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.ContributionRejected;
import org.reciprocity.contracts.contribution.ContributionResolved;
import org.reciprocity.contracts.contribution.ContributionValidated;
import org.reciprocity.contracts.contribution.ContributionWithdrawn;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.contribution.LoggedBy;
import org.reciprocity.contracts.ledger.HoursGifted;
import org.reciprocity.contracts.ledger.SoftLimitCrossed;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.ledger.TransferReversed;
import org.reciprocity.contracts.member.MemberDetailsChanged;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.contracts.member.MemberKind;
import org.reciprocity.contracts.member.MemberReactivated;
import org.reciprocity.contracts.member.MemberRegistered;
import org.reciprocity.contracts.member.MemberSuspended;

/**
 * A random timebank's history as the ledger publishes it, in the order it happened: members (some
 * changing kind), organisations, contributions of every kind through every end of their lifecycle,
 * their transfers, reversals, gifts and balance warnings. Balances and ledger sequences are kept as
 * the ledger keeps them.
 */
public final class RandomTimebank {

    static final Instant START = Instant.parse("2026-09-20T00:00:00Z");

    public final String timebankId;
    public final List<DomainEvent> events = new ArrayList<>();
    final List<String> members = new ArrayList<>();
    final List<String> organisations = new ArrayList<>();
    private final Random random;
    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, List<MemberDetailsRecorded.KindSince>> kinds = new HashMap<>();
    private final List<TransferPosted> contributionTransfers = new ArrayList<>();
    private long sequence;
    private Instant now = START;

    public RandomTimebank(long seed) {
        this.random = new Random(seed);
        this.timebankId = "tb-" + Long.toHexString(seed);
    }

    public RandomTimebank generate() {
        int memberCount = 2 + random.nextInt(12);
        for (int i = 0; i < memberCount; i++) {
            register("m" + i);
        }
        int organisationCount = 1 + random.nextInt(2);
        for (int i = 0; i < organisationCount; i++) {
            organisations.add("org" + i);
        }
        int steps = random.nextInt(80);
        for (int i = 0; i < steps; i++) {
            tick();
            int what = random.nextInt(20);
            if (what == 0) {
                register("m" + members.size());
            } else if (what == 1) {
                changeKind(pick(members));
            } else if (what == 2) {
                suspendOrReactivate(pick(members));
            } else if (what == 3 && !contributionTransfers.isEmpty()) {
                reverse(contributionTransfers.remove(random.nextInt(contributionTransfers.size())));
            } else if (what == 4) {
                gift();
            } else {
                contribution("c" + i);
            }
        }
        return this;
    }

    private void tick() {
        // up to four days a step: a history spans a few months
        now = now.plus(Duration.ofMinutes(1 + random.nextInt(4 * 24 * 60)));
    }

    /** As the ledger publishes it now: the register's event without name or kind, and the details record with both. */
    private void register(String member) {
        members.add(member);
        versions.put(member, 0L);
        kinds.put(member, new ArrayList<>(List.of(new MemberDetailsRecorded.KindSince(kind(), now))));
        events.add(new MemberRegistered(UUID.randomUUID(), now, timebankId, member, null, null, null, null,
                List.of("MEMBER"), "coordinator"));
        events.add(details(member, "Name " + member));
    }

    /** A change of kind, or of name only (the kind history is the same then). */
    private void changeKind(String member) {
        long version = versions.merge(member, 1L, Long::sum);
        if (random.nextInt(3) > 0) {
            kinds.get(member).add(new MemberDetailsRecorded.KindSince(kind(), now));
        }
        events.add(new MemberDetailsChanged(UUID.randomUUID(), now, timebankId, member, null, null, null, null, version,
                "coordinator"));
        events.add(details(member, "Name " + member + " v" + version));
    }

    private MemberDetailsRecorded details(String member, String name) {
        return new MemberDetailsRecorded(UUID.randomUUID(), now, timebankId, member, versions.get(member), name, null,
                "en", List.of("MEMBER"), kinds.get(member), false);
    }

    /** The member's latest version: what the ledger's erased record comes after. */
    long version(String member) {
        return versions.get(member);
    }

    private void suspendOrReactivate(String member) {
        if (random.nextBoolean()) {
            events.add(new MemberSuspended(UUID.randomUUID(), now, timebankId, member, "coordinator", "reason"));
        } else {
            events.add(new MemberReactivated(UUID.randomUUID(), now, timebankId, member, "coordinator"));
        }
    }

    private void contribution(String id) {
        String giver = pick(members);
        String receiver = random.nextInt(4) == 0 ? pick(organisations) : pick(members);
        if (giver.equals(receiver)) {
            return;
        }
        long minutes = 5 + random.nextInt(300);
        CoproductionKind kind = CoproductionKind.values()[random.nextInt(CoproductionKind.values().length)];
        LocalDate on = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(random.nextInt(3));
        events.add(new ContributionLogged(UUID.randomUUID(), now, timebankId, id, giver, receiver, LoggedBy.GIVER, giver,
                null, receiver, minutes, on, kind, "a personal note", null,
                receiver.startsWith("org") && random.nextBoolean() ? "activity-" + id : null, now.plus(Duration.ofDays(14))));
        int end = random.nextInt(10);
        if (end == 0) {
            return; // still waiting
        }
        tick();
        if (end == 1) {
            events.add(new ContributionWithdrawn(UUID.randomUUID(), now, timebankId, id, giver, giver, receiver));
        } else if (end == 2) {
            events.add(new ContributionExpired(UUID.randomUUID(), now, timebankId, id, giver, receiver));
        } else if (end <= 4) {
            events.add(new ContributionDisputed(UUID.randomUUID(), now, timebankId, id, receiver, giver, receiver, "no"));
            if (end == 3) {
                return; // still disputed
            }
            tick();
            if (random.nextBoolean()) {
                events.add(new ContributionRejected(UUID.randomUUID(), now, timebankId, id, "coordinator", giver, receiver,
                        "no"));
            } else {
                long amended = 1 + random.nextInt((int) minutes);
                String transferId = "t-" + id;
                events.add(new ContributionResolved(UUID.randomUUID(), now, timebankId, id, "coordinator", giver, receiver,
                        minutes, amended, "amended", null, transferId));
                contributionTransfers.add(post(transferId, receiver, giver, amended, TransferReason.CONTRIBUTION, id, null));
            }
        } else {
            String transferId = "t-" + id;
            events.add(new ContributionValidated(UUID.randomUUID(), now, timebankId, id, receiver, giver, receiver, minutes,
                    "thanks", null, transferId));
            contributionTransfers.add(post(transferId, receiver, giver, minutes, TransferReason.CONTRIBUTION, id, null));
        }
    }

    private void reverse(TransferPosted original) {
        String reversal = "r-" + original.transferId();
        post(reversal, original.creditAccountId(), original.debitAccountId(), original.minutes(), TransferReason.REVERSAL,
                null, original.transferId());
        events.add(new TransferReversed(UUID.randomUUID(), now, timebankId, reversal, original.transferId(), "coordinator",
                "a mistake", original.minutes()));
    }

    private void gift() {
        String from = pick(members);
        String to = pick(members);
        if (from.equals(to)) {
            return;
        }
        long minutes = 1 + random.nextInt(60);
        String transferId = "g-" + events.size();
        events.add(new HoursGifted(UUID.randomUUID(), now, timebankId, transferId, from, to, minutes, "for you"));
        post(transferId, from, to, minutes, TransferReason.GIFT, null, null);
    }

    private TransferPosted post(String transferId, String debit, String credit, long minutes, TransferReason reason,
                                String contributionId, String reverses) {
        long debitAfter = balances.merge(debit, -minutes, Long::sum);
        long creditAfter = balances.merge(credit, minutes, Long::sum);
        TransferPosted posted = new TransferPosted(UUID.randomUUID(), now, timebankId, transferId, debit, credit, minutes,
                reason, debitAfter, creditAfter, contributionId, reverses, ++sequence, "hash" + sequence);
        events.add(posted);
        if (debitAfter <= -300) {
            events.add(new SoftLimitCrossed(UUID.randomUUID(), now, timebankId, debit, debitAfter, -300, -600, "LOW"));
        }
        if (creditAfter >= 300) {
            events.add(new SoftLimitCrossed(UUID.randomUUID(), now, timebankId, credit, creditAfter, 300, 600, "HIGH"));
        }
        return posted;
    }

    private MemberKind kind() {
        return MemberKind.values()[random.nextInt(MemberKind.values().length)];
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    public Instant end() {
        return now;
    }

    /**
     * The events as a consumer may meet them: each topic's partitions keep their order, but the
     * partitions of all topics interleave at random, and a partition re-delivers a stretch it had
     * already delivered (a rebalance before the offsets were committed).
     */
    public List<DomainEvent> delivered(Random random) {
        return delivered(random, events);
    }

    /** {@code events} (this history, or what the topics hold of it later) as a consumer may meet them. */
    List<DomainEvent> delivered(Random random, List<DomainEvent> events) {
        Map<String, List<DomainEvent>> partitions = new HashMap<>();
        Map<String, Long> newest = new HashMap<>();
        for (DomainEvent event : events) {
            if (event instanceof MemberDetailsRecorded d) {
                newest.merge(d.memberId(), d.version(), Math::max);
            }
        }
        boolean compacted = random.nextBoolean();
        for (DomainEvent event : events) {
            if (compacted && event instanceof MemberDetailsRecorded d && d.version() < newest.get(d.memberId())
                    && random.nextBoolean()) {
                continue; // the log cleaner took this older record away: a replay reads only some versions
            }
            String topic = event instanceof MemberDetailsRecorded ? "details" : event.getClass().getPackageName();
            partitions.computeIfAbsent(topic + "#" + Math.floorMod(event.subject().hashCode(), 6), p -> new ArrayList<>())
                    .add(event);
        }
        List<List<DomainEvent>> queues = new ArrayList<>();
        for (List<DomainEvent> partition : partitions.values()) {
            List<DomainEvent> withRedelivery = new ArrayList<>(partition);
            if (!partition.isEmpty() && random.nextBoolean()) {
                int from = random.nextInt(partition.size());
                int to = from + random.nextInt(partition.size() - from + 1);
                withRedelivery.addAll(to, partition.subList(from, to));
            }
            queues.add(withRedelivery);
        }
        List<DomainEvent> delivered = new ArrayList<>();
        int[] next = new int[queues.size()];
        int left = queues.stream().mapToInt(List::size).sum();
        while (left > 0) {
            int q = random.nextInt(queues.size());
            if (next[q] < queues.get(q).size()) {
                delivered.add(queues.get(q).get(next[q]++));
                left--;
            }
        }
        return delivered;
    }
}
