#version 450 core
// Bloom, step 1: the bright part of the finished sRGB colour image, averaged over 4x4 pixel blocks
// into a quarter-resolution target. Per channel: max(0, linear - uThreshold) / (1 - uThreshold),
// so a saturated channel gives 1. Pixels outside the image count as 0.
out vec4 outColor;

uniform sampler2D uColor;     // full-resolution sRGB colour (RGBA8, not decoded by the sampler)
uniform float uThreshold;     // linear threshold, < 1
uniform float uThresholdSrgb; // the same as an sRGB level: channels at or below it give 0 without decoding

vec3 decodeSrgb(vec3 c) {
    return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), c));
}

void main() {
    ivec2 size = textureSize(uColor, 0);
    ivec2 base = ivec2(gl_FragCoord.xy) * 4;
    vec3 sum = vec3(0.0);
    for (int y = 0; y < 4; y++)
        for (int x = 0; x < 4; x++) {
            ivec2 p = base + ivec2(x, y);
            if (p.x >= size.x || p.y >= size.y) continue;
            vec3 c = texelFetch(uColor, p, 0).rgb;
            if (max(c.r, max(c.g, c.b)) > uThresholdSrgb) sum += max(decodeSrgb(c) - uThreshold, vec3(0.0));
        }
    outColor = vec4(sum / (16.0 * (1.0 - uThreshold)), 1.0);
}
