package org.reciprocity.ledger;

import org.reciprocity.kit.ReciprocityService;
import org.reciprocity.kit.outbox.OutboxCollections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Timebanks, members, their time accounts and the immutable time ledger. */
@SpringBootApplication
@ReciprocityService
public class LedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(LedgerApplication.class, args);
    }

    @Bean
    OutboxCollections outboxCollections() {
        // the collections whose events the relay's scan publishes when the immediate flush could not.
        // Not the ledger's own (contributions, ledger_entries, outbox_messages): a timebank's events
        // there go out in written order, by the holder of its lease only (Bookkeeping#publishLeftovers);
        // checkpoints are independent of each other and of the lanes; erasures: the ledger's own
        // confirmation that it forgot an erased member (issue 18)
        return OutboxCollections.of("timebanks", "members", "ledger_checkpoints", "ledger_verifications",
                "consents", org.reciprocity.kit.erasure.ErasureConfirmations.COLLECTION);
    }
}
