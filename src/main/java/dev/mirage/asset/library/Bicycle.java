package dev.mirage.asset.library;

import dev.mirage.asset.Material;
import dev.mirage.asset.Model;
import java.util.List;
import org.joml.Matrix4d;
import org.joml.Vector3d;

/**
 * A diamond-frame bicycle, optionally with a seated rider. Front +Z, on y = 0, centred between the
 * tyres' ends. Parts: {@code frame} (paint recolorable; fork, saddle, bars, cranks, pedals),
 * {@code wheel_front}, {@code wheel_rear}, {@code rider}.
 *
 * <p>The rider fits the frame: {@code frameSizeM} / {@value #FRAME_PER_HEIGHT} tall (0.52 m → 1.73 m),
 * the saddle raised until the legs almost straighten at the bottom of the stroke, the hands on the
 * grips and the feet on the pedals at {@code crankDeg}.
 */
final class Bicycle implements Generator {
    /** Seat tube length per metre of rider height (a common sizing rule). */
    static final double FRAME_PER_HEIGHT = 0.3;
    private static final double SEAT_ANGLE = Math.toRadians(73), HEAD_ANGLE = Math.toRadians(72);

    @Override public String name() { return "bicycle"; }
    @Override public String category() { return "bicycle"; }
    @Override public String description() { return "Diamond-frame bicycle with an optional seated rider (part rider); front +Z, frame paint recolorable"; }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.number("lengthM", "m", 1.75, 1.0, 2.0, "overall length, tyre to tyre (at least 2 wheel diameters + 0.2 m)"),
                ParamSpec.number("wheelDiameterM", "m", 0.7, 0.4, 0.75, "tyre outer diameter"),
                ParamSpec.number("frameSizeM", "m", 0.52, 0.3, 0.62, "seat tube from the bottom bracket; sets the rider's height"),
                ParamSpec.number("handlebarWidthM", "m", 0.6, 0.4, 0.8, "handlebar width, the overall width"),
                ParamSpec.number("crankDeg", "deg", 30, 0, 360, "crank angle: 0 puts the left pedal forward, 90 at the bottom"),
                ParamSpec.choice("rider", "adult", List.of("none", "adult", "child"), "who rides it; a child has a larger head"));
    }

    /** The wheelbase these parameters give: length less a wheel, but room for the cranks between the wheels. */
    static double wheelbase(double lengthM, double wheelDiameterM) {
        return Math.max(lengthM - wheelDiameterM, wheelDiameterM + 0.2);
    }

    @Override
    public Model make(Params p) {
        double d = p.num("wheelDiameterM"), r = d / 2, frameSize = p.num("frameSizeM"), barW = p.num("handlebarWidthM");
        double wb = wheelbase(p.num("lengthM"), d), zf = wb / 2, zr = -wb / 2;
        double riderH = frameSize / FRAME_PER_HEIGHT, k = riderH / 1.75;
        ModelBuilder m = new ModelBuilder("bicycle");
        Material paint = Materials.paint("bike_frame", 0.1, 0.45, 0.35), dark = Materials.trim(),
                steel = Materials.metal("drivetrain", 0.6, 0.6, 0.62);
        MeshBuilder frame = m.part("frame", paint);

        Vector3d bb = new Vector3d(0, 0.8 * r, zr + Math.max(r + 0.08, 0.42 * wb));
        Vector3d seatDir = new Vector3d(0, Math.sin(SEAT_ANGLE), -Math.cos(SEAT_ANGLE));
        Vector3d seatTop = new Vector3d(seatDir).mul(frameSize).add(bb);
        double headLen = 0.1 + 0.25 * (frameSize - 0.3);
        double headBottomY = Math.max(seatTop.y - 0.02 - headLen, d + 0.04);
        Vector3d headBottom = steering(zf, r, headBottomY), headTop = steering(zf, r, headBottomY + headLen);
        Vector3d frontAxle = new Vector3d(0, r, zf), rearAxle = new Vector3d(0, r, zr);
        frame.rod(bb, seatTop, 0.016, 12);
        frame.rod(headBottom, headTop, 0.02, 12);
        frame.rod(bb, along(headBottom, headTop, 0.15), 0.019, 12); // down tube
        frame.rod(along(seatTop, bb, 0.03), along(headTop, headBottom, 0.12), 0.016, 12); // top tube
        for (int s = -1; s <= 1; s += 2) {
            Vector3d axle = new Vector3d(s * 0.06, r, zr);
            frame.rod(new Vector3d(bb).add(s * 0.03, 0, 0), axle, 0.009, 8); // chain stays
            frame.rod(along(seatTop, bb, 0.05).add(s * 0.015, 0, 0), axle, 0.008, 8); // seat stays
            frame.rod(new Vector3d(headBottom).add(s * 0.045, 0, 0), new Vector3d(s * 0.045, r, zf), 0.011, 8); // fork blades
        }
        frame.rod(new Vector3d(headBottom).add(-0.055, 0, 0), new Vector3d(headBottom).add(0.055, 0, 0), 0.014, 8); // fork crown
        frame.rod(new Vector3d(-0.07, r, zf), new Vector3d(0.07, r, zf), 0.006, 6); // axles
        frame.rod(new Vector3d(-0.07, r, zr), new Vector3d(0.07, r, zr), 0.006, 6);

        // saddle at the rider's height: hips over the seat, legs nearly straight at the bottom of the stroke
        double crank = Math.min(Math.max(0.17 * frameSize / 0.52, 0.09), Math.min(0.175, bb.y - 0.06));
        double legM = 0.835 * k, hipDrop = 0.10 * k;
        Vector3d ankleLow = new Vector3d(0, bb.y - crank + 0.01 + 0.085 * k + 0.01, bb.z - 0.10 * k);
        double t = seatPost(bb, seatDir, hipDrop, ankleLow, 0.93 * legM);
        Vector3d saddle = new Vector3d(seatDir).mul(Math.max(t, frameSize + 0.04)).add(bb);
        m.part("frame", steel).rod(along(seatTop, bb, 0.02), saddle, 0.0135, 10);
        m.part("frame", dark).ellipsoid(0, saddle.y + 0.005, saddle.z + 0.03, 0.075, 0.03, 0.14, 16, 8);
        Vector3d seat = new Vector3d(0, saddle.y + 0.035, saddle.z);

        // stem up the steering axis, then forward to a straight bar at saddle height or a little below
        double barY = Math.max(headTop.y + 0.06, seat.y - 0.06 * k);
        Vector3d stemTop = steering(zf, r, barY);
        Vector3d bar = new Vector3d(0, barY, stemTop.z + 0.08);
        m.part("frame", steel).rod(headTop, stemTop, 0.014, 10).rod(stemTop, bar, 0.014, 10);
        m.part("frame", steel).rod(new Vector3d(-barW / 2 + 0.12, barY, bar.z), new Vector3d(barW / 2 - 0.12, barY, bar.z), 0.011, 10);
        for (int s = -1; s <= 1; s += 2)
            m.part("frame", dark).rod(new Vector3d(s * (barW / 2 - 0.13), barY, bar.z), new Vector3d(s * barW / 2, barY, bar.z), 0.016, 12);

        // chainring on the right (−X), cranks and pedals under the feet
        Matrix4d ringFrame = new Matrix4d().translate(-0.055, bb.y, bb.z).rotateZ(Math.PI / 2);
        m.part("frame", steel).place(ringFrame).frustum(0.1 * Math.min(1, r / 0.35), 0.1 * Math.min(1, r / 0.35), -0.003, 0.003, 24, true);
        m.part("frame", steel).unplaced();
        m.part("frame", steel).rod(new Vector3d(-0.07, bb.y, bb.z), new Vector3d(0.07, bb.y, bb.z), 0.02, 12);
        double footX = Math.max(0.10 * k, 0.095), a = Math.toRadians(p.num("crankDeg"));
        Vector3d[] pedals = new Vector3d[2];
        for (int s = -1; s <= 1; s += 2) { // s = +1 the left crank (+X), a ahead of the right by half a turn
            double ang = s > 0 ? a : a + Math.PI;
            Vector3d pedal = new Vector3d(s * footX, bb.y - crank * Math.sin(ang), bb.z + crank * Math.cos(ang));
            double armX = s * (footX - 0.06);
            m.part("frame", steel).rod(new Vector3d(armX, bb.y, bb.z), new Vector3d(armX, pedal.y, pedal.z), 0.011, 8);
            m.part("frame", dark).box(pedal.x - 0.05, pedal.y - 0.012, pedal.z - 0.04, pedal.x + 0.05, pedal.y + 0.012, pedal.z + 0.04);
            pedals[s > 0 ? 0 : 1] = new Vector3d(pedal.x, pedal.y + 0.012, pedal.z);
        }
        wheel(m, "wheel_front", zf, r);
        wheel(m, "wheel_rear", zr, r);
        String rider = p.word("rider");
        if (!rider.equals("none")) {
            double gripX = 0.21 * k;
            Rider.add(m, riderH, rider.equals("child"), new Rider.Fit(seat, new Vector3d(gripX, barY, bar.z),
                    new Vector3d(-gripX, barY, bar.z), pedals[0], pedals[1]));
        }
        return m.build();
    }

    /** The point on the steering axis (through the front axle, tilted back by the head angle) at height y. */
    private static Vector3d steering(double zAxle, double r, double y) {
        return new Vector3d(0, y, zAxle - (y - r) / Math.tan(HEAD_ANGLE));
    }

    /** The point {@code metres} from {@code from} toward {@code to}. */
    private static Vector3d along(Vector3d from, Vector3d to, double metres) {
        Vector3d dir = new Vector3d(to).sub(from).normalize();
        return dir.mul(metres).add(from);
    }

    /** How far up the seat tube the saddle goes so that the hips, {@code hipDrop} above it, are {@code reach} from the ankle. */
    private static double seatPost(Vector3d bb, Vector3d dir, double hipDrop, Vector3d ankle, double reach) {
        // |bb + t dir + (0, hipDrop, 0) − ankle| = reach, the larger root
        Vector3d c = new Vector3d(bb).add(0, hipDrop, 0).sub(ankle);
        double b = c.dot(dir), q = c.lengthSquared() - reach * reach, disc = b * b - q;
        return disc < 0 ? -b : -b + Math.sqrt(disc);
    }

    /** A spoked wheel: tyre and rim as tori, hub, 16 spokes; axle along X at height r. */
    private static void wheel(ModelBuilder m, String node, double z, double r) {
        double tyre = Math.max(0.014, 0.025 * r / 0.35);
        Matrix4d axle = new Matrix4d().translate(0, r, z).rotateZ(Math.PI / 2);
        m.part(node, Materials.rubber()).place(axle).torus(r - tyre, tyre, 48, 10);
        double rimR = r - 2 * tyre;
        m.part(node, Materials.metal("bike_rim", 0.75, 0.75, 0.78)).place(axle).torus(rimR, 0.007, 48, 6);
        MeshBuilder spokes = m.part(node, Materials.chrome()).place(axle).frustum(0.02, 0.02, -0.04, 0.04, 12, true);
        spokes.unplaced();
        for (int i = 0; i < 16; i++) {
            double phi = 2 * Math.PI * (i + 0.5) / 16, side = i % 2 == 0 ? 0.03 : -0.03;
            spokes.rod(new Vector3d(side, r, z), new Vector3d(0, r + rimR * Math.cos(phi), z + rimR * Math.sin(phi)), 0.0015, 4);
        }
    }
}
