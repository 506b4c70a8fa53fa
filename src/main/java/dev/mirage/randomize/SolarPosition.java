package dev.mirage.randomize;

import java.time.LocalDate;

/**
 * Where the sun stands in the sky for a place, date and clock time, by the NOAA solar calculator's
 * algorithm (the NOAA Global Monitoring Laboratory spreadsheet, after J. Meeus, "Astronomical
 * Algorithms"): the sun's apparent longitude and the obliquity give its declination, the equation of
 * time and the longitude give the true solar time and so the hour angle. Accurate to about 0.01° for
 * years 1800–2100.
 *
 * <p>The elevation is geometric: it leaves out atmospheric refraction, which lifts the sun's
 * apparent position by about 0.57° at the horizon and under 0.1° above 10° elevation.
 *
 * <p>Thread safety: stateless; call from any thread.
 */
public final class SolarPosition {
    private SolarPosition() {}

    /**
     * The sun's direction as seen from the ground.
     *
     * @param elevationDeg angle above the horizon in [-90, 90] degrees, geometric (no refraction)
     * @param azimuthDeg   compass bearing in [0, 360) degrees: 0 north, 90 east, 180 south, 270 west
     */
    public record Angles(double elevationDeg, double azimuthDeg) {
        public Angles {
            if (!(elevationDeg >= -90 && elevationDeg <= 90))
                throw new IllegalArgumentException("elevationDeg: expected [-90, 90], got " + elevationDeg);
            if (!(azimuthDeg >= 0 && azimuthDeg < 360))
                throw new IllegalArgumentException("azimuthDeg: expected [0, 360), got " + azimuthDeg);
        }
    }

    /**
     * The sun's position at a place and local clock time.
     *
     * @param date           the local calendar date
     * @param clockHours     local clock time in hours since midnight, in [0, 24]
     * @param utcOffsetHours the clock's offset from UTC in hours, in [-18, 18] (+1 for CET, -5 for EST)
     * @param latitudeDeg    latitude in [-90, 90] degrees, north positive
     * @param longitudeDeg   longitude in [-180, 180] degrees, east positive
     * @throws IllegalArgumentException for an argument outside its range
     */
    public static Angles of(LocalDate date, double clockHours, double utcOffsetHours, double latitudeDeg,
                            double longitudeDeg) {
        check("clockHours", clockHours, 0, 24);
        check("utcOffsetHours", utcOffsetHours, -18, 18);
        check("latitudeDeg", latitudeDeg, -90, 90);
        check("longitudeDeg", longitudeDeg, -180, 180);
        double julianDay = date.toEpochDay() + 2440587.5 + (clockHours - utcOffsetHours) / 24;
        double t = (julianDay - 2451545) / 36525; // Julian centuries since J2000.0

        double meanLongDeg = (280.46646 + t * (36000.76983 + t * 0.0003032)) % 360;
        double meanAnomaly = Math.toRadians(357.52911 + t * (35999.05029 - 0.0001537 * t));
        double eccentricity = 0.016708634 - t * (0.000042037 + 0.0000001267 * t);
        double centreDeg = Math.sin(meanAnomaly) * (1.914602 - t * (0.004817 + 0.000014 * t))
                + Math.sin(2 * meanAnomaly) * (0.019993 - 0.000101 * t) + Math.sin(3 * meanAnomaly) * 0.000289;
        double node = Math.toRadians(125.04 - 1934.136 * t);
        double apparentLong = Math.toRadians(meanLongDeg + centreDeg - 0.00569 - 0.00478 * Math.sin(node));
        double meanObliquityDeg = 23 + (26 + (21.448 - t * (46.815 + t * (0.00059 - t * 0.001813))) / 60) / 60;
        double obliquity = Math.toRadians(meanObliquityDeg + 0.00256 * Math.cos(node));
        double declination = Math.asin(Math.sin(obliquity) * Math.sin(apparentLong));

        double y = Math.pow(Math.tan(obliquity / 2), 2), l0 = Math.toRadians(meanLongDeg);
        double equationOfTimeMin = 4 * Math.toDegrees(y * Math.sin(2 * l0)
                - 2 * eccentricity * Math.sin(meanAnomaly)
                + 4 * eccentricity * y * Math.sin(meanAnomaly) * Math.cos(2 * l0)
                - 0.5 * y * y * Math.sin(4 * l0)
                - 1.25 * eccentricity * eccentricity * Math.sin(2 * meanAnomaly));
        double trueSolarMin = clockHours * 60 + equationOfTimeMin + 4 * longitudeDeg - 60 * utcOffsetHours;
        double hourAngle = Math.toRadians(trueSolarMin / 4 - 180);

        // the sun's unit direction in local east, north, up coordinates
        double lat = Math.toRadians(latitudeDeg);
        double east = -Math.cos(declination) * Math.sin(hourAngle);
        double north = Math.cos(lat) * Math.sin(declination) - Math.sin(lat) * Math.cos(declination) * Math.cos(hourAngle);
        double up = Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle);
        double elevationDeg = Math.toDegrees(Math.atan2(up, Math.hypot(east, north)));
        double azimuthDeg = (Math.toDegrees(Math.atan2(east, north)) + 360) % 360;
        return new Angles(elevationDeg, azimuthDeg);
    }

    private static void check(String name, double value, double min, double max) {
        if (!(value >= min && value <= max))
            throw new IllegalArgumentException(name + ": expected [" + min + ", " + max + "], got " + value);
    }
}
