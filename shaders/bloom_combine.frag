#version 450 core
// Bloom, step 4: adds the blurred bright light (bilinearly upsampled, outside counts as 0) times
// uStrength to the colour in linear light, clamps and encodes to sRGB again; alpha is the luma FXAA
// reads. Pixels the glow does not reach keep their bytes.
out vec4 outColor;

uniform sampler2D uColor;     // full-resolution sRGB colour
uniform sampler2D uBloom;     // low-resolution linear glow
uniform float uScale;         // full-resolution pixels per glow texel
uniform float uStrength;
uniform sampler2D uStar;      // glare star at the first glow level (a quarter of the resolution)
uniform float uGlare;         // 0: no star

vec3 decodeSrgb(vec3 c) {
    return mix(c / 12.92, pow((c + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), c));
}

vec3 encodeSrgb(vec3 linear) {
    vec3 c = clamp(linear, 0.0, 1.0);
    return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
    vec4 base = texelFetch(uColor, ivec2(gl_FragCoord.xy), 0);
    // the sampler filters bilinearly and reads 0 beyond the edge (clamp to a zero border)
    vec3 glow = texture(uBloom, gl_FragCoord.xy / (uScale * vec2(textureSize(uBloom, 0)))).rgb;
    if (uGlare > 0.0) glow += uGlare * texture(uStar, gl_FragCoord.xy / (4.0 * vec2(textureSize(uStar, 0)))).rgb;
    if (all(lessThanEqual(glow, vec3(0.0)))) {
        outColor = base;
        return;
    }
    vec3 srgb = encodeSrgb(decodeSrgb(base.rgb) + uStrength * glow);
    outColor = vec4(srgb, dot(srgb, vec3(0.299, 0.587, 0.114)));
}
