package org.reciprocity.testsupport.matrix;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a service's fixtures set up for one persona kind: the caller's member id and the values of
 * the path's variables, such that the caller truly stands to them as asked (a stranger, SELF,
 * PARTY…). {@code timebankId} is the matrix's and need not be given.
 */
public record Scene(String caller, Map<String, String> variables) {

    public Scene {
        variables = Map.copyOf(variables);
    }

    /** A scene from a caller and pairs of variable name and value: {@code Scene.of(kim, "memberId", sam)}. */
    public static Scene of(String caller, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("variables come in pairs of name and value");
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Scene(caller, variables);
    }

    /** Whether the caller is named in the path itself (as the member, the account, the supporter…). */
    boolean namesCaller() {
        return variables.containsValue(caller);
    }
}
