#version 450 core
// Scene pass, three targets: sRGB colour (alpha = luma for FXAA), planar depth in metres, instance id;
// with SURFACES two more: infrared surface values and camera-space normals (writeSurfaces).
//
// Shading model (linear light; SceneRenderer's class comment has the same in prose). Radiances are
// scaled so that a white Lambertian surface facing a light reflects that light's radiance E, so the
// diffuse BRDF is albedo (not albedo / pi) and a microfacet lobe is pi * D * Vis * F:
//   direct(E, l) = E * (n.l) * ((1 - metallic) * albedo + pi * D(h) * Vis(n.l, n.v) * F(v.h))
//   D   GGX / Trowbridge-Reitz, alpha = roughness^2 (roughness clamped to >= 0.045)
//   Vis Smith with Schlick-GGX, k = (roughness + 1)^2 / 8, Vis = G / (4 n.l n.v)
//   F   Schlick, F0 = mix(0.04, albedo, metallic)
// Sun: E = colour * intensity, times the shadow map's visibility. Point and spot lights (no
// shadows): E = colour * intensity / d^2 * window(d) * spot, window(d) = clamp(1 - (d/range)^4, 0, 1)^2,
// d clamped at 1 cm, spot as packed by LightUniforms. Ambient: the hemisphere sky/ground gradient
// along n, times (1 - metallic) * albedo, plus the gradient along the reflected ray times Karis's
// analytic environment BRDF (Fresnel and roughness), so metals reflect the sky.
// Patterns replace albedo only; depth and ids never depend on them.
//
// Material variants (glTF metallic-roughness; ScenePrograms defines one name per feature a material
// uses, so nothing is paid for what it lacks): base colour = factor (uAlbedo, uBaseAlpha) x
// BASE_COLOR_MAP (sRGB) x VERTEX_COLORS; roughness and metallic = factors x METALLIC_ROUGHNESS_MAP's
// G and B (linear); NORMAL_MAP perturbs the normal in the tangent frame (VERTEX_TANGENTS, else one
// built from screen derivatives of position and texture coordinates), X and Y scaled by
// uNormalScale; OCCLUSION_MAP's R scales the two sky terms only, by mix(1, ao, uOcclusionStrength);
// EMISSIVE adds uEmissive (x EMISSIVE_MAP, sRGB) after lighting, before fog. ALPHA_TEST (MASK) and
// ALPHA_BLEND discard fragments whose alpha is below uAlphaCutoff, so they write no colour, depth or
// id; ALPHA_BLEND writes alpha (for blending) instead of luma. Back faces flip the whole tangent
// frame, as glTF asks of double-sided materials.
#define PATTERN_NONE 0
#define PATTERN_CHECKER 1
#define PATTERN_STRIPES 2
#define PATTERN_NOISE 3
#define PATTERN_TEXTURE 4
#ifndef PATTERN_KIND
#error "scene.frag is built with PATTERN_KIND defined (ScenePrograms)"
#endif
in vec3 vNormal;
in vec3 vWorldPosition;
in float vViewDepth;

layout(location = 0) out vec4 outColor;
layout(location = 1) out float outDepthMetres;
layout(location = 2) out uint outInstanceId;
#ifdef SURFACES
// Infrared and normals (SceneRenderer with surfaces; dev.mirage.infrared documents the physics):
// temperature K, emissivity toward the camera, world y of the mirror-reflected view ray, NIR radiance.
layout(location = 3) out vec4 outSurface;
layout(location = 4) out vec4 outNormal;   // camera space, unit
uniform vec4 uThermal;        // base temperature K, emissivity at normal incidence, sun gain K, NIR reflectance (< 0: albedo's luminance)
uniform vec4 uHotSpot[2];     // world centre, 1 / radius^2
uniform vec2 uHotSpotK;       // kelvin each hot spot adds at its centre
uniform float uSunHeat;       // 0..1: how strongly the sun heats this frame (elevation, clouds)
uniform vec3 uNir;            // sun band irradiance on a facing surface, sky ambient irradiance, illuminator intensity W/sr
uniform float uNirBeamInv;    // 1 / the illuminator's half-angle in radians
uniform vec3 uCameraForward;  // world, unit
uniform mat4 uView;
#endif

