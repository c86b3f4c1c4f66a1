package org.reciprocity.testsupport.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.reciprocity.contracts.kafka.EventJson;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cases for one operation: hostile values in each path variable and each query parameter, and,
 * for an operation that takes a JSON body, a plausible body from its schema broken in one place at a
 * time (each property given a wrong type, a null, a control character, a number out of range...),
 * bodies that are not JSON or not the right JSON, too deep, too large, or sent as something else.
 * Deterministic: the few random strings come from a {@link Random} seeded by the operation, so a
 * failing case comes back on the next run.
 */
final class Cases {

    private static final String JSON = "application/json";
    private static final String PLACEHOLDER = "\u2063fuzz-raw\u2063";
    /** Over the kits' 128 KiB limit, and over 200 KB as the issue asks. */
    private static final int HUGE = 210_000;

    private final Schemas schemas;
    private final Map<String, String> pathValues;
    private final List<FuzzCase> cases = new ArrayList<>();
    private FuzzOperation operation;
    private Random random;

    private Cases(Schemas schemas, Map<String, String> pathValues) {
        this.schemas = schemas;
        this.pathValues = pathValues;
    }

    static List<FuzzCase> of(FuzzOperation operation, Schemas schemas, Map<String, String> pathValues) {
        Cases cases = new Cases(schemas, pathValues);
        cases.operation = operation;
        cases.random = new Random(operation.toString().hashCode());
        cases.all();
        return cases.cases;
    }

    /** The plausible body the cases break, as JSON text; null when the operation takes none. */
    static String baseBody(FuzzOperation operation, Schemas schemas) {
        return operation.takesBody() ? EventJson.mapper().writeValueAsString(schemas.sample(operation.body(), null)) : null;
    }

    private void all() {
        hostilePaths();
        hostileQueries();
        if (operation.takesBody()) {
            brokenBodies();
            brokenProperties();
        }
    }

    // ---- paths

    private void hostilePaths() {
        List<String[]> values = new ArrayList<>(List.of(
                new String[] {"NUL", encode("a\u0000b")},
                new String[] {"encoded NUL as text", encode("%00")},
                new String[] {"../ traversal", encode("../../etc/passwd")},
                new String[] {"raw ..", ".."},
                new String[] {"double-encoded ../", "%252e%252e%252f"},
                new String[] {"encoded ../", "%2e%2e%2f"},
                new String[] {"5 KB id", "x".repeat(5_000)},
                new String[] {"unicode", encode("ünïcødé-名前-🌱\u202e")},
                new String[] {"NoSQL operator", encode("{\"$gt\":\"\"}")},
                new String[] {"SQL", encode("' OR '1'='1' --")},
                new String[] {"space and line break", encode("a b\nc")},
                new String[] {"semicolon", encode("a;b=c")},
                new String[] {"backslash", encode("a\\b")},
                new String[] {"empty", ""},
                new String[] {"random text", encode(randomText(40))}));
        String body = baseBody(operation, schemas);
        for (String variable : operation.variables()) {
            for (String[] value : values) {
                Map<String, String> path = encodedPath();
                path.put(variable, value[1]);
                cases.add(new FuzzCase(operation, CaseClass.HOSTILE_PATH, value[0] + " in {" + variable + "}",
                        operation.fill(path), body == null ? null : JSON, bytes(body), false));
            }
        }
    }

    // ---- query parameters

    private void hostileQueries() {
        String body = baseBody(operation, schemas);
        String path = operation.fill(encodedPath());
        List<String[]> values = List.of(
                new String[] {"NUL", encode("a\u0000b")},
                new String[] {"5 KB", "q".repeat(5_000)},
                new String[] {"unicode", encode("ünïcødé 🌱\u202e")},
                new String[] {"NoSQL operator", encode("{\"$gt\":\"\"}")},
                new String[] {"negative", "-1"},
                new String[] {"past long", "99999999999999999999999"},
                new String[] {"a fraction", "1.5"},
                new String[] {"1e309", "1e309"},
                new String[] {"empty", ""},
                new String[] {"not a date", "2024-13-45"},
                new String[] {"random text", encode(randomText(30))});
        for (String parameter : operation.query().keySet()) {
            for (String[] value : values) {
                cases.add(new FuzzCase(operation, CaseClass.HOSTILE_QUERY, value[0] + " in ?" + parameter,
                        path + "?" + encode(parameter) + "=" + value[1], body == null ? null : JSON, bytes(body), false));
            }
            cases.add(new FuzzCase(operation, CaseClass.HOSTILE_QUERY, "?" + parameter + " twice",
                    path + "?" + encode(parameter) + "=1&" + encode(parameter) + "=x", body == null ? null : JSON,
                    bytes(body), false));
        }
        cases.add(new FuzzCase(operation, CaseClass.HOSTILE_QUERY, "unknown operator parameters",
                path + "?" + encode("$where") + "=sleep(1000)&" + encode("filter[$ne]") + "=1&" + encode("__proto__[x]")
                        + "=1&timebankId=elsewhere", body == null ? null : JSON, bytes(body), false));
    }

