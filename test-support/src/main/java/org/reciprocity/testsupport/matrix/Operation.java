package org.reciprocity.testsupport.matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of a service's OpenAPI document: its method, its path template, the rule of the
 * access policy that guards it ({@code x-access}) and who that rule lets in ({@code x-access-allowed}).
 */
public record Operation(String method, String path, String rule, Set<Relation> allowed) {

    public static final String TIMEBANK = "timebankId";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)\\}");

    /** The path's variables, in order, {@code timebankId} among them. */
    public List<String> variables() {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return Collections.unmodifiableList(names);
    }

    /** Whether the path names a timebank, so a sign-in for another timebank must be refused. */
    public boolean namesTimebank() {
        return variables().contains(TIMEBANK);
    }

    /** Whether a request that gets through may change something (anything but GET, HEAD, OPTIONS). */
    public boolean changesState() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** Whether it takes a body: the matrix sends {@code {}}, as the policy decides before the body is read. */
    public boolean takesBody() {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    public boolean allows(Set<Relation> relations) {
        return relations.stream().anyMatch(allowed::contains);
    }

    /** The path with its variables filled in; a variable without a value gets a placeholder. */
    public String fill(Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "matrix-" + matcher.group(1));
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
