package org.reciprocity.portal.words;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page in English and French: both bundles hold the same keys, none empty, and every key a
 * template or a controller names is in them (keys built from a value are checked for each value).
 */
class MessageBundlesTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Path SOURCES = Path.of("src/main/java");

    /** Keys the templates build from a value ({@code #{'kind.' + ${k}}}), with every value they can take. */
    static final List<String> BUILT = Stream.of(
            Stream.of("PEER_SUPPORT", "PRACTICAL_HELP", "SOCIAL_ACTIVITY", "GOALS_JOINTLY_SET", "TRAINING_CO_DELIVERED",
                    "TRAINING_CONTRIBUTED", "OFFICIAL_INFORMATION", "INVOLVEMENT_MEETING", "SERVICE_CO_DESIGNED",
                    "GOVERNING_BODY").map(k -> "kind." + k),
            Stream.of("SERVICE_USER", "CARER", "NEIGHBOUR", "STAFF").map(k -> "memberKind." + k),
            Stream.of("LOGGED", "VALIDATED", "DISPUTED", "RESOLVED", "REJECTED", "WITHDRAWN", "EXPIRED").map(s -> "state." + s),
            Stream.of("month", "quarter", "year", "all").map(p -> "statement.period." + p),
            Stream.of("confirmed", "disputed", "withdrawn").map(d -> "contribution.done." + d),
            Stream.of("GAVE", "RECEIVED").map(d -> "hours.direction." + d),
            Stream.of("OFFER", "NEED").flatMap(k -> Stream.of("board.kind." + k, "board.kind.one." + k)),
            Stream.of("IN_PERSON", "REMOTE", "GROUP").map(m -> "board.mode." + m),
            Stream.of("paused", "resumed", "saved").map(d -> "profile.done." + d),
            // the timebank's categories (words.Taxonomy), then board and matches (board.Vocabulary, the listing and match states, the done banners)
            Stream.of("MORNING", "AFTERNOON", "EVENING").map(p -> "profile.part." + p),
            Stream.of("district", "availability", "modes", "accessibilityNeeds", "verified").map(f -> "profile.share." + f),
            Stream.of("WELCOME", "PLEASE_CONFIRM", "REMINDER", "LAST_CALL", "THANK_YOU", "CONTRIBUTION_EXPIRED",
                    "DISPUTE_OPENED", "DISPUTE_RESOLVED", "CONTRIBUTION_REJECTED", "MATCH_PROPOSED", "MATCH_ACCEPTED",
                    "MATCH_AGREED", "BALANCE_NEAR_LIMIT", "MONTHLY_STATEMENT", "DISPUTE_TO_REVIEW", "DISPUTE_CLOSED",
                    "BALANCE_NEAR_LIMIT_TO_REVIEW", "QUEUE_DIGEST", "MATCH_CANCELLED").map(k -> "preferences.kind." + k),
            Stream.of("en", "fr").map(l -> "language." + l),
            Stream.of("named", "withdrawn").map(d -> "supporters.done." + d),
            // issue 18: "Your data" (portal.privacy): each consent's question and hint, how it was answered, the banners
            Stream.of("SUPPORTER_MAY_LOG", "SHOW_ACCESSIBILITY_TO_MATCHES", "EMAIL_ME", "SHARE_CONTRIBUTION_RECORD")
                    .flatMap(c -> Stream.of("privacy.consent." + c + ".question", "privacy.consent." + c + ".hint")),
            Stream.of("PAGE", "PAPER", "UNSUBSCRIBE_LINK").map(h -> "privacy.how." + h),
            Stream.of("saved", "unchanged").map(d -> "privacy.done." + d),
            // admin (portal.admin): roles with their hints, the organisation page's banners, the audit's actions and fields
            Stream.of("MEMBER", "COORDINATOR", "STAFF", "ADMIN").map(r -> "admin.role." + r),
            Stream.of("COORDINATOR", "STAFF", "ADMIN").map(r -> "admin.role." + r + ".hint"),
            Stream.of("opened", "saved", "staff").map(d -> "admin.organisation.done." + d),
            Stream.of("POLICY_CHANGED", "ORGANISATION_OPENED", "ORGANISATION_EDITED", "STAFF_CHANGED", "ROLES_CHANGED",
                    "OTHER").map(a -> "admin.audit.action." + a),
            Stream.of("memberMinimumMinutes", "memberMaximumMinutes", "organisationMinimumMinutes",
                    "organisationMaximumMinutes", "warningMarginMinutes", "validationWindowDays",
                    "reminderHoursBeforeDeadline", "zoneId", "logOnBehalfAllowed", "kinds", "name", "offers", "staffIds",
                    "roles").map(w -> "admin.audit.what." + w),
            Stream.of("duration", "window", "reminders", "margin").map(e -> "admin.policy.error." + e),
            // retention (issue 18, portal.retention): the services with a retention job, what their reports name
            Stream.of("ledger", "notification", "matching", "identity").map(v -> "retention.service." + v),
            Stream.of("inbox-items", "deliveries", "closed-listings", "closed-match-activity", "plans", "sign-in-links",
                    "welcome-tokens", "other", "closed-match-reason", "left-members-erased", "left-members-waiting",
                    "left-members-failed").map(w -> "retention.what." + w),
            // a coordinator's members and casework (issue 16, part B)
            Stream.of("ACTIVE", "SUSPENDED").map(s -> "members.status." + s),
            // issue 18, erasure: an erased member's status; the five services' words on the admin's status page
            Stream.of("ERASED").map(s -> "members.status." + s),
            Stream.of("ledger", "matching", "notification", "identity", "review").map(v -> "erasure.service." + v),
            Stream.of("INVITED", "ACTIVE", "SUSPENDED").map(s -> "members.signIn." + s),
            Stream.of("PROPOSED", "AGREED", "COMPLETED", "DECLINED", "CANCELLED", "EXPIRED").map(s -> "members.match." + s),
            Stream.of("registered", "edited", "suspended", "reactivated", "invited", "logged", "supporter").map(d -> "members.done." + d),
            Stream.of("resolved", "rejected", "confirmed", "reversed").map(d -> "casework.done." + d),
            // the coordinator's matching (portal.matchmaking): answers, match states, the state tabs, the done banners
            Stream.of("PENDING", "ACCEPTED", "DECLINED").map(a -> "cm.answer." + a),
            Stream.of("PROPOSED", "AGREED", "COMPLETED", "DECLINED", "CANCELLED", "EXPIRED").map(s -> "cm.status." + s),
            Stream.of("proposed", "agreed", "completed", "closed").flatMap(s -> Stream.of("cm.state." + s, "cm.state.heading." + s)),
            Stream.of("proposed", "cancelled").map(d -> "cm.done." + d),
            Stream.of("DISPUTE", "WAITING", "NEED", "PROPOSAL", "NEW_MEMBER", "BALANCE", "RECEIVED_ONLY", "GAVE_ONLY")
                    .map(k -> "queue.kind." + k),
            Stream.of("all", "year", "last12").map(p -> "record.period." + p),
            Stream.of("ANOTHER_MEMBER", "ORGANISATION_STAFF", "COORDINATOR").map(b -> "record.by." + b),
            Stream.of("ISSUED", "WITHDRAWN").map(s -> "record.status." + s),
            // the download of the whole timebank (portal.review ExportPages): its tables and its states
            Stream.of("members", "accounts", "contributions", "transfers", "listings", "matches").map(t -> "export.file." + t),
            Stream.of("QUEUED", "RUNNING", "READY", "FAILED").map(s -> "export.state." + s),
            // the review pages (portal.review, issue 17): flags with their hints, kinds of party, levels,
            // indicators, sortable columns, the period's errors
            Stream.of("LONG_WAIT_FOR_VALIDATION", "NEAR_LIMIT", "RECEIVED_MUCH_NEVER_GAVE", "GAVE_MUCH_NEVER_RECEIVED")
                    .flatMap(f -> Stream.of("review.flag." + f, "review.flag." + f + ".hint")),
            Stream.of("SERVICE_USER", "STAFF", "CARER", "NEIGHBOUR", "ORGANISATION").map(k -> "review.kind." + k),
            Stream.of("INDIVIDUAL", "OPERATIONAL", "STRATEGIC").map(l -> "review.level." + l),
            Stream.of("GOALS_JOINTLY_SET", "TRAINING_CO_DELIVERED", "TRAINING_CONTRIBUTED", "OFFICIAL_INFORMATION",
                    "INVOLVEMENT_MEETING", "SERVICE_CO_DESIGNED", "GOVERNING_BODY").map(i -> "review.indicator." + i),
            Stream.of("name", "kind", "given", "received", "balance", "reciprocity", "last_activity", "waiting")
                    .map(c -> "review.column." + c),
            Stream.of("from", "to", "backwards", "long").map(e -> "review.period.error." + e)).flatMap(s -> s).toList();

    @Test
    void englishAndFrenchHoldTheSameKeysAndNoneIsEmpty() throws IOException {
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        assertThat(fr.stringPropertyNames()).as("keys missing in French")
                .containsAll(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).as("keys missing in English")
                .containsAll(fr.stringPropertyNames());
        en.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
        fr.forEach((k, v) -> assertThat(v.toString()).as(k.toString()).isNotBlank());
        System.out.println("Message bundles: " + en.size() + " keys in English and French");
    }

    /**
     * A key written twice: the bundles are merged line by line (union), so two branches changing the
     * same words can leave both versions, and which one a page shows would be an accident.
     */
    @Test
    void noKeyIsWrittenTwice() throws IOException {
        for (String file : List.of("messages.properties", "messages_fr.properties")) {
            List<String> keys = Files.readAllLines(RESOURCES.resolve(file), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
                    .map(line -> line.substring(0, line.indexOf('=')).strip()).toList();
            Set<String> seen = new TreeSet<>();
            List<String> twice = keys.stream().filter(k -> !seen.add(k)).toList();
            assertThat(twice).as(file + ": keys written twice").isEmpty();
        }
    }

    @Test
    void everyKeyATemplateOrControllerUsesIsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>(BUILT);
        used.addAll(keys(RESOURCES.resolve("templates"), ".html", Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]|#messages\\.msg\\('([A-Za-z0-9_.]+)'")));
        used.addAll(keys(SOURCES, ".java", Pattern.compile(
                "(?:text|getMessage)\\(\"([A-Za-z0-9_.]+)\"|new PageError\\(\"[^\"]*\", \"([a-z][A-Za-z0-9_]*\\.[A-Za-z0-9_.]+)\"")));
        Properties en = bundle("messages.properties");
        Properties fr = bundle("messages_fr.properties");
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(k -> !en.containsKey(k)).toList()).as("used but not in English").isEmpty();
        assertThat(used.stream().filter(k -> !fr.containsKey(k)).toList()).as("used but not in French").isEmpty();
        System.out.println("Message bundles: " + used.size() + " keys used by templates and controllers, all in both");
    }

    private static Set<String> keys(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            keys.add(m.group(g));
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }
}
