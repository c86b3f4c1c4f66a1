package org.reciprocity.portal.review;

import java.util.List;
import java.util.function.Function;
import org.reciprocity.portal.services.Services;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/**
 * review-service as the signed-in person (their token, refreshed by Spring when due, and their language),
 * like {@code Services} for the other services. One call a page; CSV comes back as the service wrote it.
 */
@Component
class ReviewCalls {

    private static final String REVIEW = "/api/v1/timebanks/{timebankId}/review";
    private final RestClient review;

    ReviewCalls(@Value("${reciprocity.review-url}") String reviewUrl, OAuth2AuthorizedClientManager clients) {
        this.review = Services.asThePerson(reviewUrl, clients);
    }

    ReviewFigures.Page members(String tb, ReviewQuery query, int size) {
        return review.get().uri(u -> query.members(period(u.path(REVIEW + "/members"), query.period()))
                        .queryParam("page", query.page()).queryParam("size", size).build(tb))
                .retrieve().body(ReviewFigures.Page.class);
    }

    ReviewFigures.Parity parity(String tb, ReviewPeriod period) {
        return review.get().uri(u -> period(u.path(REVIEW + "/parity"), period).build(tb))
                .retrieve().body(ReviewFigures.Parity.class);
    }

    ReviewFigures.Indicators indicators(String tb, ReviewPeriod period) {
        return review.get().uri(u -> period(u.path(REVIEW + "/indicators"), period).build(tb))
                .retrieve().body(ReviewFigures.Indicators.class);
    }

    List<ReviewFigures.Behind> behind(String tb, String indicator, ReviewPeriod period) {
        return review.get().uri(u -> period(u.path(REVIEW + "/indicators/{indicator}/contributions"), period)
                        .build(tb, indicator))
                .retrieve().body(new ParameterizedTypeReference<List<ReviewFigures.Behind>>() { });
    }

    /** One of the service's tables as CSV, exactly as it wrote it (its header names the columns). */
    byte[] csv(String tb, String table, Function<UriBuilder, UriBuilder> query, String... pathVariables) {
        Object[] variables = new Object[pathVariables.length + 1];
        variables[0] = tb;
        System.arraycopy(pathVariables, 0, variables, 1, pathVariables.length);
        return review.get().uri(u -> query.apply(u.path(REVIEW + table)).build(variables))
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve().body(byte[].class);
    }

    static UriBuilder period(UriBuilder uri, ReviewPeriod period) {
        return uri.queryParam("from", period.from().toString()).queryParam("to", period.to().toString());
    }
}
