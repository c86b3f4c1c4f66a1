package org.reciprocity.portal.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What review-service answers, as the pages read it (its records in {@code org.reciprocity.review.figures}).
 * Months are {@code yyyy-MM} and days {@code yyyy-MM-dd}, kept as text and read by the page.
 */
public final class ReviewFigures {

    private ReviewFigures() {
    }

    public record Period(String from, String to) {
    }

    public record Row(String memberId, String name, String kind, boolean suspended, long givenMinutes, long receivedMinutes,
               long balanceMinutes, Integer reciprocityPercent, Instant lastActivity, int waitingValidations,
               Instant waitingSince, Set<String> flags) {

        public Row {
            flags = flags == null ? Set.of() : flags;
        }

        /** The flags in a fixed order, so a row reads the same every time. */
        public List<String> orderedFlags() {
            return Flags.ORDER.stream().filter(flags::contains).toList();
        }
    }

    public record Page(Period period, List<Row> rows, int page, int size, int total, int flagged, long givenMinutes,
                long receivedMinutes) {

        public Page {
            rows = rows == null ? List.of() : rows;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public int lastPage() {
            return total == 0 ? 0 : (total - 1) / size;
        }
    }

    public record Share(long givenMinutes, long receivedMinutes, Integer givenPercent) {
    }

    public record ParityMonth(String month, long totalMinutes, Map<String, Map<String, Long>> matrix, Share serviceUsers) {

        public YearMonth yearMonth() {
            return YearMonth.parse(month);
        }
    }

    public record Parity(Period period, long totalMinutes, Map<String, Map<String, Long>> matrix, Share serviceUsers,
                  List<ParityMonth> trend) {

        public Parity {
            matrix = matrix == null ? Map.of() : matrix;
            trend = trend == null ? List.of() : trend;
        }

        public long minutes(String giver, String receiver) {
            Long m = matrix.getOrDefault(giver, Map.of()).get(receiver);
            return m == null ? 0 : m;
        }

        public long given(String giver) {
            return Flags.PARTY_KINDS.stream().mapToLong(r -> minutes(giver, r)).sum();
        }

        public long received(String receiver) {
            return Flags.PARTY_KINDS.stream().mapToLong(g -> minutes(g, receiver)).sum();
        }
    }

    public record IndicatorFigure(boolean met, int contributions, int people, long minutes, int serviceUsers) {
    }

    public record MonthFigure(String month, IndicatorFigure figure) {

        public YearMonth yearMonth() {
            return YearMonth.parse(month);
        }
    }

    public record Indicator(String kind, String level, IndicatorFigure period, List<MonthFigure> trend) {

        public Indicator {
            trend = trend == null ? List.of() : trend;
        }
    }

    public record Indicators(Period period, List<Indicator> indicators) {

        public Indicators {
            indicators = indicators == null ? List.of() : indicators;
        }

        public List<Indicator> at(String level) {
            return indicators.stream().filter(i -> level.equals(i.level())).toList();
        }
    }

    /** A contribution behind an indicator: ids, kinds and dates only. */
    public record Behind(String contributionId, String kind, String happenedOn, String postedOn, long minutes,
                  String giverKind, String receiverKind, boolean groupActivity) {

        public LocalDate happened() {
            return happenedOn == null ? null : LocalDate.parse(happenedOn);
        }

        public LocalDate posted() {
            return postedOn == null ? null : LocalDate.parse(postedOn);
        }
    }

    /** The words the pages build keys from, with every value they can take (MessageBundlesTest lists them too). */
    static final class Flags {
        static final List<String> ORDER = List.of("LONG_WAIT_FOR_VALIDATION", "NEAR_LIMIT", "RECEIVED_MUCH_NEVER_GAVE",
                "GAVE_MUCH_NEVER_RECEIVED");
        static final List<String> PARTY_KINDS = List.of("SERVICE_USER", "STAFF", "CARER", "NEIGHBOUR", "ORGANISATION");
        static final List<String> MEMBER_KINDS = List.of("SERVICE_USER", "STAFF", "CARER", "NEIGHBOUR");
        static final List<String> LEVELS = List.of("INDIVIDUAL", "OPERATIONAL", "STRATEGIC");
        static final List<String> INDICATORS = List.of("GOALS_JOINTLY_SET", "TRAINING_CO_DELIVERED", "TRAINING_CONTRIBUTED",
                "OFFICIAL_INFORMATION", "INVOLVEMENT_MEETING", "SERVICE_CO_DESIGNED", "GOVERNING_BODY");
        static final List<String> SORTS = List.of("name", "kind", "given", "received", "balance", "reciprocity",
                "last_activity", "waiting");

        private Flags() {
        }
    }
}
