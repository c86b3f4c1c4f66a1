package org.reciprocity.ledger.book;

/**
 * An amount of time in whole minutes. One hour of anyone's time is sixty of these: never a
 * floating-point number, never a fraction of a minute.
 */
public record Minutes(long value) implements Comparable<Minutes> {

    public static final Minutes ZERO = new Minutes(0);
    /** The longest single contribution: one day. */
    public static final Minutes ONE_DAY = new Minutes(24 * 60);

    public static Minutes of(long value) {
        return new Minutes(value);
    }

    public static Minutes hours(long hours) {
        return new Minutes(Math.multiplyExact(hours, 60));
    }

    public Minutes plus(Minutes other) {
        return new Minutes(Math.addExact(value, other.value));
    }

    public Minutes minus(Minutes other) {
        return new Minutes(Math.subtractExact(value, other.value));
    }

    public boolean isPositive() {
        return value > 0;
    }

    @Override
    public int compareTo(Minutes other) {
        return Long.compare(value, other.value);
    }

    /** In words a member reads: "-10 h", "1 h 30 min", "45 min". */
    @Override
    public String toString() {
        long abs = Math.abs(value);
        String sign = value < 0 ? "-" : "";
        long h = abs / 60;
        long m = abs % 60;
        if (h == 0) {
            return sign + m + " min";
        }
        return sign + h + " h" + (m == 0 ? "" : " " + m + " min");
    }
}
