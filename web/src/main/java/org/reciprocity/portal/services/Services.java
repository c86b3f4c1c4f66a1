package org.reciprocity.portal.services;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.services.Dtos.Account;
import org.reciprocity.portal.services.Dtos.Contribution;
import org.reciprocity.portal.services.Dtos.DirectoryEntry;
import org.reciprocity.portal.services.Dtos.InboxPage;
import org.reciprocity.portal.services.Dtos.Member;
import org.reciprocity.portal.services.Dtos.Profile;
import org.reciprocity.portal.services.Dtos.StatementLine;
import org.reciprocity.portal.services.Dtos.Timebank;
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

/**
 * The services as the signed-in person: every call carries their access token from the server session
 * (refreshed by Spring when due) and their language, so refusals come back in their words.
 */
@Component
public class Services {

    /** The path every service's timebank API starts with. */
    public static final String TB = "/api/v1/timebanks/{timebankId}";
    private final RestClient ledger;
    private final RestClient matching;
    private final RestClient notification;
    private final RestClient identity;

    public Services(PortalSettings settings, OAuth2AuthorizedClientManager clients) {
        this.ledger = asThePerson(settings.ledgerUrl(), clients);
        this.matching = asThePerson(settings.matchingUrl(), clients);
        this.notification = asThePerson(settings.notificationUrl(), clients);
        this.identity = asThePerson(settings.identityUrl(), clients);
    }

