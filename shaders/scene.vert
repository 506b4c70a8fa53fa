#version 450 core
// Scene pass: world position and normal for shading, shadows and patterns, planar view depth for the
// depth sensor. Every variant (ScenePrograms) passes just these: the fragment stage derives the rest.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uModel;
uniform mat3 uNormalMatrix;
uniform mat4 uView;
uniform mat4 uViewProjection;

out vec3 vNormal;
out vec3 vWorldPosition;
out float vViewDepth;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vNormal = uNormalMatrix * aNormal;
    vWorldPosition = world.xyz;
    vViewDepth = -(uView * world).z;
    gl_Position = uViewProjection * world;
}
