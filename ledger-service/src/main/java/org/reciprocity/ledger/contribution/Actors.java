package org.reciprocity.ledger.contribution;

import java.util.stream.Collectors;

import org.reciprocity.kit.security.Caller;
import org.reciprocity.ledger.book.Ledger;
import org.reciprocity.ledger.organisation.Organisations;
import org.springframework.stereotype.Component;

/**
 * The ledger's view of the caller: their id, role names, and whether an organisation lists them as
 * staff, looked up by the organisation's id only when a rule asks (most commands never do).
 */
@Component
public class Actors {

    private final Organisations organisations;

    Actors(Organisations organisations) {
        this.organisations = organisations;
    }

    public Ledger.Actor of(String timebankId, Caller caller) {
        return new Ledger.Actor(caller.memberId(), caller.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                organisation -> organisations.isStaff(timebankId, organisation, caller.memberId()));
    }
}
