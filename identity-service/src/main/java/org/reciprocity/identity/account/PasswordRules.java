package org.reciprocity.identity.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * NIST SP 800-63B's password rules: long enough, not absurdly long, not a common password and not
 * the e-mail itself. No composition rules (they make passwords harder to remember, not to guess).
 */
public final class PasswordRules {

    public static final int SHORTEST = 8;
    public static final int LONGEST = 128;

    /** Why a password is refused; the code names the words the person reads. */
    public enum Refused {
        TOO_SHORT, TOO_LONG, TOO_COMMON, SAME_AS_EMAIL, NOT_THE_SAME;

        public String code() {
            return "password-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Set<String> common;

    public PasswordRules(Set<String> common) {
        this.common = common;
    }

    /** The list shipped with the service (see common-passwords.txt for where it comes from). */
    public static PasswordRules shipped() {
        try (InputStream in = PasswordRules.class.getResourceAsStream("/common-passwords.txt")) {
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
            return new PasswordRules(Set.copyOf(words));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Refused> check(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < SHORTEST) {
            return Optional.of(Refused.TOO_SHORT);
        }
        if (password.codePointCount(0, password.length()) > LONGEST) {
            return Optional.of(Refused.TOO_LONG);
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(Refused.TOO_COMMON);
        }
        if (email != null && password.equalsIgnoreCase(email.strip())) {
            return Optional.of(Refused.SAME_AS_EMAIL);
        }
        return Optional.empty();
    }

    public int size() {
        return common.size();
    }
}
