package org.reciprocity.platform.demo;

import java.util.List;
import java.util.Set;

/**
 * The demo timebank's people and their month, written out as data: who they are, what they offer
 * and need, the hours they gave each other over the last month and how each ended, one gift, one
 * visit to the café, three matches. Keys (not the services' ids) name them here and in the state file.
 */
final class DemoScript {

    private DemoScript() {
    }

    /**
     * One member: their kind in the ledger, roles, language, what the banner says of them, and their
     * profile (skills are matching's categories of help; availability is DAY_PART slots).
     */
    record Person(String key, String name, String kind, String language, List<String> roles, String shown,
                  Set<String> skills, Set<String> languages, String district, Set<String> availability, Set<String> modes) {

        String email() {
            return key + "@demo.example";
        }
    }

    static final List<Person> PEOPLE = List.of(
            new Person("sam", "Sam Okafor", "SERVICE_USER", "en", List.of("MEMBER"),
                    "service user: hours to confirm, a match to answer",
                    Set.of("befriending", "peer-support", "training"), Set.of("en"), "M14",
                    Set.of("SUNDAY_MORNING", "WEDNESDAY_AFTERNOON"), Set.of("IN_PERSON")),
            new Person("priya", "Priya Shah", "SERVICE_USER", "en", List.of("MEMBER"),
                    "service user: hours to confirm",
                    Set.of("listening", "arts-crafts"), Set.of("en", "gu"), "M13",
                    Set.of("TUESDAY_AFTERNOON", "THURSDAY_AFTERNOON"), Set.of("IN_PERSON", "GROUP")),
            new Person("tom", "Tom Reid", "NEIGHBOUR", "en", List.of("MEMBER"),
                    "neighbour: a dispute over his hours",
                    Set.of("gardening", "diy", "befriending"), Set.of("en"), "M14",
                    Set.of("SATURDAY_MORNING", "SUNDAY_MORNING"), Set.of("IN_PERSON")),
            new Person("maria", "Maria Lopez", "CARER", "en", List.of("MEMBER"),
                    "carer",
                    Set.of("cooking", "shopping"), Set.of("en", "es"), "M14",
                    Set.of("MONDAY_EVENING"), Set.of("IN_PERSON")),
            new Person("elodie", "Élodie Martin", "NEIGHBOUR", "fr", List.of("MEMBER"),
                    "neighbour who reads the portal in French",
                    Set.of("language-practice", "translation"), Set.of("fr", "en"), "M20",
                    Set.of("FRIDAY_EVENING"), Set.of("REMOTE", "IN_PERSON")),
            new Person("jo", "Jo Baker", "STAFF", "en", List.of("MEMBER"),
                    "staff at Riverside Community Café (the organisation's offer)",
                    Set.of("cooking", "wellbeing", "co-design"), Set.of("en"), "M13",
                    Set.of("MONDAY_MORNING", "TUESDAY_MORNING"), Set.of("IN_PERSON", "GROUP")),
            new Person("chris", "Chris Evans", "STAFF", "en", List.of("MEMBER", "COORDINATOR"),
                    "coordinator: invites members, resolves the dispute",
                    Set.of("admin-forms", "advocacy"), Set.of("en"), "M13",
                    Set.of("MONDAY_MORNING"), Set.of("IN_PERSON", "REMOTE")));

    static final String COORDINATOR = "chris";

    /** The organisation, with the id the loader gives it (so a second start finds it), and its staff. */
    static final String ORGANISATION_ID = "demo-riverside-cafe";
    static final String ORGANISATION_NAME = "Riverside Community Café";
    static final String ORGANISATION_STAFF = "jo";

    /** An offer or a need on the board. */
    record Listing(String key, String owner, String kind, String title, String description, String category,
                   Set<String> tags, long minutes, String mode, String district) {
    }

    static final List<Listing> LISTINGS = List.of(
            new Listing("garden", "tom", "OFFER", "Help in the garden", "Digging, planting, cutting back. I bring my own tools.",
                    "gardening", Set.of("digging", "planting"), 120, "IN_PERSON", "M14"),
            new Listing("walks", "tom", "OFFER", "Walks and a chat", "A slow walk round Platt Fields and a cup of tea after.",
                    "befriending", Set.of("walking"), 60, "IN_PERSON", "M14"),
            new Listing("cooking", "maria", "OFFER", "Cooking together", "We cook a big pot of something and share it out.",
                    "cooking", Set.of("soup", "batch cooking"), 90, "IN_PERSON", "M14"),
            new Listing("cafe-meal", "jo", "OFFER", "A hot meal at Riverside Community Café",
                    "The café's offer: a hot meal for an hour of your time, any weekday lunchtime.",
                    "social-activity", Set.of("cafe", "meal"), 60, "IN_PERSON", "M13"),
            new Listing("french", "elodie", "OFFER", "Conversation en français",
                    "Practise your French with me over a video call, all levels welcome.",
                    "language-practice", Set.of("french"), 60, "REMOTE", null),
            new Listing("painting", "priya", "OFFER", "Drawing and painting together", "Bring nothing, I have paper and paints.",
                    "arts-crafts", Set.of("painting", "drawing"), 90, "GROUP", "M13"),
            new Listing("sunday-walk", "sam", "NEED", "Someone to walk with on Sundays",
                    "I feel better when I get out, but it is easier with someone.", "befriending", Set.of("walking"), 60,
                    "IN_PERSON", "M14"),
            new Listing("french-trip", "sam", "NEED", "Practise French before a trip", "I am going to Lyon in the spring.",
                    "language-practice", Set.of("french"), 45, "REMOTE", null),
            new Listing("forms", "priya", "NEED", "Help filling in forms", "A housing form and a benefits form, with someone patient.",
                    "admin-forms", Set.of("housing", "benefits"), 60, "IN_PERSON", "M13"));

