package dev.mirage.randomize;

import java.time.LocalDate;

/** Placeholder until the exact version lands. */
public final class SolarPosition {
    private SolarPosition() {}
    public record Angles(double elevationDeg, double azimuthDeg) {}
    public static Angles of(LocalDate date, double clockHours, double utcOffsetHours, double latitudeDeg, double longitudeDeg) {
        return new Angles(45, 180);
    }
}
