package org.reciprocity.testsupport.fuzz;

import java.util.Set;

/**
 * What kind of input a case sends, and so what its answer may be. A class that is {@link #refused}
 * is clearly invalid: it must be answered with a 4xx problem detail (with one of {@link #statuses}
 * when the request got past the access policy to the body) and must write nothing. The other
 * classes are hostile but may be valid (a description in Welsh with an emoji, a null for an
 * optional field, an unknown query parameter): a 2xx is then a fair answer, but never a 5xx, and
 * a refusal is still a problem detail that wrote nothing.
 */
enum CaseClass {
    HOSTILE_PATH(true, Set.of()),
    MALFORMED_JSON(true, Set.of(400)),
    WRONG_SHAPE(true, Set.of(400)),
    WRONG_TYPE(true, Set.of(400)),
    NULL_FOR_REQUIRED(true, Set.of(400)),
    MISSING_REQUIRED(true, Set.of(400)),
    CONTROL_CHARACTERS(true, Set.of(400)),
    OUT_OF_RANGE(true, Set.of(400)),
    FLOAT_FOR_INTEGER(true, Set.of(400)),
    NOT_IN_ENUM(true, Set.of(400)),
    BREAKS_SCHEMA(true, Set.of(400)),
    DEEP_NESTING(true, Set.of(400, 413)),
    OVERSIZED(true, Set.of(413)),
    WRONG_CONTENT_TYPE(true, Set.of(400, 415)),
    NULL_FOR_OPTIONAL(false, Set.of()),
    HOSTILE_TEXT(false, Set.of()),
    UNKNOWN_PROPERTY(false, Set.of()),
    HOSTILE_QUERY(false, Set.of());

    final boolean refused;
    final Set<Integer> statuses;

    CaseClass(boolean refused, Set<Integer> statuses) {
        this.refused = refused;
        this.statuses = statuses;
    }
}