const float PI = 3.14159265;
const int MAX_LIGHTS = 16; // SceneRenderer.MAX_LIGHTS, checked when the program is built

uniform vec3 uAlbedo;          // linear
uniform uint uInstanceId;
uniform float uRoughness;      // perceptual, 0..1
uniform float uMetallic;       // 0..1
uniform vec3 uAlbedo2;         // the pattern's second colour, linear
uniform float uPatternScale;   // cell size, metres of pattern space
#if PATTERN_KIND == PATTERN_TEXTURE
uniform sampler2D uTexture;    // sRGB image, decoded to linear by the sampler
#endif
#ifdef MATERIAL_UV
in vec2 vUv;
#endif
#ifdef VERTEX_TANGENTS
in vec4 vTangent;
#endif
#ifdef VERTEX_COLORS
in vec4 vColor;
#endif
#if defined(ALPHA_TEST) || defined(ALPHA_BLEND)
uniform float uBaseAlpha;      // base colour factor alpha
uniform float uAlphaCutoff;    // fragments with less alpha are discarded
#endif
#ifdef BASE_COLOR_MAP
uniform sampler2D uBaseColorMap;          // sRGB
#endif
#ifdef METALLIC_ROUGHNESS_MAP
uniform sampler2D uMetallicRoughnessMap;  // linear: G roughness, B metalness
#endif
#ifdef NORMAL_MAP
uniform sampler2D uNormalMap;             // linear, tangent space, +Y along increasing v
uniform float uNormalScale;
#endif
#ifdef EMISSIVE
uniform vec3 uEmissive;                   // linear radiance on the sun's scale
#endif
#ifdef EMISSIVE_MAP
uniform sampler2D uEmissiveMap;           // sRGB
#endif
#ifdef OCCLUSION_MAP
uniform sampler2D uOcclusionMap;          // linear, R
uniform float uOcclusionStrength;
#endif
uniform mat4 uPatternFromWorld;         // world to the object's pattern space (DrawItem)
uniform mat3 uPatternNormalFromWorld;   // world normals to pattern space
uniform mat4 uLightViewProjection;      // world to the sun's shadow map
uniform vec3 uCameraPosition;  // world
uniform vec3 uTowardSun;       // unit, world
uniform vec3 uSunRadiance;     // linear colour * intensity
uniform vec3 uSkyRadiance;     // linear colour * intensity
uniform float uFogExtinction;  // 3.912 / visibility in metres; 0 in clear air
uniform vec3 uFogColor;        // linear, the light fog scatters toward the camera
uniform vec3 uGroundRadiance;  // light bounced up from the ground
uniform float uExposure;       // linear factor before sRGB encoding (1 = none)
#ifdef FOG_SUN
uniform float uFogSunWeight;   // weight of the Henyey-Greenstein sun lobe in the fog's radiance
#endif
#ifdef FOG_HEIGHT
uniform float uFogHeightInv;   // 1 / height falloff in metres: extinction * exp(-y / H)
#endif
uniform vec2 uShadowTexel;     // 1 / shadow map size
uniform sampler2DShadow uShadowMap;
uniform int uLightCount;
uniform vec4 uLightPositionInvRange[MAX_LIGHTS]; // xyz world position, w = 1 / range
uniform vec4 uLightRadiance[MAX_LIGHTS];         // rgb colour * intensity
uniform vec4 uLightSpotAxisCos[MAX_LIGHTS];      // xyz unit axis, w = cos(outer half-angle)
uniform float uLightSpotInvSpan[MAX_LIGHTS];     // 1 / (cos inner - cos outer)

