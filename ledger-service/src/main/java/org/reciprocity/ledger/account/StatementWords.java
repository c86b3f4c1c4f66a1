package org.reciprocity.ledger.account;

import java.util.Locale;
import java.util.ResourceBundle;

import org.reciprocity.contracts.ledger.TransferReason;
import org.reciprocity.kit.problem.Wording;
import org.reciprocity.ledger.book.Minutes;

/**
 * A statement line in words for the member who reads it ("You gave 1 h 30 min to Ali."), in English
 * or French, from {@code StatementWords.properties} beside this class. The line's {@code direction}
 * and account ids stay for programs; these words are for people.
 */
final class StatementWords {

    static final String BUNDLE = "org.reciprocity.ledger.account.StatementWords";

    private StatementWords() {
    }

    /**
     * The words of one line: {@code in} when the minutes came into the reader's account, {@code with}
     * the other account's name as the reader may see it (or null when it has none any more).
     */
    static String line(TransferReason reason, boolean in, long minutes, String with, Locale locale) {
        return line(reason, in, minutes, with, false, locale);
    }

    /** {@code erased}: the other account is a member who was erased (issue 18), "a former member". */
    static String line(TransferReason reason, boolean in, long minutes, String with, boolean erased, Locale locale) {
        ResourceBundle words = bundle(locale);
        String other = erased ? words.getString("former-member") : with != null ? with : words.getString("someone");
        String said = words.getString(reason.name() + (in ? ".IN" : ".OUT"))
                .replace("{minutes}", Minutes.of(minutes).toString()).replace("{with}", other);
        // "a former member gave you…": a sentence starts with a capital, whatever word begins it
        return said.isEmpty() ? said : said.substring(0, 1).toUpperCase(locale) + said.substring(1);
    }

    static ResourceBundle bundle(Locale locale) {
        return Wording.bundle(BUNDLE, StatementWords.class, locale);
    }
}
