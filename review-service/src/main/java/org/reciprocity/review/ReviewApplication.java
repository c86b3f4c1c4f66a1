package org.reciprocity.review;

import org.reciprocity.kit.ReciprocityService;
import org.reciprocity.kit.outbox.OutboxCollections;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The reciprocity review, parity between member kinds and the co-production indicators, built only
 * from the events on Kafka into the service's own database. It publishes nothing.
 */
@SpringBootApplication
@ReciprocityService
public class ReviewApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReviewApplication.class, args);
    }

    /** No document of review-service carries events: it only reads. */
    @Bean
    OutboxCollections outboxCollections() {
        return OutboxCollections.of();
    }
}
