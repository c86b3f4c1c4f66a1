package org.reciprocity.review.api;

import java.time.Duration;
import java.util.EnumSet;

import org.reciprocity.kit.access.AccessPolicy;
import org.reciprocity.kit.access.Relation;
import org.reciprocity.review.figures.ReviewFigures;
import org.reciprocity.review.figures.Thresholds;
import org.reciprocity.review.store.Projections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

    /** The rules name only roles: nothing in a review path is about the caller themself. */
    @Bean
    AccessPolicy reviewAccessPolicy() {
        return AccessPolicy.of(ReviewAccess.class, (caller, timebankId, path) -> EnumSet.noneOf(Relation.class));
    }

    @Bean
    ReviewFigures reviewFigures(Projections projections,
                                @Value("${reciprocity.review.much-minutes:600}") long muchMinutes,
                                @Value("${reciprocity.review.long-wait:P14D}") Duration longWait) {
        return new ReviewFigures(projections.facts(), new Thresholds(muchMinutes, longWait));
    }
}
