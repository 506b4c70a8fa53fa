package dev.mirage.randomize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.randomize.SolarPosition.Angles;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Sun positions against facts of spherical astronomy. At local solar noon the elevation is
 * 90° - |latitude - declination|; the declination is +23.44° at the June solstice and about 0° at
 * the equinoxes (it moves at most 0.4° a day); on an equinox the sun rises due east and sets due
 * west at every latitude. Clock time and local solar time differ by the equation of time, within
 * ±16.5 minutes over the year (-7.5 min on 20 March, -1.7 min on 21 June, +7.4 min on 22 September),
 * and the sun's hour angle moves 0.25° a minute.
 */
class SolarPositionTest {
    private static final LocalDate MARCH_EQUINOX = LocalDate.of(2024, 3, 20); // 03:06 UTC
    private static final LocalDate SEPTEMBER_EQUINOX = LocalDate.of(2024, 9, 22); // 12:44 UTC
    private static final LocalDate JUNE_SOLSTICE = LocalDate.of(2024, 6, 21); // 20 June 20:51 UTC

    private static Angles utc(LocalDate date, double hours, double latitudeDeg) {
        return SolarPosition.of(date, hours, 0, latitudeDeg, 0);
    }

    /** Angle between two compass bearings, in [0, 180]. */
    private static double bearingDistance(double a, double b) {
        double d = Math.abs(a - b) % 360;
        return Math.min(d, 360 - d);
    }

    @Test
    void equinoxNoonAtTheEquatorIsNearlyOverhead() {
        // at 12:00 UTC on longitude 0 local solar time is 11:52.5, hour angle -1.9°; declination +0.15°
        double elevation = utc(MARCH_EQUINOX, 12, 0).elevationDeg();
        assertTrue(elevation > 88 && elevation < 90, "elevation " + elevation);
        assertEquals(90 - Math.hypot(7.5 / 4, 0.15), elevation, 0.1);
    }

    @Test
    void juneSolsticeSunIsOverheadOnTheTropicOfCancerAtSolarNoon() {
        double best = -90, bestHours = 0;
        for (int minute = 11 * 60; minute <= 13 * 60; minute++) {
            double hours = minute / 60.0, elevation = utc(JUNE_SOLSTICE, hours, 23.44).elevationDeg();
            if (elevation > best) {
                best = elevation;
                bestHours = hours;
            }
        }
        assertEquals(90, best, 0.05);
        // solar noon on longitude 0 comes 1.7 minutes after 12:00 UTC
        assertEquals(12 + 1.7 / 60, bestHours, 1.5 / 60);
    }

    @Test
    void greenwichAtMiddayOnTheSolstice() {
        Angles a = SolarPosition.of(JUNE_SOLSTICE, 12, 0, 51.48, 0);
        // 90 - 51.48 + 23.44 = 61.96 at solar noon; 1.7 minutes before it the drop is under 0.001°
        assertEquals(61.96, a.elevationDeg(), 0.05);
        // 0.42° of hour angle before noon turns the bearing ~0.8° east of south
        assertEquals(180, a.azimuthDeg(), 3);
        assertTrue(a.azimuthDeg() < 180, "still morning: " + a.azimuthDeg());
    }

    @Test
    void clockTimeAndUtcOffsetDescribeTheSameInstant() {
        Angles utc = SolarPosition.of(JUNE_SOLSTICE, 12, 0, 51.48, 0);
        Angles summerTime = SolarPosition.of(JUNE_SOLSTICE, 13, 1, 51.48, 0);
        assertEquals(utc.elevationDeg(), summerTime.elevationDeg(), 1e-9);
        assertEquals(utc.azimuthDeg(), summerTime.azimuthDeg(), 1e-9);
    }

