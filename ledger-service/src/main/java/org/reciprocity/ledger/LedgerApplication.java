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
        // every collection whose documents carry events waiting to be published; the relay's sweep
        // publishes whatever the immediate flush after a command could not
        return OutboxCollections.of("timebanks", "members", "contributions", "ledger_entries", "outbox_messages",
                "ledger_checkpoints");
    }
}
