package org.reciprocity.portal.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a signed contribution record says, read from its credential and nothing else: a page about a
 * record shows only what the member chose to put in it.
 *
 * @param memberName null when the member chose not to show their name
 */
public record RecordView(String code, String timebankName, String memberName, LocalDate from, LocalDate to,
                         Instant issuedAt, long totalMinutes, Map<String, Long> minutesByKind, List<Entry> entries) {

    /** One contribution: its day and validation time only if the member chose to show dates. */
    public record Entry(String kind, long minutes, LocalDate happenedOn, Instant validatedAt, String validatedBy) {
    }

    /** Reads the credential's JSON (as Nimbus parses it); null for anything that is not one of our records. */
    @SuppressWarnings("unchecked")
    static RecordView of(Map<String, Object> credential) {
        try {
            if (!(credential.get("type") instanceof List<?> types) || !types.contains("OpenBadgeCredential")) {
                return null;
            }
            Map<String, Object> issuer = (Map<String, Object>) credential.get("issuer");
            Map<String, Object> subject = (Map<String, Object>) credential.get("credentialSubject");
            Map<String, Object> record = (Map<String, Object>) subject.get("contributionRecord");
            Map<String, Object> period = (Map<String, Object>) record.getOrDefault("period", Map.of());
            Map<String, Long> byKind = new LinkedHashMap<>();
            ((Map<String, Object>) record.getOrDefault("minutesByKind", Map.of()))
                    .forEach((kind, minutes) -> byKind.put(kind, ((Number) minutes).longValue()));
            List<Entry> entries = new ArrayList<>();
            for (Object o : (List<Object>) record.getOrDefault("entries", List.of())) {
                Map<String, Object> e = (Map<String, Object>) o;
                entries.add(new Entry((String) e.get("kind"), ((Number) e.get("minutes")).longValue(),
                        e.get("happenedOn") == null ? null : LocalDate.parse((String) e.get("happenedOn")),
                        e.get("validatedAt") == null ? null : Instant.parse((String) e.get("validatedAt")),
                        (String) e.get("validatedBy")));
            }
            return new RecordView((String) record.get("verificationCode"), (String) issuer.get("name"),
                    (String) subject.get("name"),
                    period.get("from") == null ? null : LocalDate.parse((String) period.get("from")),
                    period.get("to") == null ? null : LocalDate.parse((String) period.get("to")),
                    Instant.parse((String) credential.get("validFrom")), ((Number) record.get("totalMinutes")).longValue(),
                    byKind, entries);
        } catch (RuntimeException notOurs) {
            // a credential of another shape (or signed by us but not a record) is not something this page can read
            return null;
        }
    }

    public boolean showsDates() {
        return entries.stream().anyMatch(e -> e.happenedOn() != null);
    }
}
