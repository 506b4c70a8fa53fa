#version 450 core
// Falling particles over the colour target only (SceneRenderer masks depth and ids): a capsule with
// a one-pixel soft edge, of radiance uRadiance (linear), encoded to sRGB and blended by alpha; fog
// between it and the camera thins it by the same transmittance as the scene (exp(-3.912 d / V)).
in vec2 vLocal;
in float vHalfLength;
in float vHalfWidth;
in float vOpacity;
in float vDistance;

layout(location = 0) out vec4 outColor;

uniform vec3 uRadiance;
uniform float uFogExtinction;

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
    float dx = max(abs(vLocal.x) - vHalfLength, 0.0);
    float edge = clamp(vHalfWidth + 0.5 - length(vec2(dx, vLocal.y)), 0.0, 1.0);
    float transmittance = exp(-uFogExtinction * vDistance);
    outColor = vec4(encodeSrgb(uRadiance), vOpacity * edge * transmittance);
}
