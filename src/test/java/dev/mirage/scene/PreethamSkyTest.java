package dev.mirage.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.joml.Vector3d;
import org.junit.jupiter.api.Test;

/**
 * The analytic sky against the paper, computed here again from Preetham, Shirley and Smits (1999),
 * appendix A.2 (Perez coefficients of Y, zenith luminance), written out independently of the code;
 * the sun's transmittance against Kasten's air mass and Preetham's Rayleigh + aerosol terms; the
 * Kasten–Czeplak cloud factor; and the auto exposure's key and scale.
 */
class PreethamSkyTest {
    /** Zenith luminance (kcd/m²) from the paper. */
    static double zenithY(double t, double thetaS) {
        double chi = (4.0 / 9.0 - t / 120.0) * (Math.PI - 2 * thetaS);
        return (4.0453 * t - 4.9710) * Math.tan(chi) - 0.2155 * t + 2.4192;
    }

    /** Perez F for luminance Y from the paper's table. */
    static double perezY(double t, double theta, double gamma) {
        double a = 0.1787 * t - 1.4630, b = -0.3554 * t + 0.4275, c = -0.0227 * t + 5.3251, d = 0.1206 * t - 2.5771,
                e = -0.0670 * t + 0.3703;
        return (1 + a * Math.exp(b / Math.cos(theta))) * (1 + c * Math.exp(d * gamma) + e * Math.cos(gamma) * Math.cos(gamma));
    }

    static double luminance(Vector3d c) {
        return 0.2126 * c.x + 0.7152 * c.y + 0.0722 * c.z;
    }

    @Test
    void zenithAndSkyLuminanceFollowThePaper() {
        for (double t : new double[] {2, 3, 6}) {
            for (double elevationDeg : new double[] {15, 40, 70}) {
                double thetaS = Math.toRadians(90 - elevationDeg);
                Vector3d toward = Sun.towardSun(Math.toRadians(elevationDeg), Math.toRadians(30));
                PreethamSky sky = new PreethamSky(toward, t, 0);
                double yz = zenithY(t, thetaS);
                assertEquals(yz, luminance(sky.clearRadiance(new Vector3d(0, 1, 0))), 0.01 * yz, "zenith, T " + t + ", e " + elevationDeg);
                // a view 20° above the horizon, 100° of azimuth away from the sun
                double theta = Math.toRadians(70);
                Vector3d view = Sun.towardSun(Math.toRadians(20), Math.toRadians(130));
                double gamma = Math.acos(view.dot(toward));
                double expected = yz * perezY(t, theta, gamma) / perezY(t, 0, thetaS);
                assertEquals(expected, luminance(sky.clearRadiance(view)), 0.01 * expected, "view, T " + t + ", e " + elevationDeg);
            }
        }
    }

    @Test
    void skyIsBrightestNearTheSunAndFadesThroughTwilight() {
        Vector3d toward = Sun.towardSun(Math.toRadians(30), 0);
        PreethamSky sky = new PreethamSky(toward, 3, 0);
        double nearSun = luminance(sky.clearRadiance(Sun.towardSun(Math.toRadians(35), 0)));
        double away = luminance(sky.clearRadiance(Sun.towardSun(Math.toRadians(35), Math.PI)));
        assertTrue(nearSun > 3 * away, nearSun + " vs " + away);
        Vector3d horizonView = Sun.towardSun(Math.toRadians(10), 0);
        double atSunset = luminance(new PreethamSky(Sun.towardSun(0, 0), 3, 0).clearRadiance(horizonView));
        double civil = luminance(new PreethamSky(Sun.towardSun(Math.toRadians(-6), 0), 3, 0).clearRadiance(horizonView));
        assertEquals(0.01, new PreethamSky(Sun.towardSun(Math.toRadians(-6), 0), 3, 0).fade(), 1e-12, "a tenth per 3° of depression");
        // the blue-hour tint has luminance 1, so only the sky's own colour moves the luminance a little
        assertEquals(0.01, civil / atSunset, 0.001);
        Vector3d blueHour = new PreethamSky(Sun.towardSun(Math.toRadians(-6), 0), 3, 0).clearRadiance(horizonView);
        Vector3d sunset = new PreethamSky(Sun.towardSun(0, 0), 3, 0).clearRadiance(horizonView);
        assertTrue(blueHour.z / blueHour.x > 2 * sunset.z / sunset.x, "twilight turns blue");
    }

    @Test
    void sunLightFollowsAirMassAndTurbidity() {
        double t = 3, elevation = 30;
        double zenithDeg = 60;
        double m = 1 / (Math.cos(Math.toRadians(zenithDeg)) + 0.15 * Math.pow(93.885 - zenithDeg, -1.253));
        double beta = 0.04608 * t - 0.04586;
        double tauRed = Math.exp(-0.008735 * Math.pow(0.65, -4.08) * m - beta * Math.pow(0.65, -1.3) * m);
        double tauBlue = Math.exp(-0.008735 * Math.pow(0.45, -4.08) * m - beta * Math.pow(0.45, -1.3) * m);
        PreethamSky.SunLight light = PreethamSky.sunLight(elevation, t);
        assertEquals(128_000 / Math.PI / 1000 * tauRed, light.intensity(), 1e-9);
        assertEquals(tauBlue / tauRed, light.color().z, 1e-9);
        assertTrue(PreethamSky.sunLight(5, t).intensity() < 0.5 * light.intensity(), "low sun is dimmer");
        assertTrue(PreethamSky.sunLight(5, t).color().z < light.color().z, "low sun is redder");
        assertEquals(0, PreethamSky.sunLight(-1, t).intensity());
        assertTrue(PreethamSky.sunLight(30, 8).intensity() < light.intensity(), "haze dims the sun");
    }

    @Test
    void cloudsDimTheSunAsKastenAndCzeplak() {
        Sky sky = new Sky(new Vector3d(1), 1, Sky.Model.FLAT, 3, 0.5, 0);
        assertEquals(1 - 0.75 * Math.pow(0.5, 3.4), sky.sunThroughClouds(), 1e-12);
        assertEquals(0.25, new Sky(new Vector3d(1), 1, Sky.Model.FLAT, 3, 1, 0).sunThroughClouds(), 1e-12);
    }

    @Test
    void exposureValuesFollowTheDocumentedScale() {
        assertEquals(1000 / (1.2 * Math.pow(2, 15)), Exposure.factorOfEv(15), 1e-15);
        assertEquals(15, Exposure.evOfFactor(Exposure.factorOfEv(15)), 1e-12);
        assertEquals(1, Exposure.factorOfEv(Exposure.evOfFactor(1)), 1e-12);
    }
}
