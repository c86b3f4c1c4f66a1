package org.reciprocity.review.api;

import java.time.Duration;
import java.time.ZoneId;

import org.reciprocity.kit.access.AccessPolicy;
import org.reciprocity.kit.access.ReadsController;
import org.reciprocity.kit.access.SubjectRelations;
import org.reciprocity.review.figures.ReviewFigures;
import org.reciprocity.review.figures.Thresholds;
import org.reciprocity.review.store.Projections;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The review's access policy and figures; and, issue 18, the member's list of who looked here ({@code LIST_READS}). */
@Configuration(proxyBeanMethods = false)
@Import(ReadsController.class)
class ReviewConfiguration {

    /** The rules name roles, and SELF for the one path about a member (their personal data). */
    @Bean
    AccessPolicy reviewAccessPolicy() {
        return AccessPolicy.of(ReviewAccess.class, SubjectRelations.SELF_ONLY);
    }

    /**
     * Months are the timebank's months: in its zone ({@code TimebankOpened}), else in
     * {@code reciprocity.default-zone} (the portal's setting and its {@code DEFAULT_ZONE}); a cached
     * figure is computed again when the projections change or a rebuild starts a new generation.
     */
    @Bean
    ReviewFigures reviewFigures(Projections projections,
                                @Value("${reciprocity.review.much-minutes:600}") long muchMinutes,
                                @Value("${reciprocity.review.long-wait:P14D}") Duration longWait,
                                @Value("${reciprocity.default-zone:Europe/London}") ZoneId zone) {
        return new ReviewFigures(projections.facts(), new Thresholds(muchMinutes, longWait),
                zone,
                timebank -> projections.facts().changes(timebank) + (projections.generation() << 40));
    }
}
