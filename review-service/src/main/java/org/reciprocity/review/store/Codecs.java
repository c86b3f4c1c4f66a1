package org.reciprocity.review.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.reciprocity.contracts.contribution.CoproductionKind;
import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.review.facts.AccountFact;
import org.reciprocity.review.facts.ContributionFact;
import org.reciprocity.review.facts.MemberFact;
import org.reciprocity.review.facts.MemberMonthFact;
import org.reciprocity.review.facts.OpenContributionsFact;
import org.reciprocity.review.facts.ReversalsFact;
import org.reciprocity.review.facts.TimebankFact;
import org.reciprocity.review.facts.PartyKind;
import org.reciprocity.review.facts.PostingFact;
import org.reciprocity.review.facts.TransferMonthFact;

/** The documents of each projection; instants to the nanosecond, so a read gives back the very instant written. */
final class Codecs {

    private Codecs() {
    }

    static final FactCodec<MemberFact> MEMBERS = new FactCodec<>() {
        @Override
        public Document write(MemberFact m) {
            List<Document> kinds = new ArrayList<>();
            m.kinds().forEach(k -> kinds.add(new Document("since", text(k.since())).append("kind", k.kind().name())));
            return new Document("timebankId", m.timebankId()).append("memberId", m.memberId()).append("kinds", kinds)
                    .append("name", m.name()).append("version", m.version())
                    .append("statusAt", text(m.statusAt())).append("suspended", m.suspended());
        }

        @Override
        public MemberFact read(Document d) {
            List<MemberFact.KindSince> kinds = new ArrayList<>();
            if (d.get("kinds") instanceof List<?> stored) { // a document of before the details topic has none: rebuild
                for (Object value : stored) {
                    Document kind = (Document) value;
                    kinds.add(new MemberFact.KindSince(instant(kind.get("since")),
                            PartyKind.valueOf(kind.getString("kind"))));
                }
            }
            return new MemberFact(d.getString("timebankId"), d.getString("memberId"), kinds, d.getString("name"),
                    d.get("version") == null ? Long.MIN_VALUE : number(d, "version"), instant(d.get("statusAt")),
                    d.getBoolean("suspended"));
        }
    };

    static final FactCodec<PostingFact> POSTINGS = new FactCodec<>() {
        @Override
        public Document write(PostingFact p) {
            return new Document("timebankId", p.timebankId()).append("transferId", p.transferId())
                    .append("at", text(p.at())).append("debit", p.debitAccountId()).append("credit", p.creditAccountId())
                    .append("minutes", p.minutes()).append("reason", p.reason().name())
                    .append("contributionId", p.contributionId()).append("reverses", p.reversesTransferId())
                    .append("sequence", p.sequence());
        }

        @Override
        public PostingFact read(Document d) {
            return new PostingFact(d.getString("timebankId"), d.getString("transferId"), instant(d.get("at")),
                    d.getString("debit"), d.getString("credit"), number(d, "minutes"),
                    TransferReason.valueOf(d.getString("reason")), d.getString("contributionId"), d.getString("reverses"),
                    number(d, "sequence"));
        }
    };

    static final FactCodec<TransferMonthFact> TRANSFER_MONTHS = new FactCodec<>() {
        @Override
        public Document write(TransferMonthFact t) {
            return new Document("timebankId", t.timebankId()).append("transferId", t.transferId())
                    .append("month", t.month().toString());
        }

        @Override
        public TransferMonthFact read(Document d) {
            return new TransferMonthFact(d.getString("timebankId"), d.getString("transferId"),
                    YearMonth.parse(d.getString("month")));
        }
    };

    static final FactCodec<AccountFact> ACCOUNTS = new FactCodec<>() {
        @Override
        public Document write(AccountFact a) {
            return new Document("timebankId", a.timebankId()).append("accountId", a.accountId())
                    .append("sequence", a.sequence()).append("balance", a.balance()).append("warnedAt", text(a.warnedAt()))
                    .append("direction", a.direction()).append("threshold", a.threshold());
        }

        @Override
        public AccountFact read(Document d) {
            return new AccountFact(d.getString("timebankId"), d.getString("accountId"), number(d, "sequence"),
                    number(d, "balance"), instant(d.get("warnedAt")), d.getString("direction"),
                    number(d, "threshold"));
        }
    };

    static final FactCodec<ContributionFact> CONTRIBUTIONS = new FactCodec<>() {
        @Override
        public Document write(ContributionFact c) {
            Document logged = null;
            if (c.logged() != null) {
                ContributionFact.Logged l = c.logged();
                logged = new Document("giver", l.giverAccountId()).append("receiver", l.receiverAccountId())
                        .append("awaiting", l.awaitingValidationBy()).append("minutes", l.minutes())
                        .append("happenedOn", l.happenedOn() == null ? null : l.happenedOn().toString())
                        .append("kind", l.kind() == null ? null : l.kind().name()).append("loggedAt", text(l.loggedAt()))
                        .append("groupActivityId", l.groupActivityId());
            }
            return new Document("timebankId", c.timebankId()).append("contributionId", c.contributionId())
                    .append("logged", logged).append("status", c.status().name()).append("statusAt", text(c.statusAt()));
        }

        @Override
        public ContributionFact read(Document d) {
            Document l = d.get("logged", Document.class);
            ContributionFact.Logged logged = l == null ? null : new ContributionFact.Logged(l.getString("giver"),
                    l.getString("receiver"), l.getString("awaiting"), number(l, "minutes"),
                    l.getString("happenedOn") == null ? null : LocalDate.parse(l.getString("happenedOn")),
                    l.getString("kind") == null ? null : CoproductionKind.valueOf(l.getString("kind")),
                    instant(l.get("loggedAt")), l.getString("groupActivityId"));
            return new ContributionFact(d.getString("timebankId"), d.getString("contributionId"), logged,
                    ContributionFact.Status.valueOf(d.getString("status")), instant(d.get("statusAt")));
        }
    };

