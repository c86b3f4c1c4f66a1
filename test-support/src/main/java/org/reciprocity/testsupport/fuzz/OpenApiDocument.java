package org.reciprocity.testsupport.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reciprocity.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * Every operation under {@code /api/} of a running service's OpenAPI document ({@code GET /v3/api-docs}),
 * read afresh on each run, so a new endpoint is fuzzed the moment it exists. (The authorization
 * matrix reads the same document for its rules; the fuzzer needs the parameters and body schemas.)
 */
final class OpenApiDocument {

    static final String DOCUMENT = "/v3/api-docs";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiDocument() {
    }

    /** The operations, and the document's schemas they refer to. */
    record Read(List<FuzzOperation> operations, Schemas schemas) {
    }

    static Read read(ApiClient api, String token) {
        ApiClient.Response response = api.get(DOCUMENT, token);
        if (response.status() != 200) {
            throw new AssertionError("The OpenAPI document " + DOCUMENT + " answered " + response.status() + ": "
                    + response.body());
        }
        JsonNode document = response.json();
        Schemas schemas = new Schemas(document.path("components").path("schemas"));
        List<FuzzOperation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> item : path.getValue().properties()) {
                if (METHODS.contains(item.getKey())) {
                    operations.add(operation(item.getKey().toUpperCase(Locale.ROOT), path.getKey(), item.getValue(),
                            schemas));
                }
            }
        }
        return new Read(List.copyOf(operations), schemas);
    }

    private static FuzzOperation operation(String method, String path, JsonNode operation, Schemas schemas) {
        Map<String, JsonNode> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = schemas.resolve(parameter);
            if ("query".equals(resolved.path("in").asString(""))) {
                query.put(resolved.path("name").asString(), schemas.resolve(resolved.path("schema")));
            }
        }
        JsonNode body = null;
        boolean required = false;
        JsonNode requestBody = schemas.resolve(operation.path("requestBody"));
        if (!requestBody.isMissingNode()) {
            JsonNode content = requestBody.path("content");
            JsonNode json = content.has("application/json") ? content.path("application/json")
                    : content.properties().isEmpty() ? null : content.properties().iterator().next().getValue();
            if (json != null) {
                body = schemas.resolve(json.path("schema"));
                required = requestBody.path("required").asBoolean(false);
            }
        }
        return new FuzzOperation(method, path, query, body, required);
    }
}