    @Test
    void equinoxSunRisesDueEastAndSetsDueWestAtTheEquator() {
        // 06:00 and 18:00 solar time are sunrise and sunset; clock time differs by the equation of time
        Angles morning = utc(MARCH_EQUINOX, 6, 0), evening = utc(SEPTEMBER_EQUINOX, 18, 0);
        assertEquals(0, morning.elevationDeg(), 16.5 / 4 + 0.5);
        assertEquals(0, evening.elevationDeg(), 16.5 / 4 + 0.5);
        // more precisely: 7.5 minutes before sunrise (-1.9°) and 7.4 minutes after sunset (-1.85°)
        assertEquals(-7.5 / 4, morning.elevationDeg(), 0.2);
        assertEquals(-7.4 / 4, evening.elevationDeg(), 0.2);
        // at the equator the bearing strays from east or west by about the declination, under 0.5°
        assertEquals(90, morning.azimuthDeg(), 0.5);
        assertEquals(270, evening.azimuthDeg(), 0.5);
    }

    @Test
    void northernMorningSunIsEastAndAfternoonSunWest() {
        // at latitude 40° on the equinox near 06:00 and 18:00: due east and west, give or take the hour
        // angle error of the equation of time, which turns the bearing by under 4°
        assertEquals(90, utc(MARCH_EQUINOX, 6, 40).azimuthDeg(), 4);
        assertEquals(270, utc(MARCH_EQUINOX, 18, 40).azimuthDeg(), 4);
        double solarNoon = 12 + 1.7 / 60;
        for (double hours = 0.5; hours <= 5; hours += 0.5) {
            double am = utc(JUNE_SOLSTICE, solarNoon - hours, 40).azimuthDeg();
            double pm = utc(JUNE_SOLSTICE, solarNoon + hours, 40).azimuthDeg();
            assertTrue(am > 0 && am < 180, hours + " h before noon: " + am);
            assertTrue(pm > 180 && pm < 360, hours + " h after noon: " + pm);
            // mirror images about the meridian
            assertEquals(360, am + pm, 1);
        }
    }

    @Test
    void southernNoonSunIsInTheNorth() {
        Angles a = utc(JUNE_SOLSTICE, 12, -33.9);
        assertEquals(0, bearingDistance(a.azimuthDeg(), 0), 3);
        assertEquals(90 - 33.9 - 23.44, a.elevationDeg(), 0.05);
    }

    @Test
    void polarNightAndMidnightSun() {
        // at 80°N the December sun stays 13.4° below the horizon at noon; in June it stays 13.4° up at midnight
        assertEquals(90 - 80 - 23.44, utc(LocalDate.of(2024, 12, 21), 12, 80).elevationDeg(), 0.1);
        assertEquals(80 + 23.44 - 90, utc(JUNE_SOLSTICE, 0, 80).elevationDeg(), 0.1);
        assertEquals(0, bearingDistance(utc(JUNE_SOLSTICE, 0, 80).azimuthDeg(), 0), 3, "midnight sun due north");
    }

    @Test
    void anglesStayInRange() {
        for (int day = 0; day < 366; day += 7)
            for (double hours = 0; hours <= 24; hours += 1.5)
                for (double lat = -90; lat <= 90; lat += 30) {
                    Angles a = SolarPosition.of(LocalDate.of(2024, 1, 1).plusDays(day), hours, 3, lat, -75);
                    assertTrue(a.azimuthDeg() >= 0 && a.azimuthDeg() < 360, a.toString());
                    assertTrue(a.elevationDeg() >= -90 && a.elevationDeg() <= 90, a.toString());
                }
    }

    @Test
    void argumentsOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SolarPosition.of(JUNE_SOLSTICE, 25, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SolarPosition.of(JUNE_SOLSTICE, 12, 19, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SolarPosition.of(JUNE_SOLSTICE, 12, 0, 91, 0));
        assertThrows(IllegalArgumentException.class, () -> SolarPosition.of(JUNE_SOLSTICE, 12, 0, 0, -181));
        assertThrows(IllegalArgumentException.class, () -> SolarPosition.of(JUNE_SOLSTICE, Double.NaN, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Angles(0, 360));
        assertThrows(IllegalArgumentException.class, () -> new Angles(91, 0));
    }
}
