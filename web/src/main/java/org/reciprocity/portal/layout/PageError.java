package org.reciprocity.portal.layout;

/** One line of a page's error summary: the field it links to ({@code #id}) and what to do, in words. */
public record PageError(String field, String text) {
}
