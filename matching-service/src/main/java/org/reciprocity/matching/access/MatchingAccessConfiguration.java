package org.reciprocity.matching.access;

import org.reciprocity.kit.access.AccessPolicy;
import org.reciprocity.matching.listing.Listings;
import org.reciprocity.matching.match.Matches;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Matching's one access policy: the rules of {@link MatchingAccess} and the relations of {@link MatchingSubjects}. */
@Configuration(proxyBeanMethods = false)
class MatchingAccessConfiguration {

    @Bean
    AccessPolicy matchingAccessPolicy(Listings listings, Matches matches) {
        return AccessPolicy.of(MatchingAccess.class, new MatchingSubjects(listings, matches));
    }
}
