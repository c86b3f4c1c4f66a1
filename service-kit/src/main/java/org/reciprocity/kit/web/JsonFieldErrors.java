package org.reciprocity.kit.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import org.reciprocity.kit.json.PlainText;
import org.reciprocity.kit.problem.FieldProblem;
import org.reciprocity.kit.problem.Refusal;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Which field of a JSON body could not be read, and why, as a code with words a member can read. */
final class JsonFieldErrors {

    private JsonFieldErrors() {
    }

    /** {@code attendances[2].minutes}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What is wrong, as a code a client can word (and the kit words, in the reader's language). */
    static Refusal problem(JacksonException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class
                && format.getValue() instanceof String text && PlainText.problemIn(text) != null) {
            return PlainText.problemIn(text).startsWith("contains a control") ? FieldProblem.CONTROL_CHARACTER.refusal()
                    : FieldProblem.HALF_A_CHARACTER.refusal();
        }
        Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (type == null) {
            return FieldProblem.NOT_VALID.refusal();
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class || type == Long.class
                || type == Short.class || type == java.math.BigInteger.class) {
            return FieldProblem.WHOLE_NUMBER.refusal();
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return FieldProblem.NUMBER.refusal();
        }
        if (type == boolean.class || type == Boolean.class) {
            return FieldProblem.YES_OR_NO.refusal();
        }
        if (type == String.class) {
            return FieldProblem.TEXT.refusal();
        }
        if (type.isEnum()) {
            return FieldProblem.ONE_OF.with("choices", Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return FieldProblem.DATE.refusal();
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return FieldProblem.LIST.refusal();
        }
        return FieldProblem.NOT_VALID.refusal();
    }
}
