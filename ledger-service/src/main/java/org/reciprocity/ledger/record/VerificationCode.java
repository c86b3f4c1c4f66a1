package org.reciprocity.ledger.record;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A record's verification code: 10 characters of Crockford's base32 (no I, L, O, U: nothing to
 * misread when typed from paper), 50 random bits from {@link SecureRandom}. Anyone with the code sees
 * the record, so it must not be guessed (the public read has no rate limit of its own): among
 * 10,000 records, a billion guessed requests would find one with a chance of about 1 in 100.
 */
final class VerificationCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 10;
    private static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCode() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as typed, read the way Crockford's base32 says: any case, I and L as 1, O as 0,
     * spaces and dashes ignored; null if it cannot be a code.
     */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "")
                .replace('I', '1').replace('L', '1').replace('O', '0');
        return CODE.matcher(code).matches() ? code : null;
    }
}
