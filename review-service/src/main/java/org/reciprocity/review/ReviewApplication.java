package org.reciprocity.review;

import org.reciprocity.kit.ReciprocityService;
import org.reciprocity.kit.erasure.ErasureConfirmations;
import org.reciprocity.kit.outbox.OutboxCollections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The reciprocity review, parity between member kinds and the co-production indicators, built only
 * from the events on Kafka into the service's own database. It publishes only its confirmations of
 * erasures ({@code ErasureConfirmed}).
 */
@SpringBootApplication
@ReciprocityService
public class ReviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewApplication.class, args);
    }

    /** Only the erasure confirmations carry events ({@code erasure/ErasureConsumer}). */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of(ErasureConfirmations.COLLECTION);
    }
}
