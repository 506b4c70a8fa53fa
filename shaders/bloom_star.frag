#version 450 core
// Glare: a four-point star along the image axes from the light above the threshold. Reads the
// bright-pass target (linear, 1 = a clipped channel). Each texel sums the texels up to uTaps away on the four axis rays, weighted exp(−3k/uTaps) / uTaps, so
// a streak fades to 5% at its end; texels outside the image count as 0.
out vec4 outColor;

uniform sampler2D uSource;
uniform int uTaps;

vec3 hot(ivec2 q, ivec2 size) {
    if (any(lessThan(q, ivec2(0))) || any(greaterThanEqual(q, size))) return vec3(0.0);
    return texelFetch(uSource, q, 0).rgb;
}

void main() {
    ivec2 size = textureSize(uSource, 0);
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec3 sum = vec3(0.0);
    for (int k = 1; k <= uTaps; k++) {
        float w = exp(-3.0 * float(k) / float(uTaps));
        sum += w * (hot(p + ivec2(k, 0), size) + hot(p - ivec2(k, 0), size)
                  + hot(p + ivec2(0, k), size) + hot(p - ivec2(0, k), size));
    }
    outColor = vec4(sum / float(uTaps), 1.0);
}
