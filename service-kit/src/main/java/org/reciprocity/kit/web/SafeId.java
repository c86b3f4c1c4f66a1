package org.reciprocity.kit.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * An id a client chooses or names in a body: 1 to {@value #MAX} of {@code A-Z a-z 0-9 . _ : -}.
 * One alphabet for every id, so whatever is stored can be addressed again in a URL, written in a
 * file or a log line, and never means a path, a query or a formula. UUIDs fit, and so do the ids
 * a service derives with {@code :} ({@code r:<transfer>}, {@code <activity>:<member>}). Null is
 * valid (an optional id); add {@code @NotBlank} where one is required.
 */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = SafeId.PATTERN)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SafeId {

    int MAX = 100;
    /**
     * A path may name an id the service derived from two client ids ({@code <activity>:<member>},
     * {@code r:<transfer>}), so a path variable may be longer, in the same alphabet.
     */
    int MAX_IN_PATH = 2 * MAX + 2;
    String ALPHABET = "A-Za-z0-9._:-";
    String PATTERN = "[" + ALPHABET + "]{1," + MAX + "}";
    String PATH_PATTERN = "[" + ALPHABET + "]{1," + MAX_IN_PATH + "}";

    String message() default "must be 1 to " + MAX + " letters, digits, '.', '_', ':' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