float sunVisibility(vec3 n) {
    // Normal offset: look the shadow map up from a point pushed off the surface by about a texel and a
    // half of the map (its world size from the orthographic projection's x scale), so a large surface
    // lit at a grazing angle does not shadow itself in stripes (acne), which bright snow made visible.
    float texelWorld = 2.0 * uShadowTexel.x / length(vec3(uLightViewProjection[0][0], uLightViewProjection[1][0], uLightViewProjection[2][0]));
    vec4 lightPosition = uLightViewProjection * vec4(vWorldPosition + n * (1.5 * texelWorld), 1.0);
    vec3 p = lightPosition.xyz / lightPosition.w * 0.5 + 0.5;
    if (p.z >= 1.0 || any(lessThan(p.xy, vec2(0.0))) || any(greaterThan(p.xy, vec2(1.0)))) return 1.0;
    // Slope-scaled bias in depth units; the shadow pass adds polygon offset as well.
    float cosTheta = clamp(dot(n, uTowardSun), 0.05, 1.0);
    float bias = 0.0005 * sqrt(1.0 - cosTheta * cosTheta) / cosTheta + 0.0002;
    float z = p.z - bias;
    // Four bilinear-compared taps: a smooth 3x3-texel penumbra for the cost of four lookups.
    float sum = texture(uShadowMap, vec3(p.xy + vec2(-0.5, -0.5) * uShadowTexel, z))
              + texture(uShadowMap, vec3(p.xy + vec2( 0.5, -0.5) * uShadowTexel, z))
              + texture(uShadowMap, vec3(p.xy + vec2(-0.5,  0.5) * uShadowTexel, z))
              + texture(uShadowMap, vec3(p.xy + vec2( 0.5,  0.5) * uShadowTexel, z));
    return sum * 0.25;
}

// --- procedural patterns, in pattern space (metres of the object's own frame) -----------------
// PATTERN_KIND (one of PATTERN_*) is defined by ScenePrograms: each pattern is its own program
// variant, since on llvmpipe every fragment runs both sides of a branch, even one a uniform decides.
// Pattern-space position and normal (and the shadow-map position) are derived here from the world
// ones rather than interpolated, so every variant reads the same three inputs: on llvmpipe, draws
// alternating between programs whose fragment inputs differed were measured to cost up to twice as
// much, and fewer inputs mean less setup data per triangle.

#if PATTERN_KIND == PATTERN_NOISE || defined(WET) || defined(SNOW)
// An integer hash of a lattice point (lowbias32-style mixing): exact and the same on every run.
float lattice(ivec3 c) {
    uvec3 u = uvec3(c);
    uint h = (u.x * 0x8da6b343u) ^ (u.y * 0xd8163841u) ^ (u.z * 0xcb1ab31fu);
    h ^= h >> 16; h *= 0x7feb352du; h ^= h >> 15; h *= 0x846ca68bu; h ^= h >> 16;
    return float(h >> 8) * (1.0 / 16777216.0);
}

// Value noise in [0, 1): random values on the integer lattice, quintic interpolation between.
float valueNoise(vec3 p) {
    vec3 i = floor(p);
    vec3 f = p - i;
    vec3 u = f * f * f * (f * (f * 6.0 - 15.0) + 10.0);
    ivec3 c = ivec3(i);
    float x00 = mix(lattice(c),                  lattice(c + ivec3(1, 0, 0)), u.x);
    float x10 = mix(lattice(c + ivec3(0, 1, 0)), lattice(c + ivec3(1, 1, 0)), u.x);
    float x01 = mix(lattice(c + ivec3(0, 0, 1)), lattice(c + ivec3(1, 0, 1)), u.x);
    float x11 = mix(lattice(c + ivec3(0, 1, 1)), lattice(c + ivec3(1, 1, 1)), u.x);
    return mix(mix(x00, x10, u.y), mix(x01, x11, u.y), u.z);
}
#endif

