package org.reciprocity.portal.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.reciprocity.portal.PortalSettings;
import org.reciprocity.portal.services.Services;
import org.reciprocity.portal.words.Dates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18, right of access: the member's copy of what each of the five services keeps about them
 * ({@code GET …/members/{me}/personal-data}, SELF), put together here as one ZIP: a folder per service,
 * a JSON and a CSV file per collection, and a README in plain words that also says which part could not
 * be read. Made in the background ({@link ExportExecutor}) while the page shows how far it got; kept in
 * the member's session only.
 */
@Component
class PersonalDataExport {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, String> holders = new LinkedHashMap<>();
    private final OAuth2AuthorizedClientManager clients;
    private final ExportExecutor executor;
    private final MessageSource messages;
    private final Clock clock = Clock.systemUTC();

    PersonalDataExport(PortalSettings settings, @Value("${reciprocity.review-url}") String reviewUrl,
                       OAuth2AuthorizedClientManager clients, ExportExecutor executor, MessageSource messages) {
        holders.put("ledger-service", settings.ledgerUrl());
        holders.put("matching-service", settings.matchingUrl());
        holders.put("notification-service", settings.notificationUrl());
        holders.put("identity-service", settings.identityUrl());
        holders.put("review-service", reviewUrl);
        this.clients = clients;
        this.executor = executor;
        this.messages = messages;
    }

    /** The file made, for the session: its bytes, the parts in it and the parts that could not be read. */
    record Built(Instant at, byte[] zip, List<String> included, List<String> missing) implements Serializable {
    }

    /** A file being made: how many parts are read so far, then the file. Kept in the session. */
    static final class Preparation implements Serializable {

        private final int parts;
        private final AtomicInteger read = new AtomicInteger();
        private volatile Built built;

        Preparation(int parts) {
            this.parts = parts;
        }

        int parts() {
            return parts;
        }

        int read() {
            return read.get();
        }

        void oneRead() {
            read.incrementAndGet();
        }

        /** The file, or null while it is being made. */
        Built built() {
            return built;
        }
    }

    /**
     * Starts making the member's file. Runs on the request thread only to take the member's access token
     * (from their server session, refreshed if due), which the background reads then carry.
     */
    Preparation start(String tb, String memberId, Locale locale, ZoneId zone) {
        OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("reciprocity")
                .principal(SecurityContextHolder.getContext().getAuthentication()).build());
        String token = client == null ? null : client.getAccessToken().getTokenValue();
        Preparation preparation = new Preparation(holders.size());
        executor.execute(() -> make(preparation, tb, memberId, token, locale, zone));
        return preparation;
    }

    private void make(Preparation preparation, String tb, String memberId, String token, Locale locale, ZoneId zone) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        holders.keySet().forEach(service -> answers.put(service, null));
        try {
            for (Map.Entry<String, String> holder : holders.entrySet()) {
                answers.put(holder.getKey(), token == null ? null : quietly(client(holder.getValue(), token, locale), tb, memberId));
                preparation.oneRead();
            }
        } finally {
            // whatever happened, the page stops waiting: what could not be read is named
            Instant now = clock.instant();
            preparation.built = zip(now, answers, readme(now, answers, locale, zone));
        }
    }

    /** A client of one service with the member's token and language, for a thread with no request. */
    private static RestClient client(String baseUrl, String token, Locale locale) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory();
        requests.setReadTimeout(java.time.Duration.ofSeconds(20)); // a service that hangs becomes a missing part
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .defaultHeaders(headers -> {
                    headers.setBearerAuth(token);
                    headers.set(HttpHeaders.ACCEPT_LANGUAGE, locale.getLanguage());
                })
                .build();
    }

    /** What a service answered: its collections (name to documents), or null when it could not say. */
    private static JsonNode quietly(RestClient client, String tb, String memberId) {
        try {
            String body = client.get().uri(Services.TB + "/members/{m}/personal-data", tb, memberId)
                    .retrieve().body(String.class);
            JsonNode answer = body == null ? null : JSON.readTree(body);
            return answer == null || !answer.path("collections").isObject() ? null : answer.path("collections");
        } catch (RuntimeException notThere) {
            return null; // refused, not reachable or not JSON: the part is missing, said on the page and in the README
        }
    }

    /** The ZIP: {@code README.txt}, then {@code <service>/<collection>.json} and {@code .csv} for each service that answered. */
    static Built zip(Instant at, Map<String, JsonNode> answers, String readme) {
        List<String> included = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.txt", readme);
            for (Map.Entry<String, JsonNode> part : answers.entrySet()) {
                if (part.getValue() == null) {
                    missing.add(part.getKey());
                    continue;
                }
                included.add(part.getKey());
                zip.putNextEntry(new ZipEntry(part.getKey() + "/"));
                zip.closeEntry();
                for (Map.Entry<String, JsonNode> collection : part.getValue().properties()) {
                    String name = part.getKey() + "/" + safe(collection.getKey());
                    put(zip, name + ".json", JSON.writeValueAsString(collection.getValue()));
                    put(zip, name + ".csv", ExportCsv.of(collection.getValue()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Built(at, bytes.toByteArray(), List.copyOf(included), List.copyOf(missing));
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A collection's name as a file name: nothing a service sends can climb out of its folder. */
    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9_-]+", "_");
        return cleaned.isEmpty() ? "_" : cleaned;
    }

    /** The README.txt, in the member's language: what the file is, each folder, and what is missing. */
    private String readme(Instant at, Map<String, JsonNode> answers, Locale locale, ZoneId zone) {
        String day = Dates.day(at.atZone(zone).toLocalDate(), locale);
        StringBuilder text = new StringBuilder();
        text.append(text(locale, "dataExport.readme.intro", day)).append("\n\n");
        text.append(text(locale, "dataExport.readme.folders")).append('\n');
        text.append(text(locale, "dataExport.readme.json")).append('\n');
        text.append(text(locale, "dataExport.readme.csv")).append("\n\n");
        List<String> missing = answers.entrySet().stream().filter(a -> a.getValue() == null).map(Map.Entry::getKey).toList();
        answers.keySet().stream().filter(s -> !missing.contains(s))
                .forEach(s -> text.append(s).append(" – ").append(words(s, locale)).append('\n'));
        if (!missing.isEmpty()) {
            text.append('\n').append(text(locale, "dataExport.readme.missing")).append('\n');
            missing.forEach(s -> text.append(s).append(" – ").append(words(s, locale)).append('\n'));
        }
        text.append('\n').append(text(locale, "dataExport.readme.help")).append('\n');
        return text.toString();
    }

    /** The words of a service's part ({@code erasure.service.ledger}…), as on the admin's erasure page. */
    String words(String service, Locale locale) {
        String key = "erasure.service." + service.replace("-service", "");
        return messages.getMessage(key, null, service, locale);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