    /**
     * A client of one service as the signed-in person: their token, their language, and a refusal turned
     * into a {@link ServiceRefusal}. Every call from the portal to a service goes through one of these.
     */
    public static RestClient asThePerson(String baseUrl, OAuth2AuthorizedClientManager clients) {
        OAuth2ClientHttpRequestInterceptor asTheMember = new OAuth2ClientHttpRequestInterceptor(clients);
        asTheMember.setClientRegistrationIdResolver(request -> "reciprocity");
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(new JdkClientHttpRequestFactory())
                .requestInterceptor(asTheMember)
                .requestInterceptor(org.reciprocity.portal.privacy.ReadReasonChoice.header()) // issue 18: why a coordinator looks
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().getLanguage());
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw ServiceRefusal.read(response.getStatusCode().value(), body(response.getBody()));
                })
                .build();
    }

    /**
     * The signed-in person as a thread other than the page's carries them: their access token, language
     * and read reason, taken on the page's thread (see {@link #handedOver}).
     */
    public record Handover(String token, java.util.Locale language, String readReason) {

        void applyTo(HttpHeaders headers) {
            headers.setBearerAuth(token);
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language.getLanguage());
            if (readReason != null) {
                headers.set(org.reciprocity.portal.privacy.ReadReasonChoice.HEADER, readReason);
            }
        }
    }

    /**
     * A client of one service for threads other than the page's, which must not read the page's request:
     * Tomcat builds a request's cookies lazily and without a lock, and a read made beside the page once
     * saw the array half built (a NullPointerException, and a coordinator's queue with half of it
     * missing). Each call carries the {@link Handover} given to {@link #as}; a refusal is a
     * {@link ServiceRefusal}, as from the page's own clients; a service that hangs is given up after
     * {@code readTimeout}.
     */
    public static RestClient handedOver(String baseUrl, java.time.Duration readTimeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(readTimeout);
        return RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw ServiceRefusal.read(response.getStatusCode().value(), body(response.getBody()));
                })
                .build();
    }

    /** Sets the handed-over person's headers on one call of a {@link #handedOver} client. */
    public static java.util.function.Consumer<HttpHeaders> as(Handover person) {
        return person::applyTo;
    }

    /*
     * The four clients, for a feature's own calls (board, profile…): each carries the member's token and
     * language and turns a refusal into a ServiceRefusal, as the calls below do.
     */

    public RestClient ledger() {
        return ledger;
    }

    public RestClient matching() {
        return matching;
    }

    public RestClient notification() {
        return notification;
    }

    public RestClient identity() {
        return identity;
    }

    private static byte[] body(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    // ledger

    public Timebank timebank(String tb) {
        return ledger.get().uri(TB, tb).retrieve().body(Timebank.class);
    }

    public Account account(String tb, String accountId) {
        return ledger.get().uri(TB + "/accounts/{id}", tb, accountId).retrieve().body(Account.class);
    }

    /** The whole statement in the period (oldest first), read page by page. */
    public List<StatementLine> statement(String tb, String memberId, Instant from, Instant to) {
        List<StatementLine> all = new ArrayList<>();
        int size = 500;
        for (int page = 0; page < 200; page++) {
            int p = page;
            List<StatementLine> lines = ledger.get().uri(u -> u.path(TB + "/members/{m}/statement")
                            .queryParam("page", p).queryParam("size", size)
                            .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                            .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                            .build(tb, memberId))
                    .retrieve().body(new ParameterizedTypeReference<List<StatementLine>>() { });
            if (lines == null) {
                break;
            }
            all.addAll(lines);
            if (lines.size() < size) {
                break;
            }
        }
        return all;
    }

    public byte[] statementCsv(String tb, String memberId, Instant from, Instant to) {
        return ledger.get().uri(u -> u.path(TB + "/members/{m}/statement.csv")
                        .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                        .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                        .build(tb, memberId))
                .accept(MediaType.parseMediaType("text/csv"))
                .retrieve().body(byte[].class);
    }

    public List<Contribution> waitingOn(String tb, String memberId) {
        return ledger.get().uri(TB + "/members/{m}/pending-validations", tb, memberId)
                .retrieve().body(new ParameterizedTypeReference<List<Contribution>>() { });
    }

    public Contribution contribution(String tb, String id) {
        return ledger.get().uri(TB + "/contributions/{id}", tb, id).retrieve().body(Contribution.class);
    }

    public Contribution log(String tb, String requestId, Map<String, Object> request) {
        return post(ledger, TB + "/contributions", tb, requestId, request, Contribution.class);
    }

    public void confirm(String tb, String id, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", note == null || note.isBlank() ? null : note);
        ledger.post().uri(TB + "/contributions/{id}/validation", tb, id)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    public void dispute(String tb, String id, String reason) {
        ledger.post().uri(TB + "/contributions/{id}/dispute", tb, id)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("reason", reason)).retrieve().toBodilessEntity();
    }

    public void withdraw(String tb, String id) {
        ledger.post().uri(TB + "/contributions/{id}/withdrawal", tb, id).retrieve().toBodilessEntity();
    }

    public StatementLine redeem(String tb, String requestId, String organisationId, long minutes, String offer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisationId", organisationId);
        body.put("minutes", minutes);
        body.put("offer", offer == null || offer.isBlank() ? null : offer);
        return post(ledger, TB + "/redemptions", tb, requestId, body, StatementLine.class);
    }

    public StatementLine give(String tb, String requestId, String toAccountId, long minutes, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("toAccountId", toAccountId);
        body.put("minutes", minutes);
        body.put("note", note == null || note.isBlank() ? null : note);
        return post(ledger, TB + "/gifts", tb, requestId, body, StatementLine.class);
    }

    public Member registerMember(String tb, String requestId, String kind, String name, String email, String language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("displayName", name);
        body.put("email", email);
        body.put("language", language);
        return post(ledger, TB + "/members", tb, requestId, body, Member.class);
    }

    /** The timebank's organisations by name (the ledger shows members their names and ids only). */
    public List<Dtos.Organisation> organisations(String tb) {
        return ledger.get().uri(u -> u.path(TB + "/organisations").build(tb))
                .retrieve().body(new ParameterizedTypeReference<List<Dtos.Organisation>>() { });
    }

    // matching

    public List<DirectoryEntry> directory(String tb, String name) {
        return matching.get().uri(u -> u.path(TB + "/directory").queryParam("name", name).build(tb))
                .retrieve().body(new ParameterizedTypeReference<List<DirectoryEntry>>() { });
    }

    public Dtos.OwnProfile ownProfile(String tb, String memberId) {
        return matching.get().uri(TB + "/profiles/{m}", tb, memberId).retrieve().body(Dtos.OwnProfile.class);
    }

    /** Pauses (or resumes) the member: no new matches meanwhile, without penalty. */
    public void pause(String tb, String memberId, boolean pause) {
        matching.post().uri(TB + "/profiles/{m}/" + (pause ? "pause" : "resume"), tb, memberId).retrieve().toBodilessEntity();
    }

    public Profile profile(String tb, String memberId) {
        return matching.get().uri(TB + "/profiles/{m}", tb, memberId).retrieve().body(Profile.class);
    }

    // notification

    public InboxPage inbox(String tb, int limit) {
        return notification.get().uri(u -> u.path(TB + "/inbox").queryParam("limit", limit).build(tb))
                .retrieve().body(InboxPage.class);
    }

    // identity

    /** Where the member's sign-in stands at identity-service now: ACTIVE, SUSPENDED, LOCKED… */
    public String accountStatus(String tb, String memberId) {
        Map<?, ?> account = identity.get().uri(TB + "/accounts/{m}", tb, memberId).retrieve().body(Map.class);
        return account == null ? null : String.valueOf(account.get("status"));
    }

    public void invite(String tb, String memberId, String email, String language) {
        identity.post().uri(TB + "/invitations", tb).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("memberId", memberId, "email", email, "language", language))
                .retrieve().toBodilessEntity();
    }

    /** A command with an Idempotency-Key chosen when the form was shown: a double submit changes nothing twice. */
    private static <T> T post(RestClient client, String path, String tb, String requestId, Object body, Class<T> type) {
        return client.post().uri(path, tb).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (requestId != null && requestId.matches("[A-Za-z0-9-]{8,64}")) {
                        h.set("Idempotency-Key", requestId);
                    }
                })
                .body(body).retrieve().body(type);
    }
}