    // ---- whole bodies

    private void brokenBodies() {
        String path = operation.fill(encodedPath());
        String base = baseBody(operation, schemas);
        boolean object = "object".equals(schemas.kind(operation.body()));
        add(path, CaseClass.MALFORMED_JSON, "truncated", base.substring(0, base.length() / 2));
        add(path, CaseClass.MALFORMED_JSON, "only an opening brace", "{");
        add(path, CaseClass.MALFORMED_JSON, "a trailing comma", object ? base.substring(0, base.length() - 1) + ",}" : "[1,]");
        add(path, CaseClass.MALFORMED_JSON, "single quotes", "{'id':'x'}");
        add(path, CaseClass.MALFORMED_JSON, "a misspelt null", "nul");
        add(path, CaseClass.MALFORMED_JSON, "trailing content", base + "}{");
        add(path, CaseClass.MALFORMED_JSON, "NaN", object ? "{\"x\":NaN}" : "[NaN]");
        add(path, CaseClass.MALFORMED_JSON, "a raw control character", object ? "{\"x\":\"a\u0001b\"}" : "[\"a\u0001b\"]");
        cases.add(new FuzzCase(operation, CaseClass.MALFORMED_JSON, "invalid UTF-8", path, JSON,
                new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false));
        if (object && !schemas.properties(operation.body()).isEmpty()) {
            String first = schemas.properties(operation.body()).keySet().iterator().next();
            add(path, CaseClass.MALFORMED_JSON, "a field given twice",
                    "{\"" + first + "\":" + EventJson.mapper().writeValueAsString(schemas.sample(
                            schemas.properties(operation.body()).get(first), first)) + "," + base.substring(1));
        }
        if (operation.bodyRequired()) {
            add(path, CaseClass.MALFORMED_JSON, "an empty body", "");
        }
        if (object) {
            add(path, CaseClass.WRONG_SHAPE, "an array where an object is expected", "[" + base + "]");
            add(path, CaseClass.WRONG_SHAPE, "an empty array", "[]");
            add(path, CaseClass.WRONG_SHAPE, "a number", "42");
            add(path, CaseClass.WRONG_SHAPE, "a string", "\"text\"");
            add(path, CaseClass.WRONG_SHAPE, "true", "true");
            if (operation.bodyRequired()) {
                add(path, CaseClass.WRONG_SHAPE, "null", "null");
            }
        } else {
            add(path, CaseClass.WRONG_SHAPE, "an object where something else is expected", "{\"x\":1}");
        }
        add(path, CaseClass.DEEP_NESTING, "arrays 20,000 deep", "[".repeat(20_000) + "]".repeat(20_000));
        add(path, CaseClass.DEEP_NESTING, "objects 5,000 deep", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
        String huge = "x".repeat(HUGE);
        String oversized = object ? "{\"pad\":\"" + huge + "\"," + base.substring(1) : "[\"" + huge + "\"]";
        add(path, CaseClass.OVERSIZED, "210 KB with its length", oversized);
        cases.add(new FuzzCase(operation, CaseClass.OVERSIZED, "210 KB chunked, no length", path, JSON,
                bytes(oversized), true));
        add(path, CaseClass.OVERSIZED, "129 KiB of whitespace then JSON", " ".repeat(129 * 1024) + base);
        cases.add(new FuzzCase(operation, CaseClass.WRONG_CONTENT_TYPE, "text/plain", path, "text/plain", bytes(base), false));
        cases.add(new FuzzCase(operation, CaseClass.WRONG_CONTENT_TYPE, "application/xml", path, "application/xml",
                bytes("<a><id>x</id></a>"), false));
        cases.add(new FuzzCase(operation, CaseClass.WRONG_CONTENT_TYPE, "a form", path,
                "application/x-www-form-urlencoded", bytes("id=x&name=y"), false));
        cases.add(new FuzzCase(operation, CaseClass.WRONG_CONTENT_TYPE, "multipart without a boundary", path,
                "multipart/form-data", bytes(base), false));
        cases.add(new FuzzCase(operation, CaseClass.WRONG_CONTENT_TYPE, "no content type", path, null, bytes(base), false));
        cases.add(new FuzzCase(operation, CaseClass.WRONG_CONTENT_TYPE, "an unknown charset", path,
                "application/json; charset=no-such-charset", bytes(base), false));
    }

    private void add(String path, CaseClass kind, String what, String body) {
        cases.add(new FuzzCase(operation, kind, what, path, JSON, bytes(body), false));
    }

    // ---- one property at a time

    /** A property of the body somewhere: where it is, its schema, whether its object requires it. */
    private record Target(List<Object> at, String name, JsonNode schema, boolean required) {
        String where() {
            StringBuilder where = new StringBuilder();
            for (Object step : at) {
                where.append(step instanceof Integer i ? "[" + i + "]" : (where.isEmpty() ? "" : ".") + step);
            }
            return where.toString();
        }
    }

    private void brokenProperties() {
        String path = operation.fill(encodedPath());
        JsonNode base = schemas.sample(operation.body(), null);
        List<Target> targets = new ArrayList<>();
        collect(operation.body(), new ArrayList<>(), targets, 0);
        for (Target target : targets) {
            for (Mutation mutation : mutations(target)) {
                String body = mutation.remove ? removed(base, target) : replaced(base, target, mutation.json);
                cases.add(new FuzzCase(operation, mutation.kind, mutation.what + " for " + target.where(), path, JSON,
                        bytes(body), false));
            }
        }
        if ("object".equals(schemas.kind(operation.body()))) {
            ObjectNode extra = ((ObjectNode) base.deepCopy());
            extra.put("$where", "1 == 1");
            extra.putObject("__proto__").put("admin", true);
            cases.add(new FuzzCase(operation, CaseClass.UNKNOWN_PROPERTY, "unknown $where and __proto__", path, JSON,
                    bytes(EventJson.mapper().writeValueAsString(extra)), false));
        }
    }

    private void collect(JsonNode schema, List<Object> at, List<Target> targets, int depth) {
        String kind = schemas.kind(schema);
        if ("array".equals(kind) && depth < 2) {
            List<Object> item = new ArrayList<>(at);
            item.add(0);
            collect(schemas.resolve(schema).path("items"), item, targets, depth + 1);
            return;
        }
        if (!"object".equals(kind) || depth > 2) {
            return;
        }
        schemas.properties(schema).forEach((name, property) -> {
            List<Object> here = new ArrayList<>(at);
            here.add(name);
            targets.add(new Target(here, name, property, schemas.required(schema, name)));
            collect(property, here, targets, depth + 1);
        });
    }

    private record Mutation(CaseClass kind, String what, String json, boolean remove) {
        static Mutation of(CaseClass kind, String what, String json) {
            return new Mutation(kind, what, json, false);
        }
    }

    private List<Mutation> mutations(Target target) {
        List<Mutation> mutations = new ArrayList<>();
        JsonNode schema = target.schema();
        String kind = schemas.kind(schema);
        if (target.required()) {
            mutations.add(Mutation.of(CaseClass.NULL_FOR_REQUIRED, "null", "null"));
            mutations.add(new Mutation(CaseClass.MISSING_REQUIRED, "missing", null, true));
        } else {
            mutations.add(Mutation.of(CaseClass.NULL_FOR_OPTIONAL, "null", "null"));
        }
        switch (kind) {
            case "string" -> strings(schema, mutations);
            case "enum" -> {
                mutations.add(Mutation.of(CaseClass.NOT_IN_ENUM, "no such constant", "\"NO_SUCH_CONSTANT\""));
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "an enum by number", "0"));
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "an object", "{\"$gt\":\"\"}"));
            }
            case "integer" -> {
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "a number as text", "\"5\""));
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "true", "true"));
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "an object", "{\"$gt\":0}"));
                mutations.add(Mutation.of(CaseClass.FLOAT_FOR_INTEGER, "5.5", "5.5"));
                mutations.add(Mutation.of(CaseClass.FLOAT_FOR_INTEGER, "1e3", "1e3"));
                mutations.add(Mutation.of(CaseClass.OUT_OF_RANGE, "past a long", "99999999999999999999999"));
                mutations.add(Mutation.of(CaseClass.OUT_OF_RANGE, "below a long", "-99999999999999999999999"));
                if ("int32".equals(schema.path("format").asString(""))) {
                    mutations.add(Mutation.of(CaseClass.OUT_OF_RANGE, "past an int", "2147483648"));
                }
                if (schema.has("maximum")) {
                    mutations.add(Mutation.of(CaseClass.OUT_OF_RANGE, "over its maximum",
                            String.valueOf(schema.path("maximum").asLong() + 1)));
                }
                if (schema.has("minimum")) {
                    mutations.add(Mutation.of(CaseClass.OUT_OF_RANGE, "under its minimum",
                            String.valueOf(schema.path("minimum").asLong() - 1)));
                }
            }
            case "number" -> {
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "a number as text", "\"5\""));
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "true", "true"));
            }
            case "boolean" -> {
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "\"true\"", "\"true\""));
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "1", "1"));
            }
            case "array" -> {
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "an object for an array", "{\"$gt\":\"\"}"));
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "a string for an array", "\"x\""));
                if (schema.has("maxItems")) {
                    int over = schema.path("maxItems").asInt() + 1;
                    String item = EventJson.mapper().writeValueAsString(
                            schemas.sample(schemas.resolve(schema).path("items"), target.name()));
                    mutations.add(Mutation.of(CaseClass.BREAKS_SCHEMA, "over its maxItems",
                            "[" + String.join(",", java.util.Collections.nCopies(over, item)) + "]"));
                }
            }
            case "object" -> {
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "an array for an object", "[]"));
                mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "a string for an object", "\"x\""));
            }
            default -> mutations.add(Mutation.of(CaseClass.HOSTILE_TEXT, "an object", "{\"$gt\":\"\"}"));
        }
        return mutations;
    }

    private void strings(JsonNode schema, List<Mutation> mutations) {
        mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "a number for text", "42"));
        mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "true for text", "true"));
        mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "a NoSQL operator object", "{\"$gt\":\"\"}"));
        mutations.add(Mutation.of(CaseClass.WRONG_TYPE, "an array for text", "[\"x\"]"));
        mutations.add(Mutation.of(CaseClass.CONTROL_CHARACTERS, "NUL", "\"a\\u0000b\""));
        mutations.add(Mutation.of(CaseClass.CONTROL_CHARACTERS, "ESC", "\"\\u001b[31mred\""));
        mutations.add(Mutation.of(CaseClass.CONTROL_CHARACTERS, "a lone surrogate", "\"a\\ud800b\""));
        String format = schema.path("format").asString("");
        if (format.startsWith("date")) {
            mutations.add(Mutation.of(CaseClass.BREAKS_SCHEMA, "not a " + format, "\"2024-13-45\""));
        }
        for (String text : List.of("ünïcødé 名前 🌱 \u202eevil", "' OR '1'='1' --", "$gt", "=HYPERLINK(\"http://x\")",
                "../../etc/passwd", "x".repeat(10_000), randomText(60))) {
            mutations.add(Mutation.of(textClass(schema, text), textName(text), EventJson.mapper().writeValueAsString(text)));
        }
    }

    /** Hostile text may be a fine value, unless the schema's own pattern or length says it cannot be. */
    private static CaseClass textClass(JsonNode schema, String text) {
        if (schema.has("maxLength") && text.codePointCount(0, text.length()) > schema.path("maxLength").asInt()) {
            return CaseClass.BREAKS_SCHEMA;
        }
        if (schema.has("pattern")) {
            try {
                if (!Pattern.compile(schema.path("pattern").asString()).matcher(text).find()) {
                    return CaseClass.BREAKS_SCHEMA;
                }
            } catch (PatternSyntaxException e) {
                return CaseClass.HOSTILE_TEXT;
            }
        }
        return CaseClass.HOSTILE_TEXT;
    }

    private static String textName(String text) {
        return text.length() > 40 ? text.length() + " characters" : "\"" + text.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    private String replaced(JsonNode base, Target target, String json) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = copy;
        List<Object> at = target.at();
        for (int i = 0; i < at.size() - 1; i++) {
            parent = at.get(i) instanceof Integer index ? parent.path(index) : parent.path((String) at.get(i));
        }
        Object last = at.get(at.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.put((String) last, PLACEHOLDER);
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            array.set(index, array.stringNode(PLACEHOLDER));
        }
        return EventJson.mapper().writeValueAsString(copy).replace("\"" + PLACEHOLDER + "\"", json);
    }

    private String removed(JsonNode base, Target target) {
        JsonNode copy = base.deepCopy();
        JsonNode parent = copy;
        List<Object> at = target.at();
        for (int i = 0; i < at.size() - 1; i++) {
            parent = at.get(i) instanceof Integer index ? parent.path(index) : parent.path((String) at.get(i));
        }
        if (parent instanceof ObjectNode object) {
            object.remove((String) at.get(at.size() - 1));
        }
        return EventJson.mapper().writeValueAsString(copy);
    }

    // ---- helpers

    private Map<String, String> encodedPath() {
        Map<String, String> path = new HashMap<>();
        for (String variable : operation.variables()) {
            path.put(variable, encode(pathValues.getOrDefault(variable, "fuzz-" + variable)));
        }
        return path;
    }

    /** Text of printable, accented, wide, right-to-left and quoting characters; no control characters. */
    private String randomText(int length) {
        String[] pools = {"abcXYZ0129 ", "éøßñüÆ", "名前時間", "\"'\\<>&{}[]$%;=|`", "\u202e\u200b\u00a0", "🌱😀"};
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            String pool = pools[random.nextInt(pools.length)];
            text.appendCodePoint(pool.codePointAt(pool.offsetByCodePoints(0,
                    random.nextInt(pool.codePointCount(0, pool.length())))));
        }
        return text.toString();
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, as UTF-8. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
