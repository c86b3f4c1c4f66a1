package org.reciprocity.ledger.consent;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.reciprocity.contracts.consent.Consent;
import org.reciprocity.contracts.consent.ConsentHow;
import org.reciprocity.kit.access.Access;
import org.reciprocity.kit.security.Caller;
import org.reciprocity.kit.web.ApiException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's consents (issue 18): read and changed by the member on their page; a coordinator may
 * write down, on the member's behalf, a consent the member gave or withdrew on paper.
 */
@RestController
@RequestMapping("/api/v1/timebanks/{timebankId}/members/{memberId}/consents")
class ConsentController {

    private final Consents consents;

    ConsentController(Consents consents) {
        this.consents = consents;
    }

    /** Each consent's state (given, withdrawn, or not asked yet: {@code given} absent) and the whole history. */
    @Access("READ_CONSENTS")
    @GetMapping
    ConsentsResponse read(@PathVariable String timebankId, @PathVariable String memberId) {
        return ConsentsResponse.of(memberId, consents.of(timebankId, memberId));
    }

    /**
     * Gives ({@code given: true}) or withdraws one consent. How is who asks: the member on their page,
     * or a coordinator writing down what the member said on paper.
     */
    @Access("RECORD_CONSENT")
    @PutMapping("/{consent}")
    ConsentsResponse record(@PathVariable String timebankId, @PathVariable String memberId,
                            @PathVariable("consent") String consentName, @RequestBody(required = false) ConsentRequest request) {
        Consent consent = Arrays.stream(Consent.values()).filter(c -> c.name().equals(consentName)).findFirst()
                .orElseThrow(() -> ApiException.of(ConsentRefusal.CONSENT_UNKNOWN));
        if (request == null || request.given() == null) {
            throw ApiException.of(ConsentRefusal.GIVEN_OR_NOT_NEEDED);
        }
        String by = Caller.current().memberId();
        ConsentHow how = memberId.equals(by) ? ConsentHow.PAGE : ConsentHow.PAPER;
        return ConsentsResponse.of(memberId, consents.record(timebankId, memberId, consent, request.given(), how, by));
    }

    record ConsentRequest(Boolean given) {
    }

    /** @param given absent while the member was never asked */
    record ConsentState(Consent consent, Boolean given, Instant at, ConsentHow how, String recordedBy) {
    }

    record ConsentsResponse(String memberId, List<ConsentState> consents, List<ConsentState> history) {

        static ConsentsResponse of(String memberId, ConsentHistory history) {
            var currents = history.currents();
            List<ConsentState> states = Arrays.stream(Consent.values()).map(consent -> {
                ConsentHistory.Change change = currents.get(consent);
                return change == null ? new ConsentState(consent, null, null, null, null) : state(change);
            }).toList();
            return new ConsentsResponse(memberId, states, history.changes().stream().map(ConsentsResponse::state).toList());
        }

        private static ConsentState state(ConsentHistory.Change change) {
            return new ConsentState(change.consent(), change.given(), change.at(), change.how(), change.by());
        }
    }
}
