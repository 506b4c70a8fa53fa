#version 450 core
// Scene pass: world position and normal for shading, shadows and patterns, planar view depth for the
// depth sensor. Plain variants (ScenePrograms) pass just these and the fragment stage derives the rest;
// material variants add texture coordinates (MATERIAL_UV), tangents (VERTEX_TANGENTS) and vertex
// colours (VERTEX_COLORS), each only where the material and mesh use it.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
#ifdef MATERIAL_UV
layout(location = 2) in vec2 aUv;
out vec2 vUv;
#endif
#ifdef VERTEX_TANGENTS
layout(location = 3) in vec4 aTangent;
out vec4 vTangent;             // world xyz; w = bitangent sign, corrected for mirroring transforms
#endif
#ifdef VERTEX_COLORS
layout(location = 4) in vec4 aColor;
out vec4 vColor;
#endif

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
#ifdef MATERIAL_UV
    vUv = aUv;
#endif
#ifdef VERTEX_TANGENTS
    // Tangents move with the surface (model matrix); a mirroring transform turns cross(n, t) around.
    mat3 linearPart = mat3(uModel);
    vTangent = vec4(linearPart * aTangent.xyz, aTangent.w * sign(determinant(linearPart)));
#endif
#ifdef VERTEX_COLORS
    vColor = aColor;
#endif
    gl_Position = uViewProjection * world;
}
