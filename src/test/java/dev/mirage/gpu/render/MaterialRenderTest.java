package dev.mirage.gpu.render;

import static org.junit.jupiter.api.Assertions.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Material;
import dev.mirage.asset.Mesh;
import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import dev.mirage.asset.TextureImage;
import dev.mirage.asset.TextureRef;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.context.GlPlatform;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.Light;
import dev.mirage.scene.MeshSource;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Sky;
import dev.mirage.scene.Sun;
import dev.mirage.sensor.SensorFrame;
import java.util.List;
import java.util.TreeMap;
import org.joml.Matrix4d;
import org.joml.Vector3d;
import org.joml.Vector4d;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * glTF metallic-roughness materials on the real GL path (llvmpipe in CI). A 2 m square quad with
 * texture coordinates faces the camera; every expected value is computed here from the image's
 * bytes, the pinhole model of {@link PixelRays} and the shading model documented in
 * {@link SceneRenderer} (roughness 1 makes the GGX lobe flat, π·D = 1). Direct light comes from an
 * unshadowed point lamp ({@link Light}'s documented falloff) rather than the sun, whose shadow map
 * on a lone thin quad adds a few percent of acne that is not what these tests are about. FXAA is
 * off, so pixels are not blended with their neighbours. Sampled texels may carry up to about half
 * an 8-bit step of linear error (llvmpipe filters sRGB textures at 8-bit precision after decoding),
 * which the tolerances allow as {@link #TEXEL_ERROR}.
 */
class MaterialRenderTest {
    static final int W = 160, H = 120, ID = 1;
    static final Vector3d ZERO = new Vector3d(), ONE = new Vector3d(1, 1, 1);
    /** The camera 3 m in front of the quad (which lies in z = 0, x and y in [-1, 1]). */
    static final PixelRays FRONT = new PixelRays(new Vector3d(0, 0, 3), new Vector3d(0, 0, 0), 60, W, H);
    static final Sun NO_SUN = new Sun(new Vector3d(0, 1, 0), ONE, 0);
    /** No sky light; its colour is still the background. */
    static final Sky DARK_SKY = new Sky(new Vector3d(0.2, 0.3, 0.5), 0);
    /** The four colours of the test image, sRGB bytes: top-left, top-right, bottom-left, bottom-right. */
    static final int[][] QUADRANTS = {{220, 40, 30}, {30, 200, 60}, {40, 60, 210}, {230, 210, 40}};
    /** Linear error a sampled texel may carry. */
    static final double TEXEL_ERROR = 0.6 / 255;
    /** A white point lamp 4.5 m away, up, right and in front of the quad's centre: direct light of about 0.7. */
    static final Light LAMP = lamp(new Vector3d(1.5, 2, 3.7), 14);

    static GlContext gl;
    static AssetLibrary assets;
    static SceneRenderer renderer;
    static int models;

    @BeforeAll
    static void open() {
        gl = GlContext.open(GlPlatform.SURFACELESS);
        assets = new AssetLibrary();
        renderer = new SceneRenderer(gl, assets, new SceneRenderer.Options(W, H, false, 512, 50, true));
    }

    @AfterAll
    static void close() {
        renderer.close();
        gl.close();
    }

    // --- fixtures ---------------------------------------------------------------------------------

    /** The quad: z = 0, normal +Z, u along +x and v along +y (v = 0 at the image's bottom row), counter-clockwise from +Z. */
    static Mesh quad(boolean tangents, float[] colorRgba) {
        float[] p = {-1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 1, 0};
        float[] n = {0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
        float[] uv = {0, 0, 1, 0, 1, 1, 0, 1};
        float[] t = tangents ? new float[] {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1} : null;
        float[] c = null;
        if (colorRgba != null) {
            c = new float[16];
            for (int i = 0; i < 4; i++) System.arraycopy(colorRgba, 0, c, 4 * i, 4);
        }
        return new Mesh("quad", p, n, uv, t, c, new int[] {0, 1, 2, 0, 2, 3});
    }

    /** A 16 × 16 image whose texel (x, y), rows top first, is {@code texel(x, y)} = RGBA bytes. */
    static TextureRef image(String name, java.util.function.BiFunction<Integer, Integer, int[]> texel) {
        byte[] rgba = new byte[16 * 16 * 4];
        for (int y = 0; y < 16; y++)
            for (int x = 0; x < 16; x++) {
                int[] v = texel.apply(x, y);
                for (int c = 0; c < 4; c++) rgba[4 * (16 * y + x) + c] = (byte) v[c];
            }
        return new TextureRef.Decoded(name, new TextureImage(16, 16, rgba));
    }

    /** The 2 × 2 colour image: each quadrant an 8 × 8 block of one colour from {@link #QUADRANTS}, opaque. */
    static TextureRef quadrantImage() {
        return image("quadrants", (x, y) -> {
            int[] c = QUADRANTS[(y < 8 ? 0 : 2) + (x < 8 ? 0 : 1)];
            return new int[] {c[0], c[1], c[2], 255};
        });
    }

    /** One RGBA value everywhere. */
    static TextureRef constantImage(String name, int r, int g, int b, int a) {
        return image(name, (x, y) -> new int[] {r, g, b, a});
    }

    /** The quad as a labeled object (id 1) with this mesh and material, placed by {@code modelToWorld}. */
    static ObjectInstance object(Mesh mesh, Material material, Matrix4d modelToWorld) {
        String name = "material-test-" + models++;
        MeshSource.Generated source = new MeshSource.Generated(name, new TreeMap<>());
        assets.put(source, Model.of(name, List.of(new MeshPart(mesh, new Matrix4d(), material, ""))));
        return new ObjectInstance(ID, 1, name, source, modelToWorld, null, ZERO, ZERO, 0, ONE);
    }

    static ObjectInstance object(Material material) {
        return object(quad(true, null), material, new Matrix4d());
    }

    static SensorFrame render(PixelRays view, Sun sun, Sky sky, List<ObjectInstance> objects) {
        return renderer.render(new FrameScene(0, 0, view.camera(), sun, sky, objects, List.of()));
    }

    /** Lit by {@code light} alone: no sun, no sky light. */
    static SensorFrame render(PixelRays view, Light light, List<ObjectInstance> objects) {
        return renderer.render(new FrameScene(0, 0, view.camera(), NO_SUN, DARK_SKY, objects, List.of(light)));
    }

    static Light lamp(Vector3d position, double intensity) {
        return new Light(Light.Kind.POINT, position, null, ONE, intensity, 100, 0, 0);
    }

    static Material.Builder matte(String name) {
        return new Material.Builder(name).roughness(1).metallic(0);
    }

    // --- independent expectations ------------------------------------------------------------------

    /** Where the ray through pixel (x, y) of the front view meets z = 0. */
    static Vector3d hitQuadPlane(int x, int y) {
        Vector3d d = FRONT.ray(x, y);
        double t = -FRONT.eye.z / d.z;
        return new Vector3d(d).mul(t).add(FRONT.eye);
    }

    /**
     * Linear radiance toward {@code eye} from a roughness-1 surface with normal n at p under a sun of
     * radiance e from unit direction l: e·(n·l)·((1 − m)·albedo + Vis·F), with π·D = 1 at roughness 1,
     * k = 0.5 and F0 = mix(0.04, albedo, m).
     */
    static double sunLit(Vector3d p, Vector3d n, Vector3d l, double e, double albedo, double metallic, Vector3d eye) {
        double nl = n.dot(l);
        if (nl <= 0) return 0;
        Vector3d v = new Vector3d(eye).sub(p).normalize();
        Vector3d h = new Vector3d(l).add(v).normalize();
        double nv = Math.max(n.dot(v), 1e-4);
        double vis = 0.25 / ((nl * 0.5 + 0.5) * (nv * 0.5 + 0.5));
        double f0 = 0.04 + (albedo - 0.04) * metallic;
        double f = f0 + (1 - f0) * Math.pow(1 - v.dot(h), 5);
        return e * nl * ((1 - metallic) * albedo + vis * f);
    }

    /** {@link #sunLit} for a point lamp: E = intensity / d² · clamp(1 − (d/range)⁴, 0, 1)², l toward the lamp. */
    static double lampLit(Light lamp, Vector3d p, Vector3d n, double albedo, double metallic) {
        return lampLit(lamp, p, n, albedo, metallic, FRONT.eye);
    }

    static double lampLit(Light lamp, Vector3d p, Vector3d n, double albedo, double metallic, Vector3d eye) {
        Vector3d toLamp = new Vector3d(lamp.position()).sub(p);
        double d = toLamp.length(), x = d / lamp.rangeM();
        double window = Math.pow(Math.max(0, Math.min(1, 1 - x * x * x * x)), 2);
        return sunLit(p, n, toLamp.normalize(), lamp.intensity() / (d * d) * window, albedo, metallic, eye);
    }

    static int srgbByte(double linear) {
        return (int) Math.round(SceneColors.encodeSrgb(linear) * 255);
    }

    static int channel(SensorFrame frame, int x, int y, int c) {
        return frame.rgb().data()[3 * (y * W + x) + c] & 0xFF;
    }

    /** Pixel (x, y) of the front view whose centre sees quad point (qx, qy), rounded down. */
    static int[] pixelOf(double qx, double qy) {
        double[] uv = FRONT.project(new Vector3d(qx, qy, 0));
        return new int[] {(int) Math.floor(uv[0]), (int) Math.floor(uv[1])};
    }

    static long idPixels(SensorFrame frame, int id) {
        long n = 0;
        for (int v : frame.instance().data()) if (v == id) n++;
        return n;
    }

    // --- tests -------------------------------------------------------------------------------------

    @Test
    void baseColourImageIsSampledUprightAndLitAsItsLinearTexelTimesTheFactor() {
        double[] factor = {0.9, 0.8, 0.7};
        Material m = matte("quadrants").baseColorFactor(new Vector4d(factor[0], factor[1], factor[2], 1))
                .baseColorTexture(quadrantImage()).build();
        SensorFrame frame = render(FRONT, LAMP, List.of(object(m)));
        int checked = 0;
        for (int q = 0; q < 4; q++) {
            // Quadrant centres: image top-left is quad (-0.5, +0.5), i.e. up and to the left on screen.
            int[] centre = pixelOf(q % 2 == 0 ? -0.5 : 0.5, q < 2 ? 0.5 : -0.5);
            for (int y = centre[1] - 8; y <= centre[1] + 8; y++)
                for (int x = centre[0] - 8; x <= centre[0] + 8; x++) {
                    Vector3d p = hitQuadPlane(x, y);
                    for (int c = 0; c < 3; c++) {
                        double albedo = factor[c] * PixelRays.decodeSrgb(QUADRANTS[q][c]);
                        double expected = lampLit(LAMP, p, new Vector3d(0, 0, 1), albedo, 0);
                        double texel = lampLit(LAMP, p, new Vector3d(0, 0, 1), albedo + factor[c] * TEXEL_ERROR, 0) - expected;
                        double measured = PixelRays.decodeSrgb(channel(frame, x, y, c));
                        assertEquals(expected, measured, 0.005 * expected + texel + PixelRays.halfStep(expected),
                                "quadrant " + q + " channel " + c + " at " + x + "," + y);
                    }
                    assertEquals(ID, frame.instance().idAt(x, y));
                    checked++;
                }
        }
        assertEquals(4 * 17 * 17, checked);
    }

    @Test
    void vertexColoursMultiplyTheBaseColour() {
        float[] vc = {0.5f, 0.25f, 1f, 1f};
        Material m = matte("vertex colours").baseColorFactor(new Vector4d(0.8, 0.8, 0.8, 1)).build();
        SensorFrame frame = render(FRONT, LAMP, List.of(object(quad(false, vc), m, new Matrix4d())));
        for (int y = 40; y < 80; y += 3)
            for (int x = 60; x < 100; x += 3)
                for (int c = 0; c < 3; c++) {
                    double expected = lampLit(LAMP, hitQuadPlane(x, y), new Vector3d(0, 0, 1), 0.8 * vc[c], 0);
                    assertEquals(expected, PixelRays.decodeSrgb(channel(frame, x, y, c)),
                            0.005 * expected + PixelRays.halfStep(expected), "channel " + c + " at " + x + "," + y);
                }
    }

    @Test
    void maskDiscardsTheTransparentHalfInColourIdsAmodalCoverageAndArea() {
        TextureRef leftClear = image("left half clear", (x, y) -> x < 8 ? new int[] {255, 0, 0, 0} : new int[] {255, 255, 255, 255});
        Material m = matte("cut-out").baseColorTexture(leftClear).alpha(Material.AlphaMode.MASK, 0.5).build();
        Sky sky = new Sky(new Vector3d(0.2, 0.3, 0.5), 0.5);
        SensorFrame frame = render(FRONT, new Sun(new Vector3d(0, 0, 1), ONE, 0.5), sky, List.of(object(m)));
        int[] background = {srgbByte(0.2), srgbByte(0.3), srgbByte(0.5)};
        double[] topLeft = FRONT.project(new Vector3d(-1, 1, 0)), bottomRight = FRONT.project(new Vector3d(1, -1, 0));
        double xMid = FRONT.project(new Vector3d(0, 0, 0))[0];
        int left = 0, right = 0;
        for (int y = (int) Math.ceil(topLeft[1]) + 1; y < bottomRight[1] - 1; y++)
            for (int x = (int) Math.ceil(topLeft[0]) + 1; x < bottomRight[0] - 1; x++) {
                if (x + 0.5 < xMid - 1) {
                    assertEquals(0, frame.instance().idAt(x, y), "left half at " + x + "," + y);
                    assertEquals(0f, frame.depth().metresAt(x, y), "no depth at " + x + "," + y);
                    for (int c = 0; c < 3; c++) assertEquals(background[c], channel(frame, x, y, c), "background at " + x + "," + y);
                    left++;
                } else if (x + 0.5 > xMid + 1) {
                    assertEquals(ID, frame.instance().idAt(x, y), "right half at " + x + "," + y);
                    right++;
                }
            }
        assertTrue(left > 1000 && right > 1000, left + " left, " + right + " right pixels checked");
        // The right half's projected rectangle; pixel centres inside it are the quad's.
        double area = (bottomRight[0] - xMid) * (bottomRight[1] - topLeft[1]);
        double column = bottomRight[1] - topLeft[1];
        long ids = idPixels(frame, ID);
        assertEquals(area, ids, column, "id pixels against the right half's projected area " + area);
        assertEquals(ids, frame.amodal().total(ID), column, "amodal coverage counts the same cut-out");
        assertEquals(frame.amodal().total(ID), frame.amodal().inImage(ID));
    }

    @Test
    void maskCutOutsCastNoShadow() {
        TextureRef leftClear = image("left half clear, shadow", (x, y) -> x < 8 ? new int[] {255, 255, 255, 0} : new int[] {255, 255, 255, 255});
        Material m = matte("cut-out roof").baseColorTexture(leftClear).alpha(Material.AlphaMode.MASK, 0.5).doubleSided(true).build();
        // The quad turned to lie flat 2 m above a white floor, its u still along +x; the sun straight overhead.
        Matrix4d roof = new Matrix4d().translation(0, 2, 0).rotateX(-Math.PI / 2);
        Vector3d size = new Vector3d(20, 1, 20);
        ObjectInstance floor = new ObjectInstance(0, 0, "floor", new MeshSource.Primitive(MeshSource.PrimitiveKind.PLANE),
                PixelRays.placed(ZERO, size), ONE, ZERO, ZERO, 0, size);
        PixelRays view = new PixelRays(new Vector3d(0, 3, 6), new Vector3d(0, 0, 0), 60, W, H);
        SensorFrame frame = renderer.render(new FrameScene(0, 0, view.camera(), new Sun(new Vector3d(0, 1, 0), ONE, 0.6),
                DARK_SKY, List.of(floor, object(quad(true, null), m, roof)), List.of()));
        int open = brightness(frame, view, new Vector3d(-3, 0, 0));
        int underClearHalf = brightness(frame, view, new Vector3d(-0.5, 0, 0));
        int underOpaqueHalf = brightness(frame, view, new Vector3d(0.5, 0, 0));
        assertEquals(open, underClearHalf, 2, "the floor under the clear half is lit as in the open");
        assertTrue(underOpaqueHalf < open / 4, "the opaque half shadows the floor: " + underOpaqueHalf + " vs " + open);
    }

    /** Green byte at the pixel where world point p (on the floor, unhidden) lands. */
    static int brightness(SensorFrame frame, PixelRays view, Vector3d p) {
        double[] uv = view.project(p);
        int x = (int) Math.floor(uv[0]), y = (int) Math.floor(uv[1]);
        assertEquals(0, frame.instance().idAt(x, y), "floor point " + p + " is not hidden by the quad");
        return frame.rgb().data()[3 * (y * W + x) + 1] & 0xFF;
    }

    @Test
    void blendMixesColourByAlphaAndLabelsOnlyTheMostlyOpaqueHalf() {
        // Black base colour and no sun or sky light: the quad's own colour is exactly its emission.
        TextureRef halves = image("quarter and three quarters", (x, y) -> new int[] {255, 255, 255, x < 8 ? 64 : 191});
        double[] emissive = {0.6, 0.3, 0.1};
        Material m = matte("glass").baseColor(ZERO).baseColorTexture(halves)
                .emissive(new Vector3d(emissive[0], emissive[1], emissive[2])).alpha(Material.AlphaMode.BLEND, 0.5).build();
        SensorFrame frame = render(FRONT, NO_SUN, DARK_SKY, List.of(object(m)));
        double[] sky = {0.2, 0.3, 0.5};
        double[] topLeft = FRONT.project(new Vector3d(-1, 1, 0)), bottomRight = FRONT.project(new Vector3d(1, -1, 0));
        double xMid = FRONT.project(new Vector3d(0, 0, 0))[0];
        int checked = 0;
        // Three pixels from the edges: within half a texel (2.2 pixels) of them the repeat-wrapped
        // image blends in the opposite edge's alpha.
        for (int y = (int) Math.ceil(topLeft[1]) + 3; y < bottomRight[1] - 3; y++)
            for (int x = (int) Math.ceil(topLeft[0]) + 3; x < bottomRight[0] - 3; x++) {
                if (Math.abs(x + 0.5 - xMid) < 3) continue;
                boolean leftHalf = x + 0.5 < xMid;
                double alpha = (leftHalf ? 64 : 191) / 255.0;
                for (int c = 0; c < 3; c++) {
                    // Blended on the 8-bit sRGB values the colour target holds.
                    double expected = alpha * SceneColors.encodeSrgb(emissive[c]) * 255 + (1 - alpha) * srgbByte(sky[c]);
                    assertEquals(expected, channel(frame, x, y, c), 1.0, "channel " + c + " at " + x + "," + y);
                }
                assertEquals(leftHalf ? 0 : ID, frame.instance().idAt(x, y), "id at " + x + "," + y);
                assertEquals(leftHalf ? 0f : 3f, frame.depth().metresAt(x, y), 1e-4, "depth at " + x + "," + y);
                checked++;
            }
        assertTrue(checked > 3000, checked + " pixels checked");
        double column = bottomRight[1] - topLeft[1];
        assertEquals(idPixels(frame, ID), frame.amodal().total(ID), column, "amodal coverage is the labeled half");
    }

    /**
     * A background drawn per pixel (the sky pass, here set off by a height-fog profile whose fog is
     * the sky's own colour and too thin to change the glass) shows through a blended surface as the
     * flat background does: the sky pass runs before blended surfaces, and fills only what opaque
     * ones left uncovered.
     */
    @Test
    void blendMixesOverAPerPixelSkyAsOverTheClearColour() {
        TextureRef halves = image("three quarters, over the sky pass", (x, y) -> new int[] {255, 255, 255, 191});
        double[] emissive = {0.6, 0.3, 0.1};
        Material m = matte("glass over sky").baseColor(ZERO).baseColorTexture(halves)
                .emissive(new Vector3d(emissive[0], emissive[1], emissive[2])).alpha(Material.AlphaMode.BLEND, 0.5).build();
        double[] sky = {0.2, 0.3, 0.5};
        dev.mirage.scene.Weather thin = new dev.mirage.scene.Weather(1e7, new Vector3d(sky[0], sky[1], sky[2]), 0, 1.0);
        SensorFrame frame = renderer.render(new FrameScene(0, 0, FRONT.camera(), NO_SUN, DARK_SKY, List.of(object(m)), List.of(), thin));
        int[] centre = pixelOf(0.3, 0.3);
        double alpha = 191 / 255.0;
        for (int c = 0; c < 3; c++) {
            double expected = alpha * SceneColors.encodeSrgb(emissive[c]) * 255 + (1 - alpha) * srgbByte(sky[c]);
            assertEquals(expected, channel(frame, centre[0], centre[1], c), 1.0, "glass, channel " + c);
            assertEquals(srgbByte(sky[c]), channel(frame, 1, 1, c), 1.0, "background, channel " + c);
        }
        assertEquals(ID, frame.instance().idAt(centre[0], centre[1]));
    }

    @Test
    void blendedSurfacesOverOpaqueOnesLabelTheBlendedOnlyWhereMostlyOpaque() {
        // An opaque quad 1 m behind the glass: it shows through both halves, and keeps its id under the clear half.
        TextureRef halves = image("quarter and three quarters, over", (x, y) -> new int[] {255, 255, 255, x < 8 ? 64 : 191});
        Material glass = matte("glass over").baseColor(ZERO).baseColorTexture(halves).emissive(new Vector3d(0.6, 0.3, 0.1))
                .alpha(Material.AlphaMode.BLEND, 0.5).build();
        Material wall = matte("wall").baseColor(ZERO).emissive(new Vector3d(0.05, 0.5, 0.05)).build();
        ObjectInstance back = object(quad(true, null), wall, new Matrix4d().translation(0, 0, -1).scale(3));
        back = new ObjectInstance(2, 1, back.name(), back.source(), back.modelToWorld(), null, ZERO, ZERO, 0, ONE);
        SensorFrame frame = render(FRONT, NO_SUN, DARK_SKY, List.of(object(glass), back));
        int[] left = pixelOf(-0.5, 0), right = pixelOf(0.5, 0);
        assertEquals(2, frame.instance().idAt(left[0], left[1]), "the wall's id under the clear half");
        assertEquals(ID, frame.instance().idAt(right[0], right[1]), "the glass's id where it is mostly opaque");
        assertEquals(4f, frame.depth().metresAt(left[0], left[1]), 1e-4);
        assertEquals(3f, frame.depth().metresAt(right[0], right[1]), 1e-4);
        for (int c = 0; c < 3; c++) {
            double wallSrgb = SceneColors.encodeSrgb(new double[] {0.05, 0.5, 0.05}[c]) * 255;
            double glassSrgb = SceneColors.encodeSrgb(new double[] {0.6, 0.3, 0.1}[c]) * 255;
            double a = 64 / 255.0;
            assertEquals(a * glassSrgb + (1 - a) * Math.round(wallSrgb), channel(frame, left[0], left[1], c), 1.0, "channel " + c);
        }
    }

    @Test
    void normalMapTiltsTheDiffuseTermToTheCosineOfTheTiltedNormal() {
        for (boolean tangents : new boolean[] {true, false}) {
            // A constant texel whose decoded normal leans about 30° toward +x (the tangent, u) in the x–z plane.
            int[] texel = {191, 128, 238};
            Vector3d tilted = new Vector3d(texel[0] / 255.0 * 2 - 1, texel[1] / 255.0 * 2 - 1, texel[2] / 255.0 * 2 - 1).normalize();
            // A lamp 20 m away, 40° from the quad's normal toward +x: nearly parallel light of about 0.8.
            Vector3d l = new Vector3d(Math.sin(Math.toRadians(40)), 0, Math.cos(Math.toRadians(40)));
            Light far = lamp(new Vector3d(l).mul(20), 0.8 * 400);
            double albedo = 0.5;
            Material flat = matte("flat " + tangents).baseColor(new Vector3d(albedo, albedo, albedo)).build();
            Material mapped = flat.toBuilder().name("mapped " + tangents)
                    .normalTexture(constantImage("tilt", texel[0], texel[1], texel[2], 255), 1).build();
            SensorFrame plain = render(FRONT, far, List.of(object(quad(tangents, null), flat, new Matrix4d())));
            SensorFrame bumped = render(FRONT, far, List.of(object(quad(tangents, null), mapped, new Matrix4d())));
            double sumPlain = 0, sumBumped = 0;
            for (int y = 35; y < 85; y += 2)
                for (int x = 55; x < 105; x += 2) {
                    Vector3d p = hitQuadPlane(x, y);
                    double expectedPlain = lampLit(far, p, new Vector3d(0, 0, 1), albedo, 0);
                    double expectedBumped = lampLit(far, p, tilted, albedo, 0);
                    double measuredPlain = PixelRays.decodeSrgb(channel(plain, x, y, 1));
                    double measuredBumped = PixelRays.decodeSrgb(channel(bumped, x, y, 1));
                    assertEquals(expectedPlain, measuredPlain, 0.01 * expectedPlain + PixelRays.halfStep(expectedPlain));
                    // The texel's normal carries up to TEXEL_ERROR per component: about 0.1° here.
                    assertEquals(expectedBumped, measuredBumped, 0.01 * expectedBumped + PixelRays.halfStep(expectedBumped),
                            (tangents ? "vertex tangents" : "derivative frame") + " at " + x + "," + y);
                    sumPlain += measuredPlain;
                    sumBumped += measuredBumped;
                }
            // The diffuse part dominates: the ratio is close to cos(tilted, sun) / cos(flat, sun).
            double cosRatio = tilted.dot(l) / l.z;
            assertEquals(cosRatio, sumBumped / sumPlain, 0.02, tangents ? "vertex tangents" : "derivative frame");
        }
    }

    @Test
    void emissionShowsWithoutSunOrSkyAsFactorTimesItsSrgbImage() {
        double[] factor = {1, 0.5, 0.25};
        Material m = matte("lamp").baseColor(new Vector3d(0.8, 0.8, 0.8))
                .emissive(new Vector3d(factor[0], factor[1], factor[2])).emissiveTexture(quadrantImage()).build();
        SensorFrame frame = render(FRONT, NO_SUN, DARK_SKY, List.of(object(m)));
        for (int q = 0; q < 4; q++) {
            int[] p = pixelOf(q % 2 == 0 ? -0.5 : 0.5, q < 2 ? 0.5 : -0.5);
            for (int c = 0; c < 3; c++) {
                double expected = factor[c] * PixelRays.decodeSrgb(QUADRANTS[q][c]);
                assertEquals(expected, PixelRays.decodeSrgb(channel(frame, p[0], p[1], c)),
                        0.005 * expected + factor[c] * TEXEL_ERROR + PixelRays.halfStep(expected), "quadrant " + q + " channel " + c);
            }
        }
    }

    @Test
    void metallicRoughnessImageIsReadAsLinearData() {
        // B = 128 is metalness 128/255 = 0.502 read linearly; an sRGB decode would make it 0.216.
        // G = 255 is roughness 1 either way.
        Material m = matte("half metal").baseColor(ONE).metallic(1).roughness(1)
                .metallicRoughnessTexture(constantImage("mr", 0, 255, 128, 255)).build();
        double linearMetal = 128 / 255.0, srgbMetal = PixelRays.decodeSrgb(128);
        SensorFrame frame = render(FRONT, LAMP, List.of(object(m)));
        for (int y = 40; y < 80; y += 4)
            for (int x = 60; x < 100; x += 4) {
                Vector3d p = hitQuadPlane(x, y);
                double expected = lampLit(LAMP, p, new Vector3d(0, 0, 1), 1, linearMetal);
                double ifSrgb = lampLit(LAMP, p, new Vector3d(0, 0, 1), 1, srgbMetal);
                double texel = Math.abs(lampLit(LAMP, p, new Vector3d(0, 0, 1), 1, linearMetal + TEXEL_ERROR) - expected);
                double measured = PixelRays.decodeSrgb(channel(frame, x, y, 0));
                double tolerance = 0.005 * expected + texel + PixelRays.halfStep(expected);
                assertEquals(expected, measured, tolerance, "at " + x + "," + y);
                assertTrue(Math.abs(ifSrgb - measured) > 10 * tolerance, "distinguishable from an sRGB read");
            }
    }

    @Test
    void occlusionScalesOnlyTheSkyTerm() {
        Sky sky = new Sky(new Vector3d(0.6, 0.7, 0.9), 0.8);
        Material plain = matte("unoccluded").baseColor(new Vector3d(0.7, 0.7, 0.7)).build();
        Material occluded = plain.toBuilder().name("occluded").occlusionTexture(constantImage("ao", 128, 0, 0, 255), 0.5).build();
        double factor = 1 + (128 / 255.0 - 1) * 0.5; // mix(1, ao, strength)
        SensorFrame a = render(FRONT, NO_SUN, sky, List.of(object(plain)));
        SensorFrame b = render(FRONT, NO_SUN, sky, List.of(object(occluded)));
        SensorFrame lampOnly = render(FRONT, LAMP, List.of(object(occluded)));
        SensorFrame lampOnlyPlain = render(FRONT, LAMP, List.of(object(plain)));
        for (int y = 40; y < 80; y += 4)
            for (int x = 60; x < 100; x += 4)
                for (int c = 0; c < 3; c++) {
                    double full = PixelRays.decodeSrgb(channel(a, x, y, c));
                    double expected = factor * full;
                    assertEquals(expected, PixelRays.decodeSrgb(channel(b, x, y, c)),
                            factor * PixelRays.halfStep(full) + PixelRays.halfStep(expected) + full * TEXEL_ERROR,
                            "sky term at " + x + "," + y);
                    assertEquals(channel(lampOnlyPlain, x, y, c), channel(lampOnly, x, y, c), "direct light is not occluded");
                }
    }

    @Test
    void singleSidedQuadSeenFromBehindIsAbsentAndDoubleSidedIsPresent() {
        PixelRays behind = new PixelRays(new Vector3d(0, 0, -3), new Vector3d(0, 0, 0), 60, W, H);
        Material oneSided = matte("one-sided").build(), twoSided = matte("two-sided").doubleSided(true).build();
        Light lampBehind = lamp(new Vector3d(1.5, 2, -3.7), 14);
        SensorFrame back = render(behind, lampBehind, List.of(object(oneSided)));
        assertEquals(0, idPixels(back, ID), "culled from behind");
        assertEquals(0, back.amodal().total(ID), "and covers no amodal pixel");
        SensorFrame front = render(FRONT, LAMP, List.of(object(oneSided)));
        double side = FRONT.project(new Vector3d(1, 0, 0))[0] - FRONT.project(new Vector3d(-1, 0, 0))[0];
        assertEquals(side * side, idPixels(front, ID), 2 * side, "present from the front");
        SensorFrame both = render(behind, lampBehind, List.of(object(twoSided)));
        assertEquals(side * side, idPixels(both, ID), 2 * side, "double-sided: present from behind");
        // The quad point the centre pixel of the view from behind sees (a hair off the origin).
        Vector3d d = behind.ray(W / 2, H / 2);
        Vector3d p = new Vector3d(d).mul(-behind.eye.z / d.z).add(behind.eye);
        double expected = lampLit(lampBehind, p, new Vector3d(0, 0, -1), 1, 0, behind.eye);
        assertEquals(srgbByte(expected), channel(both, W / 2, H / 2, 0), 1, "lit on its back face, normal flipped toward the lamp");
    }
}
