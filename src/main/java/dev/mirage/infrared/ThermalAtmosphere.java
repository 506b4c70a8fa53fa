package dev.mirage.infrared;

import dev.mirage.scene.Sky;
import dev.mirage.scene.Thermal;
import dev.mirage.scene.Weather;

/**
 * The air between a thermal camera and what it sees, and the sky above, in one band.
 *
 * <p><b>Extinction</b> (1/m): water vapour's continuum, {@code 1e-5 + 1.6e-5 · ρw} with ρw the
 * absolute humidity in g/m³ (Magnus formula; 20 °C at 60 % gives 1.8·10⁻⁴/m, 84 % transmittance
 * over a kilometre); fog, {@value #FOG_LWIR_RATIO} of its visible extinction 3.912 / V (LWIR crosses
 * radiation fog's small droplets far better than light); rain, 1.076 · R^0.67 dB/km; snow as rain of
 * twice its rate. The height profile of fog is not modelled in the infrared. A path of {@code d}
 * metres keeps {@code τ = exp(−β d)} of the radiance behind it and adds {@code (1 − τ) · B(Ta)}.
 *
 * <p><b>Sky</b>: radiance {@code ε(θ) · B(Ta)} with {@code ε(θ) = 1 − (1 − εz)^(1 / cos θ)} (θ from
 * the zenith, cos clamped at 0.02), the zenith emissivity of clear sky in the window
 * {@code εz = min(0.1 + 0.015 ρw, 0.9)} raised toward 0.97 by cloud cover, and 1 in fog, rain or
 * snow. Below the horizon the surroundings are ground at {@code Ta + 2 K}.
 *
 * <p>Thread safety: immutable.
 */
public record ThermalAtmosphere(Planck band, double airK, double extinctionPerM, double zenithEmissivity) {
    /** Share of fog's visible extinction that applies in the LWIR. */
    public static final double FOG_LWIR_RATIO = 0.3;
    /** How much warmer than the air the ground seen in reflections is. */
    public static final double GROUND_OFFSET_K = 2;

    /** The atmosphere of a frame. */
    public static ThermalAtmosphere of(Planck band, Thermal thermal, Weather weather, Sky sky) {
        double rho = absoluteHumidity(thermal.airK(), thermal.relativeHumidity());
        double rain = weather.precipitation().rainRateMmH() + 2 * weather.precipitation().snowRateMmH();
        double beta = 1e-5 + 1.6e-5 * rho + FOG_LWIR_RATIO * weather.extinctionPerMetre()
                + (rain > 0 ? 1.076 * Math.pow(rain, 0.67) / 4342.9 : 0);
        double clear = Math.min(0.1 + 0.015 * rho, 0.9);
        double zenith = weather.foggy() || rain > 0 ? 1 : clear + (0.97 - clear) * sky.cloudCover();
        return new ThermalAtmosphere(band, thermal.airK(), beta, Math.min(zenith, 1));
    }

    /** Water vapour in g/m³ at this air temperature (K) and relative humidity (0..1). */
    public static double absoluteHumidity(double airK, double relativeHumidity) {
        double c = airK - 273.15;
        double saturationHpa = 6.112 * Math.exp(17.62 * c / (243.12 + c));
        return 216.7 * relativeHumidity * saturationHpa / airK;
    }

    /** Share of radiance that crosses {@code distanceM} metres. */
    public double transmittance(double distanceM) {
        return Math.exp(-extinctionPerM * distanceM);
    }

    /** What reaches the camera from a surface {@code distanceM} away whose leaving radiance is {@code radiance}. */
    public double atSensor(double radiance, double distanceM) {
        double t = transmittance(distanceM);
        return t * radiance + (1 - t) * band.radiance(airK);
    }

    /** The radiance arriving from direction with vertical component {@code up} (world y of a unit vector). */
    public double environment(double up) {
        if (up <= 0) return band.radiance(airK + GROUND_OFFSET_K);
        double cos = Math.max(up, 0.02);
        double emissivity = 1 - Math.pow(1 - zenithEmissivity, 1 / cos);
        return emissivity * band.radiance(airK);
    }
}
