#version 450 core
// Water drops on the lens, over the finished colour image (never depth or ids). A drop on the
// cover glass is far out of focus and acts as a small lens of its own: inside it the image shows a
// blurred, upside-down view of a field 2.5 times its own size around its centre (eight taps on a
// ring of a fifth of its radius), its rim a quarter darker where light is refracted out of the
// view, its edge soft over the outer fifth of the radius. Each pixel takes the drop whose edge it lies deepest inside, so
// overlapping drops cost one set of taps.
in vec2 vUv;
out vec4 outColor;

const int MAX_DROPS = 32;  // PrecipitationParticles.MAX_LENS_DROPS
uniform sampler2D uColor;
uniform vec2 uSize;                 // pixels
uniform int uDropCount;
uniform vec4 uDrops[MAX_DROPS];     // centre x, y in pixels (GL, bottom-up), radius in pixels

void main() {
    vec4 base = texture(uColor, vUv);
    vec2 p = vUv * uSize;
    float best = 1.0;
    vec3 drop = vec3(0.0, 0.0, 1.0);
    for (int i = 0; i < uDropCount; i++) {
        float q = length(p - uDrops[i].xy) / uDrops[i].z;
        if (q < best) {
            best = q;
            drop = uDrops[i].xyz;
        }
    }
    vec2 c = drop.xy;
    vec2 source = c - (p - c) * 2.5;
    vec3 sum = vec3(0.0);
    for (int k = 0; k < 8; k++) {
        float a = float(k) * 0.7853982;
        sum += texture(uColor, (source + vec2(cos(a), sin(a)) * 0.2 * drop.z) / uSize).rgb;
    }
    vec3 seen = sum * 0.125 * (1.0 - 0.25 * smoothstep(0.7, 1.0, best));
    float inside = 1.0 - smoothstep(0.8, 1.0, best);
    outColor = vec4(mix(base.rgb, seen, inside), base.a);
}
