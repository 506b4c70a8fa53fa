#version 450 core
// Depth-only passes (sun shadow map, amodal coverage) for surfaces whose base-colour alpha varies
// (glTF MASK and BLEND): passes what cutout.frag needs to discard what the scene pass discards.
// A mesh without coordinates or colours reads GL's current generic attribute, (0, 0, 0, 1).
layout(location = 0) in vec3 aPosition;
layout(location = 2) in vec2 aUv;
layout(location = 4) in vec4 aColor;

uniform mat4 uModel;
uniform mat4 uLightViewProjection;

out vec2 vUv;
out float vAlpha;

void main() {
    vUv = aUv;
    vAlpha = aColor.a;
    gl_Position = uLightViewProjection * uModel * vec4(aPosition, 1.0);
}
