#version 450 core
// Fast approximate anti-aliasing on the sRGB colour target only (luma in alpha). Depth and ids are
// never filtered. A compact variant of Lottes' FXAA: estimate the edge direction from the four
// diagonal neighbours, blend along it, and fall back to the narrower blend when the wide one
// leaves the local luma range.
in vec2 vUv;
out vec4 outColor;

uniform sampler2D uColor;
uniform vec2 uTexel;

const float REDUCE_MIN = 1.0 / 128.0;
const float REDUCE_MUL = 1.0 / 8.0;
const float SPAN_MAX = 8.0;
const float EDGE_THRESHOLD = 1.0 / 16.0;

void main() {
    vec4 m = texture(uColor, vUv);
    float lumaNW = textureOffset(uColor, vUv, ivec2(-1, -1)).a;
    float lumaNE = textureOffset(uColor, vUv, ivec2( 1, -1)).a;
    float lumaSW = textureOffset(uColor, vUv, ivec2(-1,  1)).a;
    float lumaSE = textureOffset(uColor, vUv, ivec2( 1,  1)).a;
    float lumaMin = min(m.a, min(min(lumaNW, lumaNE), min(lumaSW, lumaSE)));
    float lumaMax = max(m.a, max(max(lumaNW, lumaNE), max(lumaSW, lumaSE)));
    if (lumaMax - lumaMin < max(EDGE_THRESHOLD * lumaMax, 1.0 / 64.0)) {
        outColor = vec4(m.rgb, 1.0);
        return;
    }
    vec2 dir = vec2(-((lumaNW + lumaNE) - (lumaSW + lumaSE)), (lumaNW + lumaSW) - (lumaNE + lumaSE));
    float reduce = max((lumaNW + lumaNE + lumaSW + lumaSE) * 0.25 * REDUCE_MUL, REDUCE_MIN);
    float scale = 1.0 / (min(abs(dir.x), abs(dir.y)) + reduce);
    dir = clamp(dir * scale, vec2(-SPAN_MAX), vec2(SPAN_MAX)) * uTexel;
    vec3 a = 0.5 * (texture(uColor, vUv + dir * (1.0 / 3.0 - 0.5)).rgb + texture(uColor, vUv + dir * (2.0 / 3.0 - 0.5)).rgb);
    vec3 b = a * 0.5 + 0.25 * (texture(uColor, vUv - dir * 0.5).rgb + texture(uColor, vUv + dir * 0.5).rgb);
    float lumaB = dot(b, vec3(0.299, 0.587, 0.114));
    outColor = vec4(lumaB < lumaMin || lumaB > lumaMax ? a : b, 1.0);
}
