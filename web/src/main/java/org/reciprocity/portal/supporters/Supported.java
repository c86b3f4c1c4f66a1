package org.reciprocity.portal.supporters;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The people who named the signed-in member as their supporter (the ledger's
 * {@code GET /members/{me}/supported}, allowed to the member themself): whom they may log hours for.
 * Only ids and names; nobody else's.
 */
@Component
public class Supported {

    private static final Logger log = LoggerFactory.getLogger(Supported.class);

    private final Services services;

    Supported(Services services) {
        this.services = services;
    }

    /**
     * Whom I support, by name. When the ledger cannot say, nobody: the page is still served and
     * the ledger still decides at logging time (a 401 still signs the person in again).
     */
    public List<Person> mine() {
        SignedIn me = SignedIn.current();
        try {
            Answer answer = services.ledger().get().uri(Services.TB + "/members/{m}/supported", me.timebankId(), me.memberId())
                    .retrieve().body(Answer.class);
            return answer == null || answer.members() == null ? List.of() : answer.members();
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 401) {
                throw refusal;
            }
            log.warn("The ledger did not say whom {} supports: {}", me.memberId(), refusal.status());
            return List.of();
        } catch (RuntimeException unreachable) {
            log.warn("The ledger did not say whom {} supports", me.memberId(), unreachable);
            return List.of();
        }
    }

    /** The person, when they named me. */
    public Optional<Person> one(String memberId) {
        return mine().stream().filter(p -> p.memberId().equals(memberId)).findFirst();
    }

    /** Someone who named me: their id to log for, their name to read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String memberId, String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(List<Person> members) {
    }
}
