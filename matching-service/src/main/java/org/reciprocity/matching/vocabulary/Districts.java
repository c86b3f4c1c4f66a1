package org.reciprocity.matching.vocabulary;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.reciprocity.matching.MatchingRefusal;
import org.reciprocity.matching.Refused;

/**
 * Coarse areas: a postcode district (the outward code, {@code M14}) and its approximate centroid.
 * Members give a district, never an address, so distance is only ever "about 2 km apart".
 * A small built-in table; a timebank elsewhere adds its districts here.
 */
public final class Districts {

    public record District(String code, double latitude, double longitude) {
    }

    private static final Map<String, District> TABLE = new TreeMap<>();

    static {
        // Manchester
        add("M1", 53.4794, -2.2353); add("M2", 53.4808, -2.2456); add("M3", 53.4835, -2.2520);
        add("M4", 53.4852, -2.2279); add("M8", 53.5070, -2.2370); add("M9", 53.5225, -2.2000);
        add("M11", 53.4830, -2.1870); add("M12", 53.4650, -2.2030); add("M13", 53.4610, -2.2200);
        add("M14", 53.4490, -2.2250); add("M15", 53.4680, -2.2530); add("M16", 53.4570, -2.2750);
        add("M19", 53.4330, -2.1900); add("M20", 53.4240, -2.2330); add("M21", 53.4400, -2.2800);
        add("M22", 53.3900, -2.2600); add("M23", 53.4000, -2.2900); add("M40", 53.5100, -2.1900);
        // London
        add("E1", 51.5150, -0.0550); add("E2", 51.5290, -0.0600); add("E8", 51.5430, -0.0650);
        add("N1", 51.5390, -0.0960); add("N7", 51.5530, -0.1170); add("NW1", 51.5350, -0.1450);
        add("SE1", 51.4980, -0.0900); add("SE5", 51.4740, -0.0930); add("SW2", 51.4520, -0.1230);
        add("SW9", 51.4680, -0.1160); add("W2", 51.5150, -0.1800); add("W10", 51.5220, -0.2150);
        // Bristol
        add("BS1", 51.4530, -2.5930); add("BS2", 51.4620, -2.5800); add("BS3", 51.4380, -2.6030);
        add("BS5", 51.4630, -2.5500); add("BS6", 51.4750, -2.6000); add("BS7", 51.4900, -2.5850);
    }

    private static void add(String code, double lat, double lon) {
        TABLE.put(code, new District(code, lat, lon));
    }

    private Districts() {
    }

    public static Optional<District> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(TABLE.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The district's code as stored, or a readable refusal. */
    public static String require(String code) {
        return find(code).map(District::code)
                .orElseThrow(() -> new Refused(MatchingRefusal.UNKNOWN_DISTRICT.with("value", code)));
    }

    public static java.util.Set<String> codes() {
        return TABLE.keySet();
    }

    /** Great-circle distance between two districts' centroids, in km; empty if either is unknown. */
    public static Optional<Double> kmBetween(String a, String b) {
        Optional<District> from = find(a);
        Optional<District> to = find(b);
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(haversineKm(from.get(), to.get()));
    }

    static double haversineKm(District a, District b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(h));
    }
}
