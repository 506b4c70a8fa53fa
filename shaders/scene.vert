#version 450 core
// Scene pass: world position for shading and shadows, planar view depth for the depth sensor, and
// the position and normal in the object's pattern space (its own frame in metres, see DrawItem) so
// a procedural pattern sticks to the object.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uModel;
uniform mat3 uNormalMatrix;
uniform mat4 uView;
uniform mat4 uViewProjection;
uniform mat4 uLightViewProjection;
uniform mat4 uPatternFromMesh;
uniform mat3 uPatternNormalMatrix;

out vec3 vNormal;
out vec3 vWorldPosition;
out vec4 vLightPosition;
out float vViewDepth;
out vec3 vPatternPosition;
out vec3 vPatternNormal;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vNormal = uNormalMatrix * aNormal;
    vWorldPosition = world.xyz;
    vLightPosition = uLightViewProjection * world;
    vViewDepth = -(uView * world).z;
    vPatternPosition = (uPatternFromMesh * vec4(aPosition, 1.0)).xyz;
    vPatternNormal = uPatternNormalMatrix * aNormal;
    gl_Position = uViewProjection * world;
}
