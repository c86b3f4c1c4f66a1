package org.reciprocity.matching;

import org.reciprocity.kit.ReciprocityService;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.outbox.OutboxCollections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** Matching profiles, offers and needs, match proposals and the coordinator queue. */
@SpringBootApplication
@ReciprocityService
public class MatchingApplication {

    public static void main(String[] args) {
        SpringApplication.run(MatchingApplication.class, args);
    }

    /** The collections whose documents carry events waiting to be published. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of("profiles", "listings", "matches", ErasureConfirmations.COLLECTION);
    }
}