// Weight of the second colour at this fragment (0 = uAlbedo, 1 = uAlbedo2). q is the pattern-space
// position divided by the scale, read at the point nudged 0.1% of a cell out of the surface along its
// pattern-space normal, so a face lying exactly on a cell boundary (a box of 1 m with 0.5 m cells)
// takes the cell in front of it instead of speckling; a plane through the origin (q.y = 0) thus
// reads cells with j = 0.
// CHECKER: cells [i, i+1) x [j, j+1) x [k, k+1) of q; the base colour where i + j + k is even.
// STRIPES: period 1 of q.x; the base colour where fract(q.x) < 0.5, the second colour on the rest.
// NOISE: value noise at q (weight 2/3) and 2q + 17 (weight 1/3), features about one scale across,
//        contrast raised by smoothstep(0.25, 0.75, .).
#if PATTERN_KIND == PATTERN_TEXTURE
// TEXTURE: the image tiled once per uPatternScale metres on the axis plane of pattern space that the
// normal faces most (u along x or z, v along y or z: images stand upright on side faces), so shapes
// without texture coordinates take it. One lookup per fragment (a triplanar blend of three cost +55%
// of the frame on llvmpipe); curved surfaces show seams where the dominant axis changes.
vec3 textureColor(vec3 worldNormal) {
    vec3 q = (uPatternFromWorld * vec4(vWorldPosition, 1.0)).xyz / uPatternScale;
    vec3 n = uPatternNormalFromWorld * worldNormal;
    vec3 a = abs(n);
    vec2 uv = a.x >= a.y && a.x >= a.z ? vec2(-sign(n.x) * q.z, q.y)
            : a.y >= a.z ? vec2(q.x, -sign(n.y) * q.z)
            : vec2(sign(n.z) * q.x, q.y);
    return texture(uTexture, uv).rgb;
}
#elif PATTERN_KIND != PATTERN_NONE
float patternWeight(vec3 worldNormal) {
    vec3 q = (uPatternFromWorld * vec4(vWorldPosition, 1.0)).xyz / uPatternScale;
    vec3 normal = uPatternNormalFromWorld * worldNormal;
    float len = length(normal);
    if (len > 0.0) q += normal * (0.001 / len);
#if PATTERN_KIND == PATTERN_CHECKER
    ivec3 c = ivec3(floor(q));
    return float((c.x + c.y + c.z) & 1);
#elif PATTERN_KIND == PATTERN_STRIPES
    return step(0.5, fract(q.x));
#else
    float v = (2.0 * valueNoise(q) + valueNoise(2.0 * q + 17.0)) / 3.0;
    return smoothstep(0.25, 0.75, v);
#endif
}
#endif

#ifdef NORMAL_MAP
// The normal map's direction in world space. geometric is the interpolated normal, unit, before any
// back-face flip; the tangent frame is built around it and then flipped whole on back faces.
vec3 mappedNormal(vec3 geometric) {
    vec3 m = texture(uNormalMap, vUv).xyz * 2.0 - 1.0;
    m.xy *= uNormalScale;
#ifdef VERTEX_TANGENTS
    vec3 t = normalize(vTangent.xyz - geometric * dot(geometric, vTangent.xyz));
    vec3 b = cross(geometric, t) * vTangent.w;
#else
    // Schueler's cotangent frame: tangent and bitangent follow u and v across the screen.
    vec3 dp1 = dFdx(vWorldPosition), dp2 = dFdy(vWorldPosition);
    vec2 duv1 = dFdx(vUv), duv2 = dFdy(vUv);
    vec3 dp2perp = cross(dp2, geometric), dp1perp = cross(geometric, dp1);
    vec3 t = dp2perp * duv1.x + dp1perp * duv2.x;
    vec3 b = dp2perp * duv1.y + dp1perp * duv2.y;
    float invMax = inversesqrt(max(max(dot(t, t), dot(b, b)), 1e-30));
    t *= invMax;
    b *= invMax;
#endif
    vec3 n = normalize(t * m.x + b * m.y + geometric * m.z);
    return gl_FrontFacing ? n : -n;
}
#endif

