package org.reciprocity.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

/** Issue 11, finding 6: one alphabet and length for every id, so what is stored can be addressed again. */
class SafeIdTest {

    record Request(@SafeId String id, List<@SafeId String> staffIds) {
    }

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void uuidsPlainIdsAndDerivedIdsAreSafe() {
        for (String id : new String[] {"3f1c2a9e-0b7d-4c55-9d0e-2a6f1b8c9d10", "gift-1", "r:gift-1", "forum.2026:ann_b"}) {
            assertThat(validator.validate(new Request(id, List.of(id)))).as(id).isEmpty();
        }
        assertThat(validator.validate(new Request(null, null))).as("an id left out").isEmpty();
    }

    @Test
    void idsThatCouldNotBeAddressedAgainAreRefused() {
        for (String id : new String[] {"a\u0000b", "a\nb", "a/b", "../x", "a%2Fb", "a;b", "a\\b", "a b", "=1+1", "é", "",
                "x".repeat(SafeId.MAX + 1)}) {
            assertThat(validator.validate(new Request(id, List.of()))).as(id).hasSize(1);
            assertThat(validator.validate(new Request(null, List.of("ok", id)))).as(id).hasSize(1);
        }
    }
}
