package org.reciprocity.testsupport.matrix;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.reciprocity.testsupport.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * Reads a running service's operations from its OpenAPI document ({@code GET /v3/api-docs}), so a
 * new endpoint is in the matrix the moment it exists. Only paths under {@code /api/} count. An
 * operation without {@code x-access} or naming a relation the matrix does not know is a problem,
 * never skipped in silence.
 */
final class OpenApiOperations {

    static final String DOCUMENT = "/v3/api-docs";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** The operations that carry a rule, and what is wrong with the others. */
    record Read(List<Operation> operations, List<String> problems) {
    }

    private OpenApiOperations() {
    }

    static Read read(ApiClient api, String token) {
        ApiClient.Response response = api.get(DOCUMENT, token);
        if (response.status() != 200) {
            throw new AssertionError("The OpenAPI document " + DOCUMENT + " answered " + response.status() + ": "
                    + response.body());
        }
        List<Operation> operations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : response.json().path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> item : path.getValue().properties()) {
                if (METHODS.contains(item.getKey())) {
                    read(item.getKey().toUpperCase(Locale.ROOT), path.getKey(), item.getValue(), operations, problems);
                }
            }
        }
        return new Read(List.copyOf(operations), List.copyOf(problems));
    }

    private static void read(String method, String path, JsonNode operation, List<Operation> operations,
            List<String> problems) {
        String name = method + " " + path;
        String rule = operation.path("x-access").asString("");
        JsonNode allowed = operation.path("x-access-allowed");
        if (rule.isEmpty() || !allowed.isArray() || allowed.isEmpty()) {
            problems.add(name + ": no access rule in the OpenAPI document (x-access, x-access-allowed)");
            return;
        }
        Set<Relation> relations = EnumSet.noneOf(Relation.class);
        for (JsonNode relation : allowed) {
            try {
                relations.add(Relation.valueOf(relation.asString()));
            } catch (IllegalArgumentException e) {
                problems.add(name + ": rule " + rule + " allows " + relation.asString()
                        + ", a relation the matrix does not know (see matrix.Relation)");
                return;
            }
        }
        operations.add(new Operation(method, path, rule, relations));
    }
}
