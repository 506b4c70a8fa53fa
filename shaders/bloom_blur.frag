#version 450 core
// Bloom, step 3: one direction of a separable Gaussian (σ = uSigma texels), truncated at uTaps
// texels either side and normalized over the taps; texels outside the image count as 0.
out vec4 outColor;

uniform sampler2D uSource;
uniform vec2 uDirection;      // (1, 0) or (0, 1)
uniform float uSigma;
uniform int uTaps;

void main() {
    ivec2 size = textureSize(uSource, 0);
    ivec2 p = ivec2(gl_FragCoord.xy);
    vec3 sum = vec3(0.0);
    float total = 0.0;
    for (int k = -uTaps; k <= uTaps; k++) {
        float w = exp(-float(k * k) / (2.0 * uSigma * uSigma));
        total += w;
        ivec2 q = p + ivec2(uDirection) * k;
        if (all(greaterThanEqual(q, ivec2(0))) && all(lessThan(q, size))) sum += w * texelFetch(uSource, q, 0).rgb;
    }
    outColor = vec4(sum / total, 1.0);
}
