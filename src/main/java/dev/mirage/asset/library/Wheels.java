package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import org.joml.Matrix4d;

/** Wheels for the vehicle generators: a closed tyre of revolution about X with a rim inside it. Stateless. */
final class Wheels {
    private Wheels() {}

    /**
     * Adds a wheel standing on y = 0 whose axle runs along X through (x, radius, z).
     *
     * @param node  the part name ({@code wheel_fl}, ...)
     * @param widthM tyre width
     */
    static void wheel(ModelBuilder m, String node, double x, double z, double radius, double widthM, Material rim) {
        double w = widthM / 2, rimR = radius * 0.62;
        Matrix4d axleAlongX = new Matrix4d().translate(x, radius, z).rotateZ(-Math.PI / 2);
        // counter-clockwise in (radius, axial) so normals face out of the rubber
        m.part(node, Materials.rubber()).place(axleAlongX).uvScale(1).lathe(
                new double[] {rimR, radius * 0.93, radius, radius, radius * 0.93, rimR, rimR},
                new double[] {-w, -w, -w * 0.6, w * 0.6, w, w, -w}, 28, 8);
        m.part(node, rim).place(axleAlongX).frustum(rimR * 0.999, rimR * 0.999, -w * 0.85, w * 0.85, 20, true);
        m.part(node, Materials.trim()).place(axleAlongX).frustum(rimR * 0.35, rimR * 0.35, -w * 0.9, w * 0.9, 12, true);
    }
}