float gPuddle = 0.0;          // how much of this fragment is puddle (0..1), for the infrared values
float gSnow = 0.0;            // how much of it is snow
#if defined(WET) || defined(SNOW)
// --- surface weather (WeatherShading: WET when wetness > 0, SNOW when snow coverage > 0) -------
// Changes albedo, roughness, metalness and the shading normal before lighting; depth and ids never
// depend on it. up is the geometric normal (facing the viewer's side); "up-facing" is up.y near 1.
// WET, after Lagarde ("Water drop 2b: wet surfaces", 2013): water filling the pores of a rough
// dielectric darkens it, albedo x (1 - 0.5 porosity wetness) with porosity = clamp((roughness - 0.4)
// / 0.5) (1 - metallic), and a film of water smooths it toward roughness 0.45. Puddles, from wetness
// 0.4 on (about 40% of up-facing area at wetness 1), lie where world-space value noise (features
// about 2.5 m across) passes a threshold falling with wetness: albedo x 0.4, roughness 0.03, flat
// (normal = up), so they mirror the sky and the sun through the usual environment and GGX terms.
// SNOW: up-facing surfaces (smoothstep(0.55, 0.85, up.y)) turn to snow, albedo 0.85, roughness 0.9,
// dielectric, flat, where coverage x 1.15 exceeds a noise value (features about 0.6 m across) by
// 0.15: full cover at coverage 1, patches below; walls keep their colour.
uniform float uWetness;       // 0..1
uniform float uSnowCoverage;  // 0..1

void weatherSurface(vec3 up, inout vec3 albedo, inout float roughness, inout float metallic, inout vec3 n) {
#ifdef WET
    float porosity = clamp((roughness - 0.4) / 0.5, 0.0, 1.0) * (1.0 - metallic);
    albedo *= 1.0 - 0.5 * porosity * uWetness;
    roughness = mix(roughness, min(roughness, 0.45), uWetness);
    vec2 q = vWorldPosition.xz / 2.5;
    float noise = (2.0 * valueNoise(vec3(q.x, 0.0, q.y)) + valueNoise(vec3(2.1 * q.x + 17.0, 0.0, 2.1 * q.y))) / 3.0;
    float threshold = mix(1.1, 0.55, clamp((uWetness - 0.4) / 0.6, 0.0, 1.0));
    float puddle = smoothstep(0.7, 0.95, up.y) * smoothstep(threshold - 0.04, threshold + 0.04, noise);
    albedo *= 1.0 - 0.6 * puddle;
    roughness = mix(roughness, 0.03, puddle);
    metallic *= 1.0 - puddle;
    n = normalize(mix(n, up, puddle));
    gPuddle = puddle;
#endif
#ifdef SNOW
    vec3 p = vWorldPosition / 0.6;
    float breakup = (2.0 * valueNoise(p) + valueNoise(2.3 * p + 31.0)) / 3.0;
    float cover = smoothstep(0.55, 0.85, up.y) * smoothstep(0.0, 0.15, uSnowCoverage * 1.15 - breakup);
    albedo = mix(albedo, vec3(0.85), cover);
    roughness = mix(roughness, 0.9, cover);
    metallic *= 1.0 - cover;
    n = normalize(mix(n, up, cover));
    gSnow = cover;
#endif
}
#endif

// --- lighting --------------------------------------------------------------------------------

struct SurfacePoint {
    vec3 n;             // unit normal, facing the viewer's side
    vec3 v;             // unit direction to the camera
    float nv;           // n.v, clamped above 0
    vec3 diffuse;       // (1 - metallic) * albedo
    vec3 f0;            // Fresnel at normal incidence
    float roughness;    // clamped perceptual roughness
    float alpha2;       // (roughness^2)^2
    float k;            // Schlick-GGX k for direct light
};