    /** How a contribution ended up. */
    enum Outcome { CONFIRMED, WAITING, DISPUTED }

    /**
     * Hours one member gave another, {@code daysAgo} days before the load; logged by the giver unless
     * {@code loggedByReceiver}, then confirmed by the other side with {@code note}, left waiting for
     * them, or disputed with {@code note} as the reason.
     */
    record Contribution(String key, String giver, String receiver, long minutes, int daysAgo, String kind,
                        String description, boolean loggedByReceiver, Outcome outcome, String note) {
    }

    static final List<Contribution> CONTRIBUTIONS = List.of(
            new Contribution("c01", "tom", "sam", 90, 29, "PRACTICAL_HELP", "Put up shelves in Sam's kitchen", false,
                    Outcome.CONFIRMED, "Thank you Tom, they look great."),
            new Contribution("c02", "sam", "priya", 60, 27, "PEER_SUPPORT", "A walk round the park and a chat", false,
                    Outcome.CONFIRMED, "That helped a lot, Sam."),
            new Contribution("c03", "maria", "elodie", 120, 25, "SOCIAL_ACTIVITY", "Cooked a big pot of soup together", false,
                    Outcome.CONFIRMED, "Merci Maria, c'était délicieux !"),
            new Contribution("c04", "elodie", "tom", 60, 23, "SOCIAL_ACTIVITY", "French conversation at the café", false,
                    Outcome.CONFIRMED, "Merci, Élodie!"),
            new Contribution("c05", "priya", "maria", 45, 21, "PEER_SUPPORT", "Listened after a hard week", false,
                    Outcome.CONFIRMED, "You are a good listener, Priya."),
            new Contribution("c06", "jo", "sam", 60, 19, "GOALS_JOINTLY_SET", "Planned Sam's recovery goals together", false,
                    Outcome.CONFIRMED, "Good to have a plan."),
            new Contribution("c07", "sam", "jo", 120, 17, "TRAINING_CO_DELIVERED", "Co-delivered the peer-support training",
                    false, Outcome.CONFIRMED, "The new staff learned a lot from you, Sam."),
            new Contribution("c08", "tom", "maria", 60, 15, "PRACTICAL_HELP", "Fixed Maria's bike", false,
                    Outcome.CONFIRMED, "It rides like new."),
            new Contribution("c09", "chris", "priya", 30, 13, "PRACTICAL_HELP", "Helped with the housing form", false,
                    Outcome.CONFIRMED, "Thank you Chris."),
            new Contribution("c10", "priya", "sam", 60, 11, "SOCIAL_ACTIVITY", "Painted together at the art group", false,
                    Outcome.CONFIRMED, "I loved it."),
            new Contribution("c11", "elodie", "sam", 45, 9, "PEER_SUPPORT", "French over coffee", false,
                    Outcome.CONFIRMED, "Merci beaucoup!"),
            new Contribution("c12", "maria", "tom", 90, 7, "PRACTICAL_HELP", "Helped Tom in his garden", false,
                    Outcome.CONFIRMED, "The beds are ready for spring."),
            new Contribution("c13", "jo", "elodie", 90, 5, "TRAINING_CONTRIBUTED", "Showed Élodie round the café kitchen",
                    true, Outcome.CONFIRMED, "A pleasure, Élodie."),
            new Contribution("c14", "sam", "tom", 60, 4, "PRACTICAL_HELP", "Walked Tom's dog while he was ill", false,
                    Outcome.DISPUTED, "I think it was half an hour, not an hour."),
            new Contribution("c15", "tom", "priya", 60, 2, "PRACTICAL_HELP", "Carried the shopping home", false,
                    Outcome.WAITING, null),
            new Contribution("c16", "priya", "sam", 30, 1, "PEER_SUPPORT", "A phone call when Sam was low", false,
                    Outcome.WAITING, null));

    /** Tom gives half an hour to Élodie, for the French lessons. */
    static final String GIFT_FROM = "tom";
    static final String GIFT_TO = "elodie";
    static final long GIFT_MINUTES = 30;
    static final String GIFT_NOTE = "For the French lessons. Thank you!";

    /** Sam spends an hour on the café's offer. */
    static final String SPENDER = "sam";
    static final long SPENT_MINUTES = 60;
    static final String SPENT_ON = "A hot meal";
}
