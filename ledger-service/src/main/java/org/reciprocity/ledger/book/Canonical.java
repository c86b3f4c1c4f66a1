package org.reciprocity.ledger.book;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An unambiguous encoding of a list of fields, for hashing and signing: each field is its UTF-8
 * bytes preceded by their length as a 4-byte big-endian integer; a missing field (null) is the
 * length -1 ({@code FF FF FF FF}) with no bytes, so it differs from the text "null" and from "".
 * Numbers are written as decimal text. No separator can be forged by a field's content, because
 * the reader always knows where a field ends. The first field names what is encoded and its
 * version, so an encoding of one kind can never be taken for another.
 */
public final class Canonical {

    private static final int NULL = -1;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    private Canonical(String kind) {
        text(kind);
    }

    /** Starts an encoding whose first field says what it is, e.g. {@code reciprocity.ledger-entry.v2}. */
    public static Canonical of(String kind) {
        return new Canonical(kind);
    }

    public Canonical text(String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(NULL).array());
            return this;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
        out.writeBytes(utf8);
        return this;
    }

    public Canonical number(long value) {
        return text(Long.toString(value));
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** SHA-256 of the encoding, as lower-case hex. */
    public String sha256() {
        return sha256(bytes());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