// Reflected radiance for light of radiance e arriving from unit direction l.
vec3 direct(SurfacePoint s, vec3 l, vec3 e) {
    float nl = dot(s.n, l);
    if (nl <= 0.0) return vec3(0.0);
    vec3 h = normalize(l + s.v);
    float nh = max(dot(s.n, h), 0.0);
    float vh = max(dot(s.v, h), 0.0);
    float dd = nh * nh * (s.alpha2 - 1.0) + 1.0;
    float piD = s.alpha2 / (dd * dd);
    float vis = 0.25 / ((nl * (1.0 - s.k) + s.k) * (s.nv * (1.0 - s.k) + s.k));
    float m = 1.0 - vh;
    float fw = (m * m) * (m * m) * m;
    vec3 f = s.f0 + (1.0 - s.f0) * fw;
    return e * nl * (s.diffuse + piD * vis * f);
}

vec3 pointLights(SurfacePoint s) {
    vec3 sum = vec3(0.0);
    for (int i = 0; i < uLightCount; i++) {
        vec3 toLight = uLightPositionInvRange[i].xyz - vWorldPosition;
        float d2 = max(dot(toLight, toLight), 1e-4);
        vec3 l = toLight * inversesqrt(d2);
        float x2 = d2 * uLightPositionInvRange[i].w * uLightPositionInvRange[i].w;
        float window = clamp(1.0 - x2 * x2, 0.0, 1.0);
        float cone = clamp((dot(-l, uLightSpotAxisCos[i].xyz) - uLightSpotAxisCos[i].w) * uLightSpotInvSpan[i], 0.0, 1.0);
        float spot = cone * cone * (3.0 - 2.0 * cone);
        float attenuation = window * window * spot / d2;
        if (attenuation > 0.0) sum += direct(s, l, uLightRadiance[i].rgb * attenuation);
    }
    return sum;
}

// Karis's analytic fit of the split-sum environment BRDF ("Physically Based Shading on Mobile", 2014).
vec3 environmentBrdf(vec3 f0, float roughness, float nv) {
    const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
    const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
    vec4 r = roughness * c0 + c1;
    float a004 = min(r.x * r.x, exp2(-9.28 * nv)) * r.x + r.y;
    vec2 ab = vec2(-1.04, 1.04) * a004 + r.zw;
    return f0 * ab.x + ab.y;
}

vec3 skyGradient(vec3 dir) {
    return mix(uGroundRadiance, uSkyRadiance, 0.5 + 0.5 * dir.y);
}

// --- fog (Koschmieder; optional sun lobe and height profile, each a define set per frame) -------
// Optical depth from the camera to this fragment: extinction * d, or with FOG_HEIGHT the integral of
// extinction * exp(-y / H) along the ray, extinction * d * exp(-y0 / H) * (1 - exp(-k)) / k,
// k = (y1 - y0) / H.
float fogOpticalDepth() {
    float d = distance(vWorldPosition, uCameraPosition);
#ifdef FOG_HEIGHT
    float k = (vWorldPosition.y - uCameraPosition.y) * uFogHeightInv;
    float mean = exp(-uCameraPosition.y * uFogHeightInv) * (abs(k) > 1e-4 ? (1.0 - exp(-k)) / k : 1.0 - 0.5 * k);
    return uFogExtinction * d * mean;
#else
    return uFogExtinction * d;
#endif
}

// The fog's radiance toward the camera: its colour, with FOG_SUN times 1 + w (P(v.s) - 1), P the
// Henyey-Greenstein phase function (g = 0.7) times 4 pi.
vec3 fogRadiance() {
#ifdef FOG_SUN
    const float g = 0.7;
    float mu = dot(normalize(vWorldPosition - uCameraPosition), uTowardSun);
    float phase = (1.0 - g * g) / pow(1.0 + g * g - 2.0 * g * mu, 1.5);
    return uFogColor * (1.0 + uFogSunWeight * (phase - 1.0));
#else
    return uFogColor;
#endif
}