    static final FactCodec<MemberMonthFact> MEMBER_MONTHS = new FactCodec<>() {
        @Override
        public Document write(MemberMonthFact m) {
            Document entries = new Document();
            m.entries().forEach((transfer, e) -> entries.append(transfer, e.flow()
                    ? new Document("at", text(e.at())).append("given", e.given()).append("received", e.received())
                    .append("counterpart", e.counterpart())
                    : new Document("at", text(e.at()))));
            return new Document("timebankId", m.timebankId()).append("month", m.month().toString())
                    .append("accountId", m.accountId()).append("entries", entries);
        }

        @Override
        public MemberMonthFact read(Document d) {
            Map<String, MemberMonthFact.Entry> entries = new HashMap<>();
            d.get("entries", Document.class).forEach((transfer, value) -> {
                Document e = (Document) value;
                entries.put(transfer, e.containsKey("given")
                        ? new MemberMonthFact.Entry(instant(e.get("at")), true, number(e, "given"),
                        number(e, "received"), e.getString("counterpart"))
                        : new MemberMonthFact.Entry(instant(e.get("at")), false, 0, 0, null));
            });
            return new MemberMonthFact(d.getString("timebankId"), YearMonth.parse(d.getString("month")),
                    d.getString("accountId"), entries);
        }
    };

    static final FactCodec<OpenContributionsFact> OPEN_CONTRIBUTIONS = new FactCodec<>() {
        @Override
        public Document write(OpenContributionsFact o) {
            Document entries = new Document();
            o.entries().forEach((contribution, e) -> entries.append(contribution,
                    new Document("loggedAt", text(e.loggedAt())).append("status", e.status().name())));
            return new Document("timebankId", o.timebankId()).append("accountId", o.accountId())
                    .append("entries", entries);
        }

        @Override
        public OpenContributionsFact read(Document d) {
            Map<String, OpenContributionsFact.Entry> entries = new HashMap<>();
            d.get("entries", Document.class).forEach((contribution, value) -> {
                Document e = (Document) value;
                entries.put(contribution, new OpenContributionsFact.Entry(instant(e.get("loggedAt")),
                        ContributionFact.Status.valueOf(e.getString("status"))));
            });
            return new OpenContributionsFact(d.getString("timebankId"), d.getString("accountId"), entries);
        }
    };

    static final FactCodec<ReversalsFact> REVERSALS = new FactCodec<>() {
        @Override
        public Document write(ReversalsFact r) {
            Document reversals = new Document();
            r.reversals().forEach((transfer, v) -> reversals.append(transfer,
                    new Document("at", text(v.at())).append("minutes", v.minutes())));
            return new Document("timebankId", r.timebankId()).append("reversed", r.reversedTransferId())
                    .append("reversals", reversals);
        }

        @Override
        public ReversalsFact read(Document d) {
            Map<String, ReversalsFact.Reversal> reversals = new HashMap<>();
            d.get("reversals", Document.class).forEach((transfer, value) -> {
                Document v = (Document) value;
                reversals.put(transfer, new ReversalsFact.Reversal(instant(v.get("at")), number(v, "minutes")));
            });
            return new ReversalsFact(d.getString("timebankId"), d.getString("reversed"), reversals);
        }
    };

    static final FactCodec<TimebankFact> TIMEBANKS = new FactCodec<>() {
        @Override
        public Document write(TimebankFact t) {
            return new Document("timebankId", t.timebankId()).append("zoneId", t.zoneId())
                    .append("openedAt", text(t.openedAt()));
        }

        @Override
        public TimebankFact read(Document d) {
            return new TimebankFact(d.getString("timebankId"), d.getString("zoneId"), instant(d.get("openedAt")));
        }
    };

    /**
     * An instant as nanoseconds since the epoch: exact, and read back without parsing text (parsing ISO
     * text was the fold's largest cost). One outside 1677–2262 is kept as ISO text.
     */
    private static Object text(Instant at) {
        if (at == null) {
            return null;
        }
        try {
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS), at.getNano());
        } catch (ArithmeticException outsideTheRange) {
            return at.toString();
        }
    }

    private static Instant instant(Object stored) {
        if (stored == null) {
            return null;
        }
        if (stored instanceof String text) {
            return Instant.parse(text);
        }
        long nanos = ((Number) stored).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    private static final long NANOS = 1_000_000_000L;

    private static long number(Document d, String field) {
        return ((Number) d.get(field)).longValue();
    }
}
