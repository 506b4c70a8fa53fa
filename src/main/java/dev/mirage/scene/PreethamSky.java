package dev.mirage.scene;

import org.joml.Vector3d;
import org.joml.Vector3dc;

/**
 * The analytic daylight sky of Preetham, Shirley and Smits, "A Practical Analytic Model for
 * Daylight" (SIGGRAPH 1999), for one sun position and turbidity T, in scene units (1 = 1000 cd/m²).
 *
 * <p>Each of luminance Y and chromaticity x, y follows the Perez distribution
 * {@code F(θ, γ) = (1 + A·e^(B / cos θ)) · (1 + C·e^(D·γ) + E·cos²γ)} (θ the view's zenith angle,
 * γ its angle to the sun) scaled to the zenith value: {@code Y(θ, γ) = Y_z · F(θ, γ) / F(0, θ_s)},
 * with the paper's coefficients linear in T and its zenith luminance
 * {@code Y_z = (4.0453·T − 4.9710)·tan χ − 0.2155·T + 2.4192} kcd/m², χ = (4/9 − T/120)(π − 2θ_s).
 * xyY is turned into linear sRGB (D65). Views below the horizon see the ground instead.
 *
 * <p>Below the horizon the model is evaluated with the sun on the horizon and faded by
 * {@code 10^(e / 3)} (e the elevation in degrees, negative): a tenth per 3° of depression, so civil
 * twilight (−6°) keeps 1% and nautical (−12°) 0.01%; its colour turns from the sunset's toward the
 * blue of the blue hour, times a tint of luminance 1 mixed from white to {@link #BLUE_HOUR} over the
 * first 6° of depression (the sky lit through the ozone layer's Chappuis band). A night glow (light pollution) is added at all
 * times: {@code G · (1 + 2·(1 − cos θ)) / 3} of a sodium-orange colour, G at the horizon. Cloud cover c
 * blends the clear sky toward the CIE overcast sky {@code L_z · (1 + 2 cos θ) / 3} (grey): see
 * {@link SkyLight}. Pure and immutable.
 */
public final class PreethamSky {
    /** Extraterrestrial solar illuminance over π: the radiance of a white surface facing the sun above the air, scene units. */
    public static final double SUN_ABOVE_AIR = 128_000 / Math.PI / Exposure.CANDELA_PER_UNIT;
    /** Night glow colour, linear sRGB of luminance 1 (high-pressure sodium light scattered by the air). */
    public static final Vector3dc GLOW_COLOR = new Vector3d(1.0, 0.62, 0.38).div(0.2126 + 0.7152 * 0.62 + 0.0722 * 0.38);

    /** The twilight tint at 6° of depression and below: linear sRGB of luminance 1. */
    public static final Vector3dc BLUE_HOUR = new Vector3d(0.55, 0.75, 1.25).div(0.2126 * 0.55 + 0.7152 * 0.75 + 0.0722 * 1.25);

    private final double[][] perez = new double[3][]; // Y, x, y: A..E
    private final Vector3d twilightTint;
    private final double[] zenithOverF0 = new double[3];
    private final double sunZenith;
    private final double fade;
    private final Vector3d towardSun;
    private final double nightGlow;