#ifdef SURFACES
// Temperature: base + sun gain x (1 - the base colour factor's luminance) x direct sun x uSunHeat + hot spots (Gaussian in
// distance). Emissivity falls at grazing view, eps x (1 - (1 - n.v)^5). NIR: rho / pi x (illuminator
// I cos / r^2 x beam x T^2 + (sun x n.l x shadow + sky) x T), T the fog's transmittance.
void writeSurfaces(SurfacePoint s, vec3 albedo, float sunLit, float sunVisible) {
    float luminance = dot(albedo, vec3(0.2126, 0.7152, 0.0722));
    // Emission, sun heating and the reflected sky follow the geometric normal and the material's own
    // colour (its factor), not a normal map's bumps or every texel: heat spreads in a surface.
    vec3 geometric = normalize(vNormal);
    if (dot(geometric, s.v) < 0.0) geometric = -geometric;
    float absorbed = 1.0 - dot(uAlbedo, vec3(0.2126, 0.7152, 0.0722));
    float kelvin = uThermal.x + uThermal.z * absorbed * max(dot(geometric, uTowardSun), 0.0) * sunVisible * uSunHeat;
    // standing water stays at the surface's unheated temperature; snow melts above 0 °C, so it is at most that
    kelvin = mix(kelvin, uThermal.x, gPuddle);
    kelvin = mix(kelvin, min(kelvin, 273.15), gSnow);
    float emissivityNormal = mix(mix(uThermal.y, 0.98, gPuddle), 0.99, gSnow);
    for (int k = 0; k < 2; k++) {
        vec3 d = vWorldPosition - uHotSpot[k].xyz;
        kelvin += uHotSpotK[k] * exp(-dot(d, d) * uHotSpot[k].w);
    }
    float grazing = 1.0 - clamp(dot(geometric, s.v), 0.0, 1.0);
    float emissivity = emissivityNormal * (1.0 - grazing * grazing * grazing * grazing * grazing);
    float nv = clamp(dot(s.n, s.v), 0.0, 1.0);
    float rho = uThermal.w < 0.0 ? luminance : uThermal.w;
    vec3 toCamera = uCameraPosition - vWorldPosition;
    float r2 = max(dot(toCamera, toCamera), 1e-4);
    float offAxis = acos(clamp(dot(-s.v, uCameraForward), -1.0, 1.0)) * uNirBeamInv;
    float transmittance = uFogExtinction > 0.0 ? exp(-fogOpticalDepth()) : 1.0;
    float illuminated = uNir.z * nv * exp(-2.0 * offAxis * offAxis) / r2 * transmittance * transmittance;
    float passive = (uNir.x * sunLit + uNir.y) * transmittance;
    outSurface = vec4(kelvin, emissivity, reflect(-s.v, geometric).y, rho / PI * (illuminated + passive));
    outNormal = vec4(normalize(mat3(uView) * s.n), 0.0);
}
#endif

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
#if PATTERN_KIND == PATTERN_NONE
    vec3 albedo = uAlbedo;
#elif PATTERN_KIND == PATTERN_TEXTURE
    vec3 albedo = uAlbedo * textureColor(vNormal);
#else
    vec3 albedo = mix(uAlbedo, uAlbedo2, patternWeight(vNormal));
#endif
#if defined(ALPHA_TEST) || defined(ALPHA_BLEND)
    float opacity = uBaseAlpha;
#endif
#ifdef BASE_COLOR_MAP
    vec4 baseSample = texture(uBaseColorMap, vUv);
    albedo *= baseSample.rgb;
