#version 450 core
// Sky pass: the background per pixel, drawn before the scene into the colour target only (depth and
// ids keep their clear values: no surface, instance 0). Same maths as dev.mirage.scene.SkyLight /
// PreethamSky: SKY_PREETHAM evaluates the Perez distribution of Y, x, y (coefficients and zenith
// scales from the CPU), converts xyY to linear sRGB, scales it by (1 - cover) * twilight fade, and adds
// the night glow and the grey CIE overcast sky (the scale carries the blue-hour tint); without it the background is one flat colour. Views
// below the horizon see the ground radiance. FOG mixes in the fog's radiance: all of it for fog of one
// density (the background is infinitely far), or 1 - T with FOG_HEIGHT, T the transmittance of the
// exponential height profile out to infinity. Then exposure and sRGB encoding, luma in alpha (FXAA).
in vec2 vUv;
layout(location = 0) out vec4 outColor;

uniform mat4 uInverseViewProjection;
uniform vec3 uCameraPosition;
uniform vec3 uTowardSun;
uniform float uExposure;
uniform vec3 uGroundRadiance;
#ifdef SKY_PREETHAM
uniform vec3 uPerezA;        // (Y, x, y)
uniform vec3 uPerezB;
uniform vec3 uPerezC;
uniform vec3 uPerezD;
uniform vec3 uPerezE;
uniform vec3 uZenithOverF0;  // zenith Y, x, y over F(0, sun zenith)
uniform vec3 uSunForSky;     // toward the sun, raised to the horizon when below it
uniform vec3 uClearScale;    // (1 - cover) * twilight fade * twilight tint
uniform vec3 uGlow;          // night glow at the horizon, linear
uniform float uOvercastZenith; // cover * overcast zenith radiance
#else
uniform vec3 uSkyColor;      // flat background, linear
#endif
#ifdef FOG
uniform float uFogExtinction;
uniform vec3 uFogColor;
#endif
#ifdef FOG_SUN
uniform float uFogSunWeight;
#endif
#ifdef FOG_HEIGHT
uniform float uFogHeightInv;
#endif

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

vec3 skyRadiance(vec3 dir) {
#ifdef SKY_PREETHAM
    if (dir.y < 0.0) return uGroundRadiance;
    float cosTheta = max(dir.y, 0.01);
    float gamma = acos(clamp(dot(uSunForSky, dir), -1.0, 1.0));
    float cg = cos(gamma);
    vec3 f = (1.0 + uPerezA * exp(uPerezB / cosTheta)) * (1.0 + uPerezC * exp(uPerezD * gamma) + uPerezE * cg * cg);
    vec3 yxy = uZenithOverF0 * f;
    float big = yxy.x;
    float bx = yxy.y / yxy.z * big, bz = (1.0 - yxy.y - yxy.z) / yxy.z * big;
    vec3 clear = max(vec3(3.2406 * bx - 1.5372 * big - 0.4986 * bz,
                          -0.9689 * bx + 1.8758 * big + 0.0415 * bz,
                          0.0557 * bx - 0.2040 * big + 1.0570 * bz), vec3(0.0));
    float up = max(dir.y, 0.0);
    return clear * uClearScale + uGlow * ((1.0 + 2.0 * (1.0 - up)) / 3.0) + vec3(uOvercastZenith * (1.0 + 2.0 * up) / 3.0);
#else
    return uSkyColor;
#endif
}

void main() {
    vec4 nearPoint = uInverseViewProjection * vec4(vUv * 2.0 - 1.0, -1.0, 1.0);
    vec4 farPoint = uInverseViewProjection * vec4(vUv * 2.0 - 1.0, 1.0, 1.0);
    vec3 dir = normalize(farPoint.xyz / farPoint.w - nearPoint.xyz / nearPoint.w);
    vec3 linear = skyRadiance(dir);
#ifdef FOG
    vec3 fog = uFogColor;
#ifdef FOG_SUN
    const float g = 0.7;
    float phase = (1.0 - g * g) / pow(1.0 + g * g - 2.0 * g * dot(dir, uTowardSun), 1.5);
    fog *= 1.0 + uFogSunWeight * (phase - 1.0);
#endif
#ifdef FOG_HEIGHT
    float depth = dir.y > 1e-5 ? uFogExtinction * exp(-uCameraPosition.y * uFogHeightInv) / (uFogHeightInv * dir.y) : 1e30;
    float transmittance = exp(-min(depth, 80.0));
#else
    float transmittance = 0.0;
#endif
    linear = linear * transmittance + fog * (1.0 - transmittance);
#endif
    vec3 srgb = encodeSrgb(linear * uExposure);
    outColor = vec4(srgb, dot(srgb, vec3(0.299, 0.587, 0.114)));
}
