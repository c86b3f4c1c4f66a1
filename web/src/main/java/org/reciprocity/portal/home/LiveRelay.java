package org.reciprocity.portal.home;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.signin.SignedIn;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /live}: notification-service's inbox stream, relayed under the portal's session. A browser's
 * EventSource cannot send a bearer token, so the portal opens the stream with the session's token and
 * passes each new item on as a small piece of HTML for htmx to put in {@code #live}. When the service
 * closes the stream (the token's time is up), the relay ends too and the browser reconnects, which
 * opens a new stream with a fresh token.
 */
@RestController
class LiveRelay {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OAuth2AuthorizedClientManager clients;
    private final PortalSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LiveRelay(OAuth2AuthorizedClientManager clients, PortalSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> live(HttpServletRequest request, HttpServletResponse response) {
        SignedIn me = SignedIn.current();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("reciprocity")
                .principal(auth)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build());
        if (me == null || client == null) {
            return ResponseEntity.status(401).build();
        }
        String language = LocaleContextHolder.getLocale().getLanguage();
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(20).toMillis());
        AtomicReference<InputStream> upstream = new AtomicReference<>();
        Runnable close = () -> {
            InputStream in = upstream.getAndSet(null);
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // already gone
                }
            }
        };
        emitter.onCompletion(close);
        emitter.onTimeout(close);
        emitter.onError(e -> close.run());
        HttpRequest follow = HttpRequest.newBuilder(URI.create(settings.notificationUrl()
                        + "/api/v1/timebanks/" + me.timebankId() + "/inbox/stream"))
                .header("Authorization", "Bearer " + client.getAccessToken().getTokenValue())
                .header("Accept", "text/event-stream")
                .header("Accept-Language", language)
                .GET().build();
        Thread relay = new Thread(() -> relay(follow, emitter, upstream), "live-" + me.memberId());
        relay.setDaemon(true);
        relay.start();
        return ResponseEntity.ok().header("X-Accel-Buffering", "no").body(emitter);
    }

    private void relay(HttpRequest follow, SseEmitter emitter, AtomicReference<InputStream> upstream) {
        try {
            HttpResponse<InputStream> answer = http.send(follow, HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                answer.body().close();
                emitter.complete();
                return;
            }
            upstream.set(answer.body());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
                String event = null;
                StringBuilder data = new StringBuilder();
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isEmpty()) {
                        if (!pass(event, data.toString(), emitter)) {
                            break;
                        }
                        event = null;
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            }
            emitter.complete();
        } catch (IOException | RuntimeException gone) {
            emitter.complete();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    /** Passes one event on; false when the stream should end. */
    private static boolean pass(String event, String data, SseEmitter emitter) throws IOException {
        if ("closed".equals(event)) {
            return false;
        }
        if ("inbox".equals(event) && !data.isEmpty()) {
            emitter.send(SseEmitter.event().name("inbox").data(html(JSON.readTree(data))));
        }
        return true;
    }

    /** One new item as the page shows it; every word escaped, since it comes from another service. */
    static String html(JsonNode item) {
        StringBuilder html = new StringBuilder("<div class=\"govuk-inset-text live-item\" data-kind=\"")
                .append(HtmlUtils.htmlEscape(text(item, "kind"))).append("\"><p class=\"govuk-body govuk-!-font-weight-bold\">")
                .append(HtmlUtils.htmlEscape(text(item, "title"))).append("</p>");
        JsonNode paragraphs = item.get("paragraphs");
        if (paragraphs != null && paragraphs.isArray()) {
            for (JsonNode p : paragraphs) {
                html.append("<p class=\"govuk-body\">").append(HtmlUtils.htmlEscape(p.asString())).append("</p>");
            }
        }
        return html.append("</div>").toString();
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
