package org.reciprocity.ledger.record;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.reciprocity.contracts.contribution.CoproductionKind;

/**
 * A contribution record as a W3C Verifiable Credential 2.0 shaped as an Open Badges 3.0
 * {@code OpenBadgeCredential}, so wallets and checkers that read those can read it: the issuer is the
 * timebank, the subject the member (named only if they chose), the achievement "time given", its
 * results the minutes by kind, and the entries under {@code contributionRecord}. Plain maps in a fixed
 * order, signed as they are. Only what {@link Sharing} lets through is written.
 */
final class Credential {

    static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    private Credential() {
    }

    /** Who issues and about whom: the facts a record states besides the contributions. */
    record Issue(String code, String timebankId, String timebankName, String memberName, Instant issuedAt) {
    }

    static Map<String, Object> of(Issue issue, Sharing sharing, List<GivenTime> given) {
        List<GivenTime> shown = given.stream().filter(sharing::includes)
                .sorted(Comparator.comparing(GivenTime::happenedOn).thenComparing(GivenTime::validatedAt)).toList();
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
        credential.put("id", "urn:reciprocity:contribution-record:" + issue.code());
        credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        credential.put("name", "Contribution record");
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", "urn:reciprocity:timebank:" + issue.timebankId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", issue.timebankName());
        credential.put("issuer", issuer);
        credential.put("validFrom", issue.issuedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        credential.put("credentialSubject", subject(issue, sharing, shown));
        return credential;
    }

    private static Map<String, Object> subject(Issue issue, Sharing sharing, List<GivenTime> shown) {
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        if (sharing.showName() && issue.memberName() != null) {
            subject.put("name", issue.memberName());
        }
        subject.put("achievement", achievement());
        Map<CoproductionKind, Long> byKind = new TreeMap<>();
        shown.forEach(g -> byKind.merge(g.kind(), g.minutes(), Long::sum));
        List<Map<String, Object>> results = new ArrayList<>();
        byKind.forEach((kind, minutes) -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("type", List.of("Result"));
            result.put("resultDescription", "urn:reciprocity:result:minutes-given");
            result.put("kind", kind.name());
            result.put("value", Long.toString(minutes));
            results.add(result);
        });
        subject.put("result", results);
        subject.put("contributionRecord", record(issue, sharing, shown, byKind));
        return subject;
    }

    private static Map<String, Object> achievement() {
        Map<String, Object> achievement = new LinkedHashMap<>();
        achievement.put("id", "urn:reciprocity:achievement:time-given");
        achievement.put("type", List.of("Achievement"));
        achievement.put("achievementType", "ext:TimeGiven");
        achievement.put("name", "Time given to the community");
        achievement.put("description", "Time this member gave through the timebank, in whole minutes, by kind of contribution.");
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("narrative", "Each entry was recorded in the timebank's ledger and validated by someone other than "
                + "the member who gave the time: the person or organisation helped, or a coordinator.");
        achievement.put("criteria", criteria);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("id", "urn:reciprocity:result:minutes-given");
        description.put("type", List.of("ResultDescription"));
        description.put("name", "Minutes given");
        description.put("resultType", "ext:Minutes");
        achievement.put("resultDescription", List.of(description));
        return achievement;
    }

    private static Map<String, Object> record(Issue issue, Sharing sharing, List<GivenTime> shown,
                                              Map<CoproductionKind, Long> byKind) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("verificationCode", issue.code());
        Map<String, Object> period = new LinkedHashMap<>();
        if (sharing.from() != null) {
            period.put("from", sharing.from().toString());
        }
        if (sharing.to() != null) {
            period.put("to", sharing.to().toString());
        }
        record.put("period", period);
        record.put("totalMinutes", shown.stream().mapToLong(GivenTime::minutes).sum());
        Map<String, Object> minutesByKind = new LinkedHashMap<>();
        byKind.forEach((kind, minutes) -> minutesByKind.put(kind.name(), minutes));
        record.put("minutesByKind", minutesByKind);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (GivenTime g : shown) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", g.kind().name());
            entry.put("minutes", g.minutes());
            if (sharing.showDates()) {
                entry.put("happenedOn", g.happenedOn().toString());
                entry.put("validatedAt", g.validatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            entry.put("validated", true);
            entry.put("validatedBy", g.validatedBy().name());
            entries.add(entry);
        }
        record.put("entries", entries);
        return record;
    }
}
