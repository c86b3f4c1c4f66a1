package org.reciprocity.portal.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.reciprocity.portal.services.ServiceRefusal;
import org.reciprocity.portal.services.Services;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18, right of access: the member's copy of what each of the five services keeps about them
 * ({@code GET …/members/{me}/personal-data}, SELF), put together here as one ZIP: a folder per service,
 * a JSON file per collection, and a README in plain words that also says which part could not be read.
 * Built while the member waits (five small reads), kept in their session only until they download it.
 */
@Component
class PersonalDataExport {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Map<String, RestClient> holders = new LinkedHashMap<>();

    PersonalDataExport(Services services, @Value("${reciprocity.review-url}") String reviewUrl,
                       OAuth2AuthorizedClientManager clients) {
        holders.put("ledger-service", services.ledger());
        holders.put("matching-service", services.matching());
        holders.put("notification-service", services.notification());
        holders.put("identity-service", services.identity());
        holders.put("review-service", Services.asThePerson(reviewUrl, clients));
    }

    /** The file made, for the session: its bytes, the parts in it and the parts that could not be read. */
    record Built(Instant at, byte[] zip, List<String> included, List<String> missing) implements Serializable {
    }

    /** What each service answered: its collections (name to documents), or null when it could not say. */
    Map<String, JsonNode> read(String tb, String memberId) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        holders.forEach((service, client) -> answers.put(service, quietly(client, tb, memberId)));
        return answers;
    }

    private static JsonNode quietly(RestClient client, String tb, String memberId) {
        try {
            String body = client.get().uri(Services.TB + "/members/{m}/personal-data", tb, memberId)
                    .retrieve().body(String.class);
            JsonNode answer = body == null ? null : JSON.readTree(body);
            return answer == null || !answer.path("collections").isObject() ? null : answer.path("collections");
        } catch (ServiceRefusal | ResourceAccessException notThere) {
            if (notThere instanceof ServiceRefusal refusal && refusal.status() == 401) {
                throw refusal;
            }
            return null;
        } catch (RuntimeException unreadable) {
            return null; // not JSON: the part is missing, said in the README
        }
    }

    /** The ZIP: {@code README.txt}, then {@code <service>/<collection>.json} for each service that answered. */
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
                    put(zip, part.getKey() + "/" + safe(collection.getKey()) + ".json",
                            JSON.writeValueAsString(collection.getValue()));
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
}
