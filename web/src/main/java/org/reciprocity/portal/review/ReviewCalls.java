package org.reciprocity.portal.review;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.reciprocity.portal.services.ServiceRefusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
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
        OAuth2ClientHttpRequestInterceptor asThePerson = new OAuth2ClientHttpRequestInterceptor(clients);
        asThePerson.setClientRegistrationIdResolver(request -> "reciprocity");
        this.review = RestClient.builder()
                .baseUrl(reviewUrl)
                .requestFactory(new JdkClientHttpRequestFactory())
                .requestInterceptor(asThePerson)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().getLanguage());
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw ServiceRefusal.read(response.getStatusCode().value(), bytes(response.getBody()));
                })
                .build();
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

    private static byte[] bytes(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
