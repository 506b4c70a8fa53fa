#version 450 core
// Scene pass: world position for shading and shadows, planar view depth for the depth sensor.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;

uniform mat4 uModel;
uniform mat3 uNormalMatrix;
uniform mat4 uView;
uniform mat4 uViewProjection;
uniform mat4 uLightViewProjection;

out vec3 vNormal;
out vec4 vLightPosition;
out float vViewDepth;

void main() {
    vec4 world = uModel * vec4(aPosition, 1.0);
    vNormal = uNormalMatrix * aNormal;
    vLightPosition = uLightViewProjection * world;
    vViewDepth = -(uView * world).z;
    gl_Position = uViewProjection * world;
}
