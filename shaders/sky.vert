#version 450 core
// The sky pass's triangle: covers the viewport on the far plane (depth 1), so with depth test LEQUAL
// it shades only pixels no surface covered.
out vec2 vUv;

void main() {
    vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
    vUv = p;
    gl_Position = vec4(p * 2.0 - 1.0, 1.0, 1.0);
}
