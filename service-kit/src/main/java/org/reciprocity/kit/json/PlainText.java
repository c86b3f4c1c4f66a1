package org.reciprocity.kit.json;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads every text field of a request: a JSON string, and nothing else (a number or a boolean is
 * not text), without control characters. NUL, BEL, ESC and the rest of C0, DEL and C1 are refused
 * wherever they appear: they break the files, logs, terminals and messages the text later reaches
 * and never belong in a name, a note or an id. Tab, line feed and carriage return stay allowed:
 * notes and descriptions have lines, and this rule does not know which field it reads. Ids, where
 * a line break would matter, have their own stricter alphabet ({@code @SafeId}). A lone surrogate
 * (half of a character, only writable as an escape) is refused too: it is not text.
 */
public final class PlainText extends StdScalarDeserializer<String> {

    public PlainText() {
        super(String.class);
    }

    @Override
    public LogicalType logicalType() {
        return LogicalType.Textual;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
        String text = p.getString();
        String problem = problemIn(text);
        if (problem != null) {
            throw ctxt.weirdStringException(text, String.class, problem);
        }
        return text;
    }

    /** Why {@code text} is not plain text, or null when it is. */
    public static String problemIn(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                return "contains a control character";
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
                    || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return "contains half of a character";
            }
        }
        return null;
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
    }
}
