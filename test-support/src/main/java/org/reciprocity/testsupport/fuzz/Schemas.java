package org.reciprocity.testsupport.fuzz;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas of an OpenAPI document: resolves {@code $ref}s, tells a schema's kind and builds a
 * plausible value for it, the base each fuzz case then breaks in exactly one place.
 */
final class Schemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int DEEPEST = 6;

    private final JsonNode components;

    Schemas(JsonNode components) {
        this.components = components;
    }

    /** The node a {@code $ref} names (components' schemas only), or the node itself. */
    JsonNode resolve(JsonNode node) {
        for (int hops = 0; node != null && node.has("$ref") && hops < 20; hops++) {
            String ref = node.path("$ref").asString();
            node = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** string, integer, number, boolean, array, object or enum; {@code any} when the schema does not say. */
    String kind(JsonNode schema) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            return "enum";
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asString())) {
                    return each.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        for (String combinator : new String[] {"allOf", "oneOf", "anyOf"}) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                return kind(schema.path(combinator).get(0));
            }
        }
        return schema.has("properties") ? "object" : "any";
    }

    /** The object's properties, {@code allOf} parts merged. */
    Map<String, JsonNode> properties(JsonNode schema) {
        schema = resolve(schema);
        Map<String, JsonNode> properties = new java.util.LinkedHashMap<>();
        for (JsonNode part : schema.path("allOf")) {
            properties.putAll(properties(part));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            properties.put(property.getKey(), resolve(property.getValue()));
        }
        return properties;
    }

    boolean required(JsonNode schema, String property) {
        for (JsonNode name : resolve(schema).path("required")) {
            if (name.asString().equals(property)) {
                return true;
            }
        }
        return false;
    }

    /** A plausible value: ids look like ids, dates are today, enums take their first constant. */
    JsonNode sample(JsonNode schema, String name) {
        return sample(resolve(schema), name, 0);
    }

    private JsonNode sample(JsonNode schema, String name, int depth) {
        schema = resolve(schema);
        switch (kind(schema)) {
            case "enum":
                return schema.path("enum").get(0);
            case "integer":
                return JSON.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number":
                return JSON.numberNode(1);
            case "boolean":
                return JSON.booleanNode(true);
            case "array": {
                ArrayNode array = JSON.arrayNode();
                if (depth < DEEPEST) {
                    array.add(sample(schema.path("items"), name, depth + 1));
                }
                return array;
            }
            case "object": {
                ObjectNode object = JSON.objectNode();
                if (depth < DEEPEST) {
                    properties(schema).forEach((property, value) -> object.set(property, sample(value, property, depth + 1)));
                }
                return object;
            }
            case "string":
                return JSON.stringNode(text(schema, name));
            default:
                return JSON.stringNode("fuzz");
        }
    }

    private static String text(JsonNode schema, String name) {
        String format = schema.path("format").asString("");
        switch (format) {
            case "date":
                return LocalDate.now(ZoneOffset.UTC).toString();
            case "date-time":
                return Instant.now().toString();
            case "uuid":
                return java.util.UUID.randomUUID().toString();
            case "email":
                return "fuzz@example.org";
            default:
                break;
        }
        if (name != null && (name.endsWith("Id") || name.equals("id"))) {
            return "fuzz-" + name;
        }
        return "Fuzz text";
    }
}
