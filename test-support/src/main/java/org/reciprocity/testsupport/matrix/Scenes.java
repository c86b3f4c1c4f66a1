package org.reciprocity.testsupport.matrix;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The scenes the fixtures built, reused by every operation whose path has the same variables and
 * every persona of the same subject relation (the role and the token's timebank change nothing in a
 * scene). A scene is spent, and built afresh next time, when a request that may change things got
 * through on it: a confirmed contribution or a removed supporter no longer makes the same relation.
 */
final class Scenes {

    private final Fixtures fixtures;
    private final Map<Key, Scene> built = new HashMap<>();
    private int arranged;

    /** The variables of a path (but the timebank) and a subject relation, null for a stranger. */
    record Key(List<String> variables, Relation relation) {
        static Key of(Operation operation, Relation relation) {
            TreeSet<String> variables = new TreeSet<>(operation.variables());
            variables.remove(Operation.TIMEBANK);
            return new Key(List.copyOf(variables), relation);
        }

        @Override
        public String toString() {
            return (relation == null ? "stranger" : relation) + " on " + variables;
        }
    }

    Scenes(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    Scene of(Operation operation, Relation relation) {
        return built.computeIfAbsent(Key.of(operation, relation), key -> {
            arranged++;
            return relation == null ? fixtures.stranger(operation) : fixtures.arrange(operation, relation);
        });
    }

    void spend(Operation operation, Relation relation) {
        built.remove(Key.of(operation, relation));
    }

    int arranged() {
        return arranged;
    }
}
