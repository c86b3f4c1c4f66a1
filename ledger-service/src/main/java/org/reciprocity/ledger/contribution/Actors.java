package org.reciprocity.ledger.contribution;

import java.util.stream.Collectors;

import org.reciprocity.kit.security.Caller;
import org.reciprocity.ledger.book.Ledger;

/** The ledger's view of the caller: their id and role names. */
public final class Actors {

    private Actors() {
    }

    public static Ledger.Actor of(Caller caller) {
        return new Ledger.Actor(caller.memberId(), caller.roles().stream().map(Enum::name).collect(Collectors.toSet()));
    }
}
