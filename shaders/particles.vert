#version 450 core
// Falling particles (rain drops, snow flakes) as screen-aligned capsules, one triangle each that
// encloses the capsule's rectangle, built from gl_VertexID alone: llvmpipe runs its vertex pipeline
// once per instance and pays per triangle more than per pixel for these small shapes, so one plain
// draw of 3 N vertices is cheapest. A particle is a sphere of diameter D moving at
// velocity u through the exposure T (uExposureS, already times the streak length scale): on the
// image, a capsule from its position at -T/2 to +T/2, D wide. Capsules thinner than a pixel are
// drawn one pixel wide and shorter ones one pixel long, with opacity scaled by the true area over
// the drawn one; each point of the swept area sees the particle for D / (|u| T + D) of the exposure,
// which sets the opacity (times uOpacityGain).
layout(std430, binding = 0) readonly buffer Particles { float values[]; };  // ParticleSet: x y z D ux uy uz

uniform mat4 uViewProjection;
uniform vec2 uViewportPixels;
uniform float uFocalPixels;
uniform float uExposureS;
uniform float uOpacityGain;

out vec2 vLocal;        // pixels from the capsule's centre: x along its axis, y across
out float vHalfLength;  // half the axis length, pixels
out float vHalfWidth;   // drawn half width, pixels
out float vOpacity;
out float vDistance;    // metres from the camera's plane

void main() {
    int b = (gl_VertexID / 3) * 7;
    int corner = gl_VertexID % 3;
    vec3 p = vec3(values[b], values[b + 1], values[b + 2]);
    float d = values[b + 3];
    vec3 u = vec3(values[b + 4], values[b + 5], values[b + 6]);
    vec3 h = u * (0.5 * uExposureS);
    vec4 ca = uViewProjection * vec4(p - h, 1.0);
    vec4 cb = uViewProjection * vec4(p + h, 1.0);
    vec4 cc = uViewProjection * vec4(p, 1.0);
    if (min(ca.w, cb.w) < 0.05) {  // crosses the camera's plane: not drawn
        gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
        return;
    }
    vec2 halfSize = 0.5 * uViewportPixels;
    vec2 sa = ca.xy / ca.w * halfSize, sb = cb.xy / cb.w * halfSize;
    vec2 axis = sb - sa;
    float len = length(axis);
    vec2 dir = len > 1e-4 ? axis / len : vec2(0.0, 1.0);
    vec2 across = vec2(-dir.y, dir.x);
    float radius = 0.5 * d * uFocalPixels / cc.w;
    float w = max(radius, 0.5);
    float lenDrawn = max(len, 1.0 - 2.0 * w);
    float occupancy = d / (length(u) * uExposureS + d);
    float coverage = (radius * (len + 2.0 * radius)) / (w * (lenDrawn + 2.0 * w));
    vOpacity = min(1.0, uOpacityGain * occupancy * coverage);
    vHalfLength = 0.5 * lenDrawn;
    vHalfWidth = w;
    vDistance = cc.w;
    // a right triangle with legs 4 long: (-1, -1), (3, -1), (-1, 3) holds the square [-1, 1]^2
    vec2 cornerXy = vec2(corner == 1 ? 3.0 : -1.0, corner == 2 ? 3.0 : -1.0);
    vLocal = cornerXy * vec2(vHalfLength + w + 0.5, w + 0.5);
    vec2 pixel = 0.5 * (sa + sb) + dir * vLocal.x + across * vLocal.y;
    gl_Position = vec4(pixel / halfSize * cc.w, cc.z, cc.w);
}
