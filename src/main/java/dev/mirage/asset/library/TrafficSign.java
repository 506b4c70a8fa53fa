package dev.mirage.asset.library;

import dev.mirage.asset.Model;
import java.util.ArrayList;
import java.util.List;
import org.joml.Matrix4d;

/**
 * A traffic sign on a round pole: a plate cut to the sign's shape (octagon, triangle, disc,
 * diamond or square) with its face drawn on the front (+Z) and a grey back. On y = 0, the pole
 * at the origin's x. Parts: {@code sign}, {@code pole}.
 */
final class TrafficSign implements Generator {
    @Override public String name() { return "traffic_sign"; }
    @Override public String category() { return "traffic_sign"; }
    @Override public String description() { return "Traffic sign (stop, yield, speed limit, warning, no entry, parking) on a pole; face toward +Z"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.choice("face", "stop", Textures.SIGN_FACES, "which sign"),
                ParamSpec.number("sizeM", "m", 0.75, 0.4, 1.2, "plate width and height"),
                ParamSpec.number("poleHeightM", "m", 2.2, 0.8, 4, "height of the plate's lower edge"));
    }

    @Override
    public Model make(Params p) {
        String face = p.word("face");
        double size = p.num("sizeM"), bottom = p.num("poleHeightM");
        ModelBuilder m = new ModelBuilder("traffic_sign");
        double[][] outline = outline(face, size);
        // the profile's (z, y) becomes (−x, y) in the sign's frame: extrusion along X turns to +Z
        Matrix4d frame = new Matrix4d().translate(-size / 2, bottom, 0).rotateY(-Math.PI / 2);
        m.part("sign", Materials.signFace(face)).place(frame).uvScale(1 / size).extrudeX(outline, 0, 0.004);
        m.part("sign", Materials.metal("sign_back", 0.6, 0.6, 0.6)).place(frame).uvScale(1).extrudeX(outline, -0.012, -0.001);
        m.part("pole", Materials.metal("pole", 0.55, 0.56, 0.58)).place(new Matrix4d().translate(0, 0, -0.045))
                .frustum(0.03, 0.03, 0, bottom + size * 0.9, 16, true);
        return m.build();
    }

    /** The plate's outline in (z, y) with z = −x, x and y in 0..size, matching the face image. */
    static double[][] outline(String face, double size) {
        List<double[]> xy = new ArrayList<>();
        double c = size / 2;
        switch (face) {
            case "stop" -> {
                double r = c / Math.cos(Math.PI / 8);
                for (int i = 0; i < 8; i++) {
                    double a = Math.PI / 8 + i * Math.PI / 4;
                    xy.add(new double[] {c + r * Math.cos(a), c + r * Math.sin(a)});
                }
            }
            case "yield" -> {
                double h = size * Math.sqrt(3) / 2, top = size - (size - h) / 2;
                xy.add(new double[] {0, top});
                xy.add(new double[] {c, top - h});
                xy.add(new double[] {size, top});
            }
            case "speed_limit", "no_entry" -> {
                for (int i = 0; i < 32; i++) {
                    double a = 2 * Math.PI * i / 32;
                    xy.add(new double[] {c + c * Math.cos(a), c + c * Math.sin(a)});
                }
            }
            case "warning" -> {
                xy.add(new double[] {size, c});
                xy.add(new double[] {c, size});
                xy.add(new double[] {0, c});
                xy.add(new double[] {c, 0});
            }
            default -> {
                xy.add(new double[] {0, 0});
                xy.add(new double[] {size, 0});
                xy.add(new double[] {size, size});
                xy.add(new double[] {0, size});
            }
        }
        double[][] out = new double[xy.size()][];
        for (int i = 0; i < out.length; i++) out[i] = new double[] {-xy.get(i)[0], xy.get(i)[1]};
        return out;
    }
}
