#version 450 core
// Bloom, step 2 (for wide radii): halves the resolution, averaging 2x2 texels (outside counts as 0).
out vec4 outColor;

uniform sampler2D uSource;

void main() {
    ivec2 size = textureSize(uSource, 0);
    ivec2 base = ivec2(gl_FragCoord.xy) * 2;
    vec3 sum = vec3(0.0);
    for (int y = 0; y < 2; y++)
        for (int x = 0; x < 2; x++) {
            ivec2 p = base + ivec2(x, y);
            if (p.x < size.x && p.y < size.y) sum += texelFetch(uSource, p, 0).rgb;
        }
    outColor = vec4(sum * 0.25, 1.0);
}
