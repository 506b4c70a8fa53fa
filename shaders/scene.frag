#version 450 core
// Scene pass, three targets: sRGB colour (alpha = luma for FXAA), planar depth in metres, instance id.
in vec3 vNormal;
in vec4 vLightPosition;
in float vViewDepth;

layout(location = 0) out vec4 outColor;
layout(location = 1) out float outDepthMetres;
layout(location = 2) out uint outInstanceId;

uniform vec3 uAlbedo;          // linear
uniform uint uInstanceId;
uniform vec3 uTowardSun;       // unit, world
uniform vec3 uSunRadiance;     // linear colour * intensity
uniform vec3 uSkyRadiance;     // linear colour * intensity
uniform vec3 uGroundRadiance;  // light bounced up from the ground
uniform vec2 uShadowTexel;     // 1 / shadow map size
uniform sampler2DShadow uShadowMap;

float sunVisibility(vec3 n) {
    vec3 p = vLightPosition.xyz / vLightPosition.w * 0.5 + 0.5;
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

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
    vec3 n = normalize(vNormal);
    if (!gl_FrontFacing) n = -n;
    float lambert = max(dot(n, uTowardSun), 0.0);
    float visibility = lambert > 0.0 ? sunVisibility(n) : 0.0;
    float up = 0.5 + 0.5 * n.y;
    vec3 ambient = mix(uGroundRadiance, uSkyRadiance, up);
    vec3 linear = uAlbedo * (uSunRadiance * lambert * visibility + ambient);
    vec3 srgb = encodeSrgb(linear);
    outColor = vec4(srgb, dot(srgb, vec3(0.299, 0.587, 0.114)));
    outDepthMetres = vViewDepth;
    outInstanceId = uInstanceId;
}