#if defined(ALPHA_TEST) || defined(ALPHA_BLEND)
    opacity *= baseSample.a;
#endif
#endif
#ifdef VERTEX_COLORS
    albedo *= vColor.rgb;
#if defined(ALPHA_TEST) || defined(ALPHA_BLEND)
    opacity *= vColor.a;
#endif
#endif
    float metallic = uMetallic;
    float roughness = uRoughness;
#ifdef METALLIC_ROUGHNESS_MAP
    vec4 metalRough = texture(uMetallicRoughnessMap, vUv);
    roughness *= metalRough.g;
    metallic *= metalRough.b;
#endif
    SurfacePoint s;
#ifdef NORMAL_MAP
    s.n = mappedNormal(normalize(vNormal));
#else
    s.n = normalize(vNormal);
    if (!gl_FrontFacing) s.n = -s.n;
#endif
#if defined(WET) || defined(SNOW)
    weatherSurface(gl_FrontFacing ? normalize(vNormal) : -normalize(vNormal), albedo, roughness, metallic, s.n);
#endif
    s.v = normalize(uCameraPosition - vWorldPosition);
    s.nv = max(dot(s.n, s.v), 1e-4);
    s.diffuse = (1.0 - metallic) * albedo;
    s.f0 = mix(vec3(0.04), albedo, metallic);
    s.roughness = max(roughness, 0.045);
    float alpha = s.roughness * s.roughness;
    s.alpha2 = alpha * alpha;
    s.k = (s.roughness + 1.0) * (s.roughness + 1.0) / 8.0;

    float sunFacing = dot(s.n, uTowardSun);
    float sunVisible = sunFacing > 0.0 ? sunVisibility(s.n) : 0.0;
    vec3 linear = sunFacing > 0.0 ? direct(s, uTowardSun, uSunRadiance * sunVisible) : vec3(0.0);
    linear += pointLights(s);
    // Rough surfaces see a blurred sky: bend the reflected ray toward the normal.
    vec3 reflected = normalize(mix(reflect(-s.v, s.n), s.n, alpha));
#ifdef OCCLUSION_MAP
    float occlusion = mix(1.0, texture(uOcclusionMap, vUv).r, uOcclusionStrength);
    linear += occlusion * (s.diffuse * skyGradient(s.n) + environmentBrdf(s.f0, s.roughness, s.nv) * skyGradient(reflected));
#else
    linear += s.diffuse * skyGradient(s.n) + environmentBrdf(s.f0, s.roughness, s.nv) * skyGradient(reflected);
#endif
#ifdef EMISSIVE
#ifdef EMISSIVE_MAP
    linear += uEmissive * texture(uEmissiveMap, vUv).rgb;
#else
    linear += uEmissive;
#endif
#endif

    // Fog (Koschmieder): what crosses d metres keeps exp(-3.912 d / V); the fog's own light fills the rest.
    if (uFogExtinction > 0.0) {
        float transmittance = exp(-fogOpticalDepth());
        linear = linear * transmittance + fogRadiance() * (1.0 - transmittance);
    }
    linear *= uExposure;
    // Discarded last, so every texture fetch and derivative above runs in uniform control flow
    // (GLSL leaves implicit derivatives undefined after a discard in the quad).
#if defined(ALPHA_TEST) || defined(ALPHA_BLEND)
    if (opacity < uAlphaCutoff) discard;
#endif
    vec3 srgb = encodeSrgb(linear);
#ifdef ALPHA_BLEND
    outColor = vec4(srgb, opacity);  // blended by src alpha; the target's alpha (FXAA's luma) is kept
#else
    outColor = vec4(srgb, dot(srgb, vec3(0.299, 0.587, 0.114)));
#endif
    outDepthMetres = vViewDepth;
    outInstanceId = uInstanceId;
#ifdef SURFACES
    writeSurfaces(s, albedo, max(sunFacing, 0.0) * sunVisible, sunVisible);
#endif
}
