package org.reciprocity.review.figures;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reciprocity.contracts.DomainEvent;
import org.reciprocity.contracts.contribution.ContributionLogged;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.ledger.TransferPosted;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.contracts.member.MemberDetailsRecorded;
import org.reciprocity.review.facts.PartyKind;

/**
 * The figures counted the long way, straight from a timebank's events in the order they happened
 * (each once): the ledger's entries one by one, each side's kind looked up in the member's history.
 * What the projections must equal.
 */
final class Recount {

    private final List<DomainEvent> events;
    private final ZoneId zone;

    /** @param zone the timebank's zone: a month is its month */
    Recount(List<DomainEvent> events, ZoneId zone) {
        this.events = events;
        this.zone = zone;
    }

    /** One counted hour flow: {giver, receiver, giverKind, receiverKind, minutes, month, contribution}. */
    record Line(String giver, String receiver, PartyKind giverKind, PartyKind receiverKind, long minutes,
                YearMonth month, String contributionId) {
    }

    List<Line> lines(Period period) {
        Map<String, TransferPosted> byId = new HashMap<>();
        for (DomainEvent e : events) {
            if (e instanceof TransferPosted t) {
                byId.put(t.transferId(), t);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (DomainEvent e : events) {
            if (!(e instanceof TransferPosted t)) {
                continue;
            }
            YearMonth month = YearMonth.from(t.occurredAt().atZone(zone));
            if (!period.contains(month)) {
                continue;
            }
            if (t.reason() == TransferReason.CONTRIBUTION) {
                lines.add(new Line(t.creditAccountId(), t.debitAccountId(), kindAt(t.creditAccountId(), t.occurredAt()),
                        kindAt(t.debitAccountId(), t.occurredAt()), t.minutes(), month, t.contributionId()));
            } else if (t.reason() == TransferReason.REVERSAL) {
                TransferPosted o = byId.get(t.reversesTransferId());
                if (o != null && o.reason() == TransferReason.CONTRIBUTION) {
                    lines.add(new Line(o.creditAccountId(), o.debitAccountId(), kindAt(o.creditAccountId(), o.occurredAt()),
                            kindAt(o.debitAccountId(), o.occurredAt()), -t.minutes(), month, o.contributionId()));
                }
            }
        }
        return lines;
    }

    /** From the member's details record of the highest version (its kind history); an account with none is an organisation. */
    PartyKind kindAt(String account, Instant at) {
        MemberDetailsRecorded newest = null;
        for (DomainEvent e : events) {
            if (e instanceof MemberDetailsRecorded d && d.memberId().equals(account) && !d.erased()
                    && (newest == null || d.version() > newest.version())) {
                newest = d;
            }
        }
        if (newest == null) {
            return PartyKind.ORGANISATION;
        }
        MemberDetailsRecorded.KindSince kind = newest.kinds().get(0);
        for (MemberDetailsRecorded.KindSince k : newest.kinds()) {
            if (!k.since().isAfter(at)) {
                kind = k;
            }
        }
        return PartyKind.valueOf(kind.kind().name());
    }

    long matrix(Period period, PartyKind giver, PartyKind receiver) {
        return lines(period).stream().filter(l -> l.giverKind() == giver && l.receiverKind() == receiver)
                .mapToLong(Line::minutes).sum();
    }

    long given(Period period, String member) {
        return lines(period).stream().filter(l -> l.giver().equals(member)).mapToLong(Line::minutes).sum();
    }

    long received(Period period, String member) {
        return lines(period).stream().filter(l -> l.receiver().equals(member)).mapToLong(Line::minutes).sum();
    }

    long balance(String account) {
        long sequence = 0;
        long balance = 0;
        for (DomainEvent e : events) {
            if (e instanceof TransferPosted t && t.sequence() > sequence) {
                if (t.debitAccountId().equals(account)) {
                    sequence = t.sequence();
                    balance = t.debitBalanceAfter();
                } else if (t.creditAccountId().equals(account)) {
                    sequence = t.sequence();
                    balance = t.creditBalanceAfter();
                }
            }
        }
        return balance;
    }

    /** When each contribution of the member still waiting for a validation was logged (no end seen for it). */
    List<Instant> waiting(String member) {
        Set<String> ended = new HashSet<>();
        for (DomainEvent e : events) {
            if (e instanceof org.reciprocity.contracts.contribution.ContributionValidated v) {
                ended.add(v.contributionId());
            } else if (e instanceof org.reciprocity.contracts.contribution.ContributionResolved r) {
                ended.add(r.contributionId());
            } else if (e instanceof org.reciprocity.contracts.contribution.ContributionRejected r) {
                ended.add(r.contributionId());
            } else if (e instanceof org.reciprocity.contracts.contribution.ContributionWithdrawn w) {
                ended.add(w.contributionId());
            } else if (e instanceof org.reciprocity.contracts.contribution.ContributionExpired x) {
                ended.add(x.contributionId());
            }
        }
        List<Instant> waiting = new ArrayList<>();
        for (DomainEvent e : events) {
            if (e instanceof ContributionLogged l && !ended.contains(l.contributionId())
                    && (l.giverAccountId().equals(member) || l.receiverAccountId().equals(member))) {
                waiting.add(l.occurredAt());
            }
        }
        return waiting;
    }

    /** Whether the account's balance is still past the threshold of the last warning it had. */
    boolean nearLimit(String account) {
        org.reciprocity.contracts.ledger.SoftLimitCrossed last = null;
        for (DomainEvent e : events) {
            if (e instanceof org.reciprocity.contracts.ledger.SoftLimitCrossed w && w.accountId().equals(account)) {
                last = w; // in the order they happened
            }
        }
        if (last == null) {
            return false;
        }
        long balance = balance(account);
        return "LOW".equals(last.direction()) ? balance <= last.threshold() : balance >= last.threshold();
    }

    /** {contributions, people, minutes, serviceUsers} of one kind over the lines of a period (or one month of it). */
    long[] indicator(Period period, CoproductionKind kind, YearMonth onlyMonth) {
        Map<String, CoproductionKind> kinds = new HashMap<>();
        for (DomainEvent e : events) {
            if (e instanceof ContributionLogged l) {
                kinds.put(l.contributionId(), l.kind());
            }
        }
        Map<String, Long> net = new HashMap<>();
        Map<String, Line> first = new HashMap<>();
        long minutes = 0;
        for (Line line : lines(period)) {
            if (kinds.get(line.contributionId()) != kind || (onlyMonth != null && !line.month().equals(onlyMonth))) {
                continue;
            }
            minutes += line.minutes();
            net.merge(line.contributionId(), line.minutes(), Long::sum);
            first.putIfAbsent(line.contributionId(), line);
        }
        Set<String> people = new HashSet<>();
        Set<String> serviceUsers = new HashSet<>();
        int counted = 0;
        for (var entry : net.entrySet()) {
            if (entry.getValue() <= 0) {
                continue;
            }
            counted++;
            Line line = first.get(entry.getKey());
            for (var side : List.of(Map.entry(line.giver(), line.giverKind()), Map.entry(line.receiver(), line.receiverKind()))) {
                if (side.getValue() != PartyKind.ORGANISATION) {
                    people.add(side.getKey());
                }
                if (side.getValue() == PartyKind.SERVICE_USER) {
                    serviceUsers.add(side.getKey());
                }
            }
        }
        return new long[] {counted, people.size(), minutes, serviceUsers.size()};
    }
}
