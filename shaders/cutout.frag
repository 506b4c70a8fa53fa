#version 450 core
// Keeps a fragment where base-colour alpha (factor x texture x vertex colour, as in scene.frag) is
// at least the cutoff: a cut-out casts no shadow and covers no amodal pixel where it shows nothing.
in vec2 vUv;
in float vAlpha;

uniform sampler2D uBaseColorMap;   // the material's base colour image, or one white texel
uniform float uBaseAlpha;          // base colour factor alpha
uniform float uAlphaCutoff;

void main() {
    if (uBaseAlpha * vAlpha * texture(uBaseColorMap, vUv).a < uAlphaCutoff) discard;
}
