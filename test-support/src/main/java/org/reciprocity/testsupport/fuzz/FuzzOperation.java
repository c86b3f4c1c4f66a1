package org.reciprocity.testsupport.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * One operation of a service's OpenAPI document as the fuzzer needs it: method, path template, the
 * declared query parameters with their schemas, and the JSON request body's schema ({@code $ref}s
 * resolved by {@link Schemas}) or null when it takes none.
 */
record FuzzOperation(String method, String path, Map<String, JsonNode> query, JsonNode body, boolean bodyRequired) {

    static final String TIMEBANK = "timebankId";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)\\}");

    List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return Collections.unmodifiableList(names);
    }

    boolean takesBody() {
        return body != null;
    }

    /** The path with each variable replaced by its already encoded segment. */
    String fill(Map<String, String> encoded) {
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(encoded.get(matcher.group(1))));
        }
        return matcher.appendTail(filled).toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
