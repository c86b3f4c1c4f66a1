package org.reciprocity.contracts.contribution;

/**
 * What kind of co-production a contribution is: the seven indicators of Crepaz-Keay (2014) at
 * their level, plus everyday time-bank kinds. Reports count hours per kind.
 */
public enum CoproductionKind {
    /** Individual: service or treatment goals jointly set by professionals and service users. */
    GOALS_JOINTLY_SET(Level.INDIVIDUAL),
    /** Operational: service users deliver training in partnership with professionals. */
    TRAINING_CO_DELIVERED(Level.OPERATIONAL),
    /** Operational: service users contribute to a professionally led training session. */
    TRAINING_CONTRIBUTED(Level.OPERATIONAL),
    /** Operational: service users contribute to the production of official information. */
    OFFICIAL_INFORMATION(Level.OPERATIONAL),
    /** Operational: a regular meeting service users can attend to get involved. */
    INVOLVEMENT_MEETING(Level.OPERATIONAL),
    /** Strategic: new services jointly designed or co-produced by service users and professionals. */
    SERVICE_CO_DESIGNED(Level.STRATEGIC),
    /** Strategic: service users sit on the governing body. */
    GOVERNING_BODY(Level.STRATEGIC),
    PEER_SUPPORT(Level.EVERYDAY),
    PRACTICAL_HELP(Level.EVERYDAY),
    SOCIAL_ACTIVITY(Level.EVERYDAY);

    private final Level level;

    CoproductionKind(Level level) {
        this.level = level;
    }

    public Level level() {
        return level;
    }

    public enum Level {
        INDIVIDUAL, OPERATIONAL, STRATEGIC, EVERYDAY
    }
}
