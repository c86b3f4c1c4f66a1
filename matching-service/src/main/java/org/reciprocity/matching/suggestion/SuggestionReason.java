package org.reciprocity.matching.suggestion;

import java.util.Locale;

/**
 * Why a suggestion is made, as a code: the words are in {@code SuggestionReason.properties} (English)
 * and {@code _fr} beside this enum, written for the reader ({@link Why.Form}). What a reason may say of
 * a member is decided where it is made ({@link Scoring}): time given and received only to the member
 * themself or a coordinator, access needs only as the listings state them.
 */
public enum SuggestionReason {
    /** The offer is in the category the need asks for. */
    OFFERS_WHAT_IS_ASKED,
    /** A member without an offer has the category among their skills. */
    HAS_SKILLS_ASKED,
    SHARED_TAGS,
    BOTH_FREE,
    NO_TIME_IN_COMMON,
    CAN_BE_ONLINE,
    UNDER_1_KM,
    KM_APART,
    BOTH_SPEAK,
    NO_LANGUAGE_IN_COMMON,
    MODE_DIFFERS,
    /** The offer's listing states every access need the need's listing states. */
    ACCESS_MET,
    ACCESS_MAY_NOT_BE_MET,
    /** A member without an offer: the need's listing states access needs to talk over. */
    ACCESS_TO_CHECK,
    /** The giver has received more than they have given (told to the giver or a coordinator only). */
    CHANCE_TO_GIVE_BACK,
    /** The receiver has given more than they have received (told to the receiver or a coordinator only). */
    HAS_GIVEN_MORE,
    /** The giver's open matches (told to the giver or a coordinator only). */
    OPEN_MATCHES;

    /** {@code BOTH_SPEAK} is {@code both-speak}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
