package org.reciprocity.portal.queue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reciprocity.portal.privacy.ReadReasonChoice;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.signin.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /coordinator}: the coordinator's queue, their home. Filter ({@code kind}) and order
 * ({@code sort=oldest|newest}) are in the address, so the page works with JavaScript off and can be
 * bookmarked; htmx re-fetches the list every 30 seconds and when the live stream brings something
 * new, asking for the list alone ({@code HX-Request}). The security configuration keeps the page to
 * coordinators and admins; the services check the token again.
 */
@Controller
class QueueController {

    private static final Logger log = LoggerFactory.getLogger(QueueController.class);

    private final QueueReads reads;
    private final MessageSource messages;
    private final OAuth2AuthorizedClientManager clients;

    QueueController(QueueReads reads, MessageSource messages, OAuth2AuthorizedClientManager clients) {
        this.reads = reads;
        this.messages = messages;
        this.clients = clients;
    }

    @GetMapping("/coordinator")
    String queue(@RequestParam(required = false) String kind, @RequestParam(required = false) String sort,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        String tb = SignedIn.current().timebankId();
        Services.Handover person = handover(request, response);
        Optional<Kind> only = Kind.fromKey(kind);
        boolean newestFirst = "newest".equals(sort);
        int perKind = only.isPresent() ? QueueReads.PER_KIND : QueueReads.OVERVIEW_PER_KIND;
        CompletableFuture<QueueReads.MatchingQueue> matching = reads.matching(person, tb, perKind, newestFirst);
        CompletableFuture<QueueReads.LedgerQueue> ledger = reads.ledger(person, tb, perKind, newestFirst);
        CoordinatorQueue queue = CoordinatorQueue.of(answer(matching, "matching"), answer(ledger, "ledger"), only,
                newestFirst, messages, LocaleContextHolder.getLocale());
        model.addAttribute("queue", queue);
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("kind", only.map(Kind::key).orElse(""));
        model.addAttribute("sort", newestFirst ? "newest" : "oldest");
        model.addAttribute("now", java.time.Instant.now());
        return "true".equals(htmx) ? "queue/queue :: list" : "queue/queue";
    }

    /**
     * The person as the two reads carry them, taken here on the page's own thread: the access token
     * made fresh (refreshed if due, so the reads that follow in parallel never both refresh it), the
     * page's language and the read reason chosen in this session.
     */
    private Services.Handover handover(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("reciprocity")
                .principal(SecurityContextHolder.getContext().getAuthentication())
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build());
        if (client == null) {
            throw new ServiceRefusal(401, "sign-in-needed", null); // the session's end: sign in again
        }
        return new Services.Handover(client.getAccessToken().getTokenValue(), LocaleContextHolder.getLocale(),
                ReadReasonChoice.current().orElse(null));
    }

    /**
     * A service's answer; null when it did not answer (the page shows the rest and says what is
     * missing). A 401 is the session's end: it goes up, so the portal asks the person to sign in.
     */
    private static <T> T answer(CompletableFuture<T> read, String service) {
        try {
            return read.get(QueueReads.WAIT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ServiceRefusal refusal && refusal.status() == 401) {
                throw refusal;
            }
            log.warn("the coordinator queue could not read {}: {}", service, String.valueOf(e.getCause()));
            return null;
        } catch (TimeoutException e) {
            read.cancel(true);
            log.warn("the coordinator queue gave up waiting for {}", service);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