    public PreethamSky(Vector3dc towardSun, double turbidity, double nightGlowRadiance) {
        double t = turbidity;
        this.towardSun = new Vector3d(towardSun);
        double elevationDeg = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, towardSun.y()))));
        this.fade = elevationDeg >= 0 ? 1 : Math.pow(10, elevationDeg / 3);
        this.twilightTint = new Vector3d(1, 1, 1).lerp(BLUE_HOUR, Math.min(1, Math.max(0, -elevationDeg / 6)));
        this.sunZenith = Math.min(Math.PI / 2, Math.acos(Math.max(-1, Math.min(1, towardSun.y()))));
        this.nightGlow = nightGlowRadiance;
        perez[0] = new double[] {0.1787 * t - 1.4630, -0.3554 * t + 0.4275, -0.0227 * t + 5.3251, 0.1206 * t - 2.5771, -0.0670 * t + 0.3703};
        perez[1] = new double[] {-0.0193 * t - 0.2592, -0.0665 * t + 0.0008, -0.0004 * t + 0.2125, -0.0641 * t - 0.8989, -0.0033 * t + 0.0452};
        perez[2] = new double[] {-0.0167 * t - 0.2608, -0.0950 * t + 0.0092, -0.0079 * t + 0.2102, -0.0441 * t - 1.6537, -0.0109 * t + 0.0529};
        double ts = sunZenith;
        double chi = (4.0 / 9 - t / 120) * (Math.PI - 2 * ts);
        double yz = (4.0453 * t - 4.9710) * Math.tan(chi) - 0.2155 * t + 2.4192;
        double[] tv = {t * t, t, 1}, sv = {ts * ts * ts, ts * ts, ts, 1};
        double xz = bilinear(new double[][] {{0.00166, -0.00375, 0.00209, 0}, {-0.02903, 0.06377, -0.03202, 0.00394},
                {0.11693, -0.21196, 0.06052, 0.25886}}, tv, sv);
        double yzc = bilinear(new double[][] {{0.00275, -0.00610, 0.00317, 0}, {-0.04214, 0.08970, -0.04153, 0.00516},
                {0.15346, -0.26756, 0.06670, 0.26688}}, tv, sv);
        double[] zenith = {Math.max(yz, 0), xz, yzc};
        for (int i = 0; i < 3; i++) zenithOverF0[i] = zenith[i] / perez(perez[i], 1, ts);
    }

    private static double bilinear(double[][] m, double[] tv, double[] sv) {
        double s = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) s += tv[i] * m[i][j] * sv[j];
        return s;
    }

    /** The Perez function with coefficients {@code c} at cos θ and γ. */
    static double perez(double[] c, double cosTheta, double gamma) {
        double cg = Math.cos(gamma);
        return (1 + c[0] * Math.exp(c[1] / cosTheta)) * (1 + c[2] * Math.exp(c[3] * gamma) + c[4] * cg * cg);
    }

    /** Perez coefficients A..E of Y (0), x (1) and y (2). */
    public double[] coefficients(int channel) {
        return perez[channel].clone();
    }

    /** Zenith value over F(0, θ_s) of Y (0), x (1) and y (2): the shader's scale for each channel. */
    public double zenithOverF0(int channel) {
        return zenithOverF0[channel];
    }

    /** The sun's zenith angle the model is evaluated at (radians, at most π/2). */
    public double sunZenith() {
        return sunZenith;
    }

    /** The twilight tint times the fade: what the clear sky's colour is multiplied by (white with the sun up). */
    public Vector3d twilightScale() {
        return new Vector3d(twilightTint).mul(fade);
    }

    /** Twilight fade: 1 with the sun up, 10^(e/3) below. */
    public double fade() {
        return fade;
    }

    /** Linear sRGB radiance of the clear sky (with the fade, without glow or clouds) looking along unit {@code dir}, up-facing half only. */
    public Vector3d clearRadiance(Vector3dc dir) {
        double cosTheta = Math.max(dir.y(), 0.01);
        Vector3d sunDir = new Vector3d(towardSun.x(), Math.max(towardSun.y(), 0), towardSun.z()).normalize();
        double gamma = Math.acos(Math.max(-1, Math.min(1, sunDir.dot(dir))));
        double big = zenithOverF0[0] * perez(perez[0], cosTheta, gamma);
        double x = zenithOverF0[1] * perez(perez[1], cosTheta, gamma);
        double y = zenithOverF0[2] * perez(perez[2], cosTheta, gamma);
        return xyYToLinearSrgb(x, y, big).mul(twilightTint).mul(fade);
    }

    /** The night glow's radiance looking along unit {@code dir} (up-facing half). */
    public Vector3d glowRadiance(Vector3dc dir) {
        double w = nightGlow * (1 + 2 * (1 - Math.max(dir.y(), 0))) / 3;
        return new Vector3d(GLOW_COLOR).mul(w);
    }

    /** CIE xyY to linear sRGB (D65 primaries). */
    public static Vector3d xyYToLinearSrgb(double x, double y, double big) {
        double bx = x / y * big, bz = (1 - x - y) / y * big;
        return new Vector3d(3.2406 * bx - 1.5372 * big - 0.4986 * bz,
                -0.9689 * bx + 1.8758 * big + 0.0415 * bz,
                0.0557 * bx - 0.2040 * big + 1.0570 * bz).max(new Vector3d());
    }

    /**
     * The direct sun through the air at elevation {@code elevationDeg}: linear colour (brightest
     * component 1) and intensity (radiance of a white surface facing it, scene units), from the
     * relative air mass m = 1 / (cos θ + 0.15 · (93.885 − θ°)^−1.253) (Kasten) and Preetham's
     * appendix: Rayleigh transmittance exp(−0.008735 · λ^−4.08 · m) and aerosol (Ångström, α = 1.3,
     * β = 0.04608 · T − 0.04586) exp(−β · λ^−α · m), λ in µm at 0.65, 0.55, 0.45 for R, G, B. Below
     * the horizon the intensity is 0.
     */
    public static SunLight sunLight(double elevationDeg, double turbidity) {
        if (elevationDeg <= 0) return new SunLight(new Vector3d(1, 0.5, 0.2), 0);
        double zenithDeg = 90 - elevationDeg;
        double m = 1 / (Math.cos(Math.toRadians(zenithDeg)) + 0.15 * Math.pow(93.885 - zenithDeg, -1.253));
        double beta = 0.04608 * turbidity - 0.04586;
        double[] lambda = {0.65, 0.55, 0.45};
        double[] tau = new double[3];
        for (int i = 0; i < 3; i++)
            tau[i] = Math.exp(-0.008735 * Math.pow(lambda[i], -4.08) * m) * Math.exp(-beta * Math.pow(lambda[i], -1.3) * m);
        double max = Math.max(tau[0], Math.max(tau[1], tau[2]));
        return new SunLight(new Vector3d(tau[0] / max, tau[1] / max, tau[2] / max), SUN_ABOVE_AIR * max);
    }

    /** The sun's colour (brightest component 1) and intensity. */
    public record SunLight(Vector3d color, double intensity) {}
}
