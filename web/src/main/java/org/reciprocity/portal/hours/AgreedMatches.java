package org.reciprocity.portal.hours;

import java.util.List;
import org.reciprocity.portal.board.BoardServices;
import org.reciprocity.portal.services.Names;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;

/**
 * The matches a member agreed, to say which one logged hours fulfil: the ledger keeps the match id on
 * the contribution, and matching completes the match once the hours are confirmed.
 */
@Component
class AgreedMatches {

    /** One agreed match as the log-hours page offers it. */
    record Option(String matchId, String activity, String otherId, String otherName, boolean giving) {
    }

    private final BoardServices board;
    private final Names names;

    AgreedMatches(BoardServices board, Names names) {
        this.board = board;
        this.names = names;
    }

    /** The member's agreed matches; none when matching cannot be asked (the page then works as before). */
    List<Option> of(SignedIn me) {
        try {
            return board.matches(me.timebankId()).stream().filter(BoardServices.Match::agreed)
                    .filter(m -> me.memberId().equals(m.giverId()) || me.memberId().equals(m.receiverId()))
                    .map(m -> new Option(m.id(), m.activity(), m.other(me.memberId()),
                            names.name(me.timebankId(), m.other(me.memberId())), m.giving(me.memberId())))
                    .toList();
        } catch (ServiceRefusal | ResourceAccessException away) {
            return List.of();
        }
    }

    /** The match the member chose among theirs; null for none, or for an id that is not one of them. */
    static Option chosen(List<Option> agreed, String matchId) {
        if (matchId == null || matchId.isBlank()) {
            return null;
        }
        return agreed.stream().filter(o -> o.matchId().equals(matchId)).findFirst().orElse(null);
    }

    /**
     * Whether the hours can name the chosen match: no match chosen is always fine; a chosen match must be
     * one of the member's, with the same person, and given the way the match says.
     */
    static boolean fits(Option chosen, String matchId, String counterpart, boolean gave) {
        if (matchId == null || matchId.isBlank()) {
            return true;
        }
        return chosen != null && chosen.otherId().equals(counterpart) && chosen.giving() == gave;
    }
}
