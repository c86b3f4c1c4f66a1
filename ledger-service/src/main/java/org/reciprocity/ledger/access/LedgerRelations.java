package org.reciprocity.ledger.access;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reciprocity.kit.access.Relation;
import org.reciprocity.kit.access.SubjectRelations;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.ledger.book.BookStore;
import org.reciprocity.ledger.book.Bookkeeping;
import org.reciprocity.ledger.book.Contribution;
import org.reciprocity.ledger.member.Members;
import org.reciprocity.ledger.organisation.Organisations;

/** How a caller stands to the member, account, contribution or group activity a ledger path names. */
final class LedgerRelations implements SubjectRelations {

    private final Members members;
    private final Organisations organisations;
    private final Bookkeeping bookkeeping;

    LedgerRelations(Members members, Organisations organisations, Bookkeeping bookkeeping) {
        this.members = members;
        this.organisations = organisations;
        this.bookkeeping = bookkeeping;
    }

    @Override
    public Set<Relation> of(Caller caller, String timebankId, Map<String, String> path) {
        Set<Relation> relations = EnumSet.noneOf(Relation.class);
        String me = caller.memberId();
        String member = path.get("memberId");
        if (member != null) {
            String supporter = path.get("supporterId");
            if (member.equals(me)) {
                relations.add(Relation.SELF);
            } else if ((supporter == null || supporter.equals(me)) && members.isSupporter(timebankId, member, me)) {
                // under /supporters/{supporterId} a supporter stands only for themself
                relations.add(Relation.SUPPORTER);
            }
        }
        String account = path.get("accountId");
        if (account != null) {
            if (account.equals(me)) {
                relations.add(Relation.SELF);
            } else if (organisations.isStaff(timebankId, account, me)) {
                relations.add(Relation.ORGANISATION_STAFF);
            }
        }
        String contribution = path.get("contributionId");
        if (contribution != null) {
            store().contribution(timebankId, contribution).ifPresent(c -> relations.addAll(toContribution(c, timebankId, me)));
        }
        String activity = path.get("activityId");
        if (activity != null) {
            List<Contribution> attendances = store().contributionsOfActivity(timebankId, activity);
            if (!attendances.isEmpty() && organisations.isStaff(timebankId, attendances.get(0).receiverId(), me)) {
                relations.add(Relation.ORGANISATION_STAFF);
            }
        }
        return relations;
    }

    /** Issue 18: whose data a read is: the member or account the path names, or both sides of a contribution. */
    @Override
    public Set<String> membersRead(String timebankId, Map<String, String> path) {
        Set<String> read = new HashSet<>(SubjectRelations.super.membersRead(timebankId, path));
        String account = path.get("accountId");
        if (account != null) {
            read.add(account);
        }
        String contribution = path.get("contributionId");
        if (contribution != null) {
            store().contribution(timebankId, contribution).ifPresent(c -> {
                read.add(c.giverId());
                read.add(c.receiverId());
            });
        }
        return read;
    }

    private Set<Relation> toContribution(Contribution c, String timebankId, String me) {
        Set<Relation> relations = EnumSet.noneOf(Relation.class);
        if (c.isPartyTo(me)) {
            // every ledger rule that names SUPPORTER or ORGANISATION_STAFF for a contribution names PARTY too
            return EnumSet.of(Relation.PARTY);
        }
        if (members.isSupporter(timebankId, c.giverId(), me) || members.isSupporter(timebankId, c.receiverId(), me)) {
            relations.add(Relation.SUPPORTER);
        }
        if (organisations.isStaff(timebankId, c.receiverId(), me)) {
            relations.add(Relation.ORGANISATION_STAFF);
        }
        return relations;
    }

    private BookStore store() {
        return bookkeeping.store();
    }
}
