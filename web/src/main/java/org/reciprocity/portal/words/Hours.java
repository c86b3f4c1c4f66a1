package org.reciprocity.portal.words;

/** Time as members read it: whole hours and minutes, never decimals ("1 h 30 min", "45 min", "0 min"). */
public final class Hours {

    private Hours() {
    }

    public static String of(long minutes) {
        String sign = minutes < 0 ? "-" : "";
        long m = Math.abs(minutes);
        long h = m / 60;
        long rest = m % 60;
        if (h == 0) {
            return sign + rest + " min";
        }
        return rest == 0 ? sign + h + " h" : sign + h + " h " + rest + " min";
    }

    /**
     * Minutes from what a person typed in the hours and minutes boxes; null when either is not a whole
     * number, negative, or the minutes are 60 or more.
     */
    public static Long parse(String hours, String minutes) {
        Long h = whole(hours);
        Long m = whole(minutes);
        if (h == null || m == null || m >= 60 || h > 1000) {
            return null;
        }
        return h * 60 + m;
    }

    private static Long whole(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0L;
        }
        if (!t.matches("\\d{1,4}")) {
            return null;
        }
        return Long.parseLong(t);
    }
}
