package dev.mirage.asset.library;

import dev.mirage.asset.TextureImage;
import dev.mirage.asset.TextureRef;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The library's procedural textures, made in code from fixed seeds: every call with the same name
 * returns the same {@link TextureRef} (key {@code mirage:NAME}), built once per process. All tile
 * seamlessly. Colour images are sRGB; normal maps are tangent-space (+Y toward the image's top).
 *
 * <p>Thread safety: safe; images are built once and never written after.
 */
public final class Textures {
    private static final Map<String, TextureRef.Decoded> CACHE = new ConcurrentHashMap<>();

    private Textures() {}

    /** Sign faces {@link #signFace} can draw. */
    public static final java.util.List<String> SIGN_FACES = java.util.List.of("stop", "yield", "speed_limit", "warning",
            "no_entry", "parking");

    private static TextureRef cached(String name, Supplier<TextureImage> make) {
        return CACHE.computeIfAbsent(name, n -> new TextureRef.Decoded("mirage:" + n, make.get()));
    }

    // --- colour and normal maps --------------------------------------------------------------

    /** Asphalt detail, 256 px for 4 m: aggregate with light speckles (hue from the material). */
    public static TextureRef asphalt() { return cached("asphalt", () -> colour(asphaltHeight(), 0.45, 1.0)); }
    public static TextureRef asphaltNormal() { return cached("asphalt_n", () -> normals(asphaltHeight(), 1.5)); }

    /** Concrete paving slabs, 256 px for 1 m: one slab with joints at its edges. */
    public static TextureRef concrete() { return cached("concrete", () -> colour(concreteHeight(), 0.6, 1.0)); }
    public static TextureRef concreteNormal() { return cached("concrete_n", () -> normals(concreteHeight(), 3)); }

    /** Brick wall, 256 px for 1 m: 12 courses of running bond, light mortar. */
    public static TextureRef brick() { return cached("brick", Textures::brickColour); }
    public static TextureRef brickNormal() { return cached("brick_n", () -> normals(brickHeight(), 4)); }

    /** Bark, 256 px around 1 m of trunk: vertical furrows. */
    public static TextureRef bark() { return cached("bark", () -> colour(barkHeight(), 0.35, 1.0)); }
    public static TextureRef barkNormal() { return cached("bark_n", () -> normals(barkHeight(), 5)); }

    /** Leaves: green clumps with alpha (cut out below 0.5), 256 px. */
    public static TextureRef leaves() { return cached("leaves", Textures::leavesColour); }
    public static TextureRef leavesNormal() { return cached("leaves_n", () -> normals(leafHeight(), 3)); }

    /** Opaque leafy detail for crowns (hue from the material), 256 px. */
    public static TextureRef foliage() { return cached("foliage", () -> colour(leafHeight(), 0.5, 1.0)); }

    /** Worn white road paint, 128 px, multiplied by the marking's colour. */
    public static TextureRef paintWorn() { return cached("paint_worn", () -> colour(noise(128, 8, 4, 31), 0.78, 1.0)); }

    /** Wood grain, 256 px for 1 m along the grain (v). */
    public static TextureRef wood() { return cached("wood", Textures::woodColour); }

    /**
     * A building facade tile, 256 px: one floor of one window bay (neutral light wall, a window of
     * dark glass with a frame and a sill), so a wall maps one tile per bay and floor.
     */
    public static TextureRef facade() { return cached("facade", () -> facadeImage(false)); }
    /** The facade's metallic-roughness map: glossy glass, matte wall. */
    public static TextureRef facadeRoughness() { return cached("facade_mr", () -> facadeImage(true)); }

    /** Tyre tread normal map, 128 px around one turn repeated. */
    public static TextureRef treadNormal() { return cached("tread_n", () -> normals(treadHeight(), 4)); }

    /** A traffic sign face (one of {@link #SIGN_FACES}), 256 px, filling the unit square. */
    public static TextureRef signFace(String kind) {
        if (!SIGN_FACES.contains(kind)) throw new IllegalArgumentException("sign face " + kind + ": expected one of " + SIGN_FACES);
        return cached("sign_" + kind, () -> signImage(kind));
    }

    // --- noise ---------------------------------------------------------------------------------

    /** A hash of lattice point (x, y) and a seed to [0, 1). */
    static double hash(int x, int y, int seed) {
        long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ seed * 0x165667B19E3779F9L;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Tileable value noise with period {@code cells} lattice cells across the image. */
    private static double value(double x, double y, int cells, int seed) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        int xa = Math.floorMod(x0, cells), xb = Math.floorMod(x0 + 1, cells), ya = Math.floorMod(y0, cells), yb = Math.floorMod(y0 + 1, cells);
        double a = hash(xa, ya, seed), b = hash(xb, ya, seed), c = hash(xa, yb, seed), d = hash(xb, yb, seed);
        return (a + (b - a) * fx) + ((c + (d - c) * fx) - (a + (b - a) * fx)) * fy;
    }

    /** Fractal noise in [0, 1] on a size² grid: {@code octaves} octaves starting at {@code cells} cells. */
    static double[] noise(int size, int cells, int octaves, int seed) {
        double[] out = new double[size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double sum = 0, amp = 1, norm = 0;
                int c = cells;
                for (int o = 0; o < octaves; o++) {
                    sum += amp * value((double) x * c / size, (double) y * c / size, c, seed + 101 * o);
                    norm += amp;
                    amp *= 0.5;
                    c *= 2;
                }
                out[y * size + x] = sum / norm;
            }
        return out;
    }

    private static double[] asphaltHeight() {
        int size = 256;
        double[] h = noise(size, 16, 4, 7);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double s = hash(x, y, 9);
                if (s > 0.985) h[y * size + x] = Math.min(1, h[y * size + x] + 0.45); // light aggregate
                else if (s < 0.02) h[y * size + x] *= 0.6;                            // pits
            }
        return h;
    }

    private static double[] concreteHeight() {
        int size = 256;
        double[] h = noise(size, 8, 4, 13);
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                int d = Math.min(Math.min(x, size - 1 - x), Math.min(y, size - 1 - y));
                if (d < 3) h[y * size + x] *= 0.25 + 0.25 * d; // joint between slabs
            }
        return h;
    }

    private static final int BRICK_COURSES = 12;

    /** 1 on brick faces, 0 in mortar; each brick's index in the high bits via {@link #brickId}. */
    private static double brickMask(int x, int y, int size) {
        double course = (double) size / BRICK_COURSES;
        int row = (int) (y / course);
        double ry = y - row * course;
        double brickW = size / 4.0;
        double xs = x + (row % 2) * brickW / 2;
        double rx = xs % brickW;
        double mortar = 2.5;
        double edge = Math.min(Math.min(rx, brickW - rx), Math.min(ry, course - ry));
        return Math.max(0, Math.min(1, (edge - mortar * 0.5) / mortar));
    }

    private static int brickId(int x, int y, int size) {
        double course = (double) size / BRICK_COURSES;
        int row = (int) (y / course);
        double brickW = size / 4.0;
        int col = (int) (((x + (row % 2) * brickW / 2) / brickW)) % 4;
        return row * 4 + col;
    }

    private static double[] brickHeight() {
        int size = 256;
        double[] n = noise(size, 32, 2, 17);
        double[] h = new double[size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) h[y * size + x] = brickMask(x, y, size) * (0.8 + 0.2 * n[y * size + x]);
        return h;
    }

    private static TextureImage brickColour() {
        int size = 256;
        double[] n = noise(size, 32, 3, 19);
        byte[] rgba = new byte[4 * size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double m = brickMask(x, y, size), v = n[y * size + x];
                double tone = 0.8 + 0.35 * hash(brickId(x, y, size), 0, 23);
                double[] brick = {0.62 * tone * (0.85 + 0.3 * v), 0.28 * tone * (0.85 + 0.3 * v), 0.20 * tone * (0.85 + 0.3 * v)};
                double[] mortar = {0.72 * (0.9 + 0.2 * v), 0.70 * (0.9 + 0.2 * v), 0.66 * (0.9 + 0.2 * v)};
                put(rgba, size, x, y, mortar[0] + (brick[0] - mortar[0]) * m, mortar[1] + (brick[1] - mortar[1]) * m,
                        mortar[2] + (brick[2] - mortar[2]) * m, 1);
            }
        return new TextureImage(size, size, rgba);
    }

    private static double[] barkHeight() {
        int size = 256;
        double[] out = new double[size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                // stretched noise: cells long along v (the trunk) and narrow around it
                double f = value(x * 24.0 / size, y * 3.0 / size, 24, 29) * 0.6 + value(x * 48.0 / size, y * 6.0 / size, 48, 31) * 0.3
                        + value(x * 64.0 / size, y * 64.0 / size, 64, 37) * 0.1;
                out[y * size + x] = Math.pow(f, 1.5);
            }
        return out;
    }

    private static double[] leafHeight() {
        return noise(256, 16, 3, 41);
    }

    private static TextureImage leavesColour() {
        int size = 256;
        double[] h = leafHeight(), coarse = noise(size, 4, 2, 43);
        byte[] rgba = new byte[4 * size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double v = h[y * size + x], c = coarse[y * size + x];
                double alpha = v + 0.35 * c > 0.62 ? 1 : 0; // holes between clumps, cut out at 0.5
                double g = 0.25 + 0.55 * v;
                put(rgba, size, x, y, 0.20 * g + 0.1 * c, 0.42 * g + 0.15 * c, 0.12 * g, alpha);
            }
        return new TextureImage(size, size, rgba);
    }

    private static double[] treadHeight() {
        int size = 128;
        double[] h = new double[size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                int block = ((x / 16) + (y / 32)) % 2;
                boolean groove = x % 16 < 3 || (y + block * 8) % 32 < 4 || Math.abs(y - size / 2) < 3;
                h[y * size + x] = groove ? 0 : 1;
            }
        return h;
    }

    private static TextureImage woodColour() {
        int size = 256;
        byte[] rgba = new byte[4 * size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double warp = value(x * 4.0 / size, y * 2.0 / size, 4, 47) * 3;
                double ring = 0.5 + 0.5 * Math.sin((x * 20.0 / size + warp) * 2 * Math.PI);
                double fine = value(x * 64.0 / size, y * 4.0 / size, 64, 53);
                double t = 0.75 + 0.15 * ring + 0.1 * fine;
                put(rgba, size, x, y, t, t * 0.95, t * 0.9, 1);
            }
        return new TextureImage(size, size, rgba);
    }

    /**
     * A grey-scale height field to a detail map between {@code dark} and {@code light} (linear); the
     * material's base colour factor gives the hue, so renders without textures still look right.
     */
    private static TextureImage colour(double[] h, double dark, double light) {
        int size = (int) Math.round(Math.sqrt(h.length));
        byte[] rgba = new byte[4 * size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double v = dark + (light - dark) * h[y * size + x];
                put(rgba, size, x, y, v, v, v, 1);
            }
        return new TextureImage(size, size, rgba);
    }

    /** A tangent-space normal map of a tileable height field (rows top first; +Y toward the top). */
    private static TextureImage normals(double[] h, double strength) {
        int size = (int) Math.round(Math.sqrt(h.length));
        byte[] rgba = new byte[4 * size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                double du = (h[y * size + (x + 1) % size] - h[y * size + (x + size - 1) % size]) / 2 * strength;
                double dv = (h[((y + size - 1) % size) * size + x] - h[((y + 1) % size) * size + x]) / 2 * strength;
                double nx = -du, ny = -dv, nz = 1, len = Math.sqrt(nx * nx + ny * ny + nz * nz);
                int i = 4 * (y * size + x);
                rgba[i] = (byte) Math.round((nx / len * 0.5 + 0.5) * 255);
                rgba[i + 1] = (byte) Math.round((ny / len * 0.5 + 0.5) * 255);
                rgba[i + 2] = (byte) Math.round((nz / len * 0.5 + 0.5) * 255);
                rgba[i + 3] = (byte) 255;
            }
        return new TextureImage(size, size, rgba);
    }

    /** Writes a linear colour as sRGB bytes. */
    private static void put(byte[] rgba, int size, int x, int y, double r, double g, double b, double a) {
        int i = 4 * (y * size + x);
        rgba[i] = (byte) srgb(r);
        rgba[i + 1] = (byte) srgb(g);
        rgba[i + 2] = (byte) srgb(b);
        rgba[i + 3] = (byte) Math.round(Math.max(0, Math.min(1, a)) * 255);
    }

    static int srgb(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double s = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(s * 255);
    }

    // --- drawn images ---------------------------------------------------------------------------

    /** Whether pixel (x, y) of the 256 px facade tile is window glass (four panes inside the frame). */
    static boolean facadeGlass(int x, int y) {
        int wx0 = 64, wx1 = 192, wy0 = 56, wy1 = 190, frame = 8;
        return x >= wx0 + frame && x < wx1 - frame && y >= wy0 + frame && y < wy1 - frame
                && Math.abs(x - 128) >= frame / 2 && Math.abs(y - 110) >= frame / 2;
    }

    /** The facade atlas: {@link #ATLAS_WINDOWS}² facade tiles of {@link #ATLAS_CELL} px each. */
    public static TextureRef facadeAtlas() { return cached("facade_atlas", () -> atlas(facadeImage(false))); }
    /** The atlas's metallic-roughness map. */
    public static TextureRef facadeAtlasRoughness() { return cached("facade_atlas_mr", () -> atlas(facadeImage(true))); }

    /** Windows per side of the facade atlas (the lit pattern repeats after this many bays and floors). */
    public static final int ATLAS_WINDOWS = 8;
    /** Pixels per window tile in the atlas (the 256 px tile averaged down). */
    public static final int ATLAS_CELL = 64;

    /**
     * The facade atlas's emissive map with {@code litCells} of its {@link #ATLAS_WINDOWS}² windows
     * lit: their glass warm white, everything else black. Which windows light up first is a fixed
     * shuffle of the cells, so each count lights a superset of the smaller counts.
     */
    public static TextureRef facadeLitWindows(int litCells) {
        int cells = ATLAS_WINDOWS * ATLAS_WINDOWS;
        if (litCells < 0 || litCells > cells) throw new IllegalArgumentException("lit windows " + litCells);
        return cached("facade_lit_" + litCells, () -> litWindowsImage(litCells));
    }

    /** Whether atlas cell (column, row) is among the first {@code litCells} of the fixed shuffle. */
    public static boolean cellLit(int column, int row, int litCells) {
        return LIT_RANK[row * ATLAS_WINDOWS + column] < litCells;
    }

    /** Each cell's place in the order windows light up: a fixed Fisher-Yates shuffle. */
    private static final int[] LIT_RANK = litRank();

    private static int[] litRank() {
        int n = ATLAS_WINDOWS * ATLAS_WINDOWS;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        dev.mirage.randomize.SplitMix64 rng = new dev.mirage.randomize.SplitMix64(0x11A5_FACADEL);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) rank[order[i]] = i;
        return rank;
    }

    /** Whether atlas pixel (x, y) is window glass: every tile pixel it averages is. */
    public static boolean atlasGlass(int x, int y) {
        int f = 256 / ATLAS_CELL, cx = (x % ATLAS_CELL) * f, cy = (y % ATLAS_CELL) * f;
        for (int dy = 0; dy < f; dy++)
            for (int dx = 0; dx < f; dx++) if (!facadeGlass(cx + dx, cy + dy)) return false;
        return true;
    }

    private static TextureImage litWindowsImage(int litCells) {
        int size = ATLAS_WINDOWS * ATLAS_CELL;
        byte[] rgba = new byte[4 * size * size];
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                boolean lit = cellLit(x / ATLAS_CELL, y / ATLAS_CELL, litCells) && atlasGlass(x, y);
                int i = 4 * (y * size + x);
                if (lit) { // warm incandescent-like interior light (sRGB)
                    rgba[i] = (byte) 255;
                    rgba[i + 1] = (byte) 214;
                    rgba[i + 2] = (byte) 150;
                }
                rgba[i + 3] = (byte) 255;
            }
        return new TextureImage(size, size, rgba);
    }

    /** {@link #ATLAS_WINDOWS}² copies of a 256 px tile, each averaged down to {@link #ATLAS_CELL} px. */
    private static TextureImage atlas(TextureImage tile) {
        int f = tile.width() / ATLAS_CELL, size = ATLAS_WINDOWS * ATLAS_CELL;
        byte[] cell = new byte[4 * ATLAS_CELL * ATLAS_CELL];
        for (int y = 0; y < ATLAS_CELL; y++)
            for (int x = 0; x < ATLAS_CELL; x++)
                for (int c = 0; c < 4; c++) {
                    int sum = 0;
                    for (int dy = 0; dy < f; dy++)
                        for (int dx = 0; dx < f; dx++) sum += tile.rgba()[4 * ((y * f + dy) * tile.width() + x * f + dx) + c] & 0xff;
                    cell[4 * (y * ATLAS_CELL + x) + c] = (byte) Math.round((double) sum / (f * f));
                }
        byte[] rgba = new byte[4 * size * size];
        for (int y = 0; y < size; y++)
            for (int k = 0; k < ATLAS_WINDOWS; k++)
                System.arraycopy(cell, 4 * (y % ATLAS_CELL) * ATLAS_CELL, rgba, 4 * (y * size + k * ATLAS_CELL), 4 * ATLAS_CELL);
        return new TextureImage(size, size, rgba);
    }

    private static TextureImage facadeImage(boolean roughnessMap) {
        int size = 256;
        double[] n = noise(size, 16, 3, 59);
        byte[] rgba = new byte[4 * size * size];
        // window opening in image pixels (rows top first): 28 %..72 % across, 22 %..78 % down
        int wx0 = 64, wx1 = 192, wy0 = 56, wy1 = 190, frame = 8;
        for (int y = 0; y < size; y++)
            for (int x = 0; x < size; x++) {
                boolean opening = x >= wx0 && x < wx1 && y >= wy0 && y < wy1;
                boolean glass = facadeGlass(x, y);
                boolean sill = y >= wy1 && y < wy1 + 10 && x >= wx0 - 8 && x < wx1 + 8;
                double v = n[y * size + x];
                int i = 4 * (y * size + x);
                if (roughnessMap) {
                    double rough = glass ? 0.08 : opening ? 0.4 : 0.85;
                    rgba[i] = (byte) 255;
                    rgba[i + 1] = (byte) Math.round(rough * 255);
                    rgba[i + 2] = 0;
                    rgba[i + 3] = (byte) 255;
                } else if (glass) {
                    double sky = 0.08 + 0.10 * (1 - (double) (y - wy0) / (wy1 - wy0)) + 0.03 * v;
                    put(rgba, size, x, y, sky * 0.8, sky * 0.95, sky * 1.2, 1);
                } else if (opening || sill) {
                    put(rgba, size, x, y, 0.7, 0.7, 0.7, 1);
                } else {
                    double w = 0.85 + 0.15 * v;
                    put(rgba, size, x, y, w, w, w, 1);
                }
            }
        return new TextureImage(size, size, rgba);
    }

    private static TextureImage signImage(String kind) {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color red = new Color(200, 16, 30), white = Color.WHITE, blue = new Color(0, 80, 160), yellow = new Color(250, 200, 20);
        g.setColor(new Color(150, 150, 150));
        g.fillRect(0, 0, s, s); // outside the shape: the plate is cut to the shape, so this only shows at the rim
        switch (kind) {
            case "stop" -> {
                g.setColor(white);
                g.fill(polygon(8, s / 2.0, s / 2.0, s / 2.0 / Math.cos(Math.PI / 8), Math.PI / 8));
                g.setColor(red);
                g.fill(polygon(8, s / 2.0, s / 2.0, (s / 2.0 - 8) / Math.cos(Math.PI / 8), Math.PI / 8));
                text(g, "STOP", white, s / 2, s / 2, 78);
            }
            case "yield" -> {
                Path2D outer = triangleDown(s, 0), inner = triangleDown(s, 30);
                g.setColor(red);
                g.fill(outer);
                g.setColor(white);
                g.fill(inner);
            }
            case "speed_limit" -> {
                g.setColor(white);
                g.fill(new Ellipse2D.Double(0, 0, s, s));
                g.setColor(red);
                g.setStroke(new BasicStroke(26));
                g.draw(new Ellipse2D.Double(18, 18, s - 36, s - 36));
                text(g, "50", Color.BLACK, s / 2, s / 2, 110);
            }
            case "warning" -> {
                g.setColor(yellow);
                g.fill(polygon(4, s / 2.0, s / 2.0, s / 2.0, 0));
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(8));
                g.draw(polygon(4, s / 2.0, s / 2.0, s / 2.0 - 14, 0));
                text(g, "!", Color.BLACK, s / 2, s / 2, 130);
            }
            case "no_entry" -> {
                g.setColor(red);
                g.fill(new Ellipse2D.Double(0, 0, s, s));
                g.setColor(white);
                g.fill(new Rectangle2D.Double(40, s / 2.0 - 24, s - 80, 48));
            }
            default -> { // parking
                g.setColor(blue);
                g.fillRect(0, 0, s, s);
                g.setColor(white);
                g.setStroke(new BasicStroke(6));
                g.drawRect(10, 10, s - 20, s - 20);
                text(g, "P", white, s / 2, s / 2, 170);
            }
        }
        g.dispose();
        byte[] rgba = new byte[4 * s * s];
        for (int y = 0; y < s; y++)
            for (int x = 0; x < s; x++) {
                int argb = img.getRGB(x, y), i = 4 * (y * s + x);
                rgba[i] = (byte) (argb >> 16);
                rgba[i + 1] = (byte) (argb >> 8);
                rgba[i + 2] = (byte) argb;
                rgba[i + 3] = (byte) 255;
            }
        return new TextureImage(s, s, rgba);
    }

    /** A regular polygon with vertices at distance {@code r} from (cx, cy), the first at angle {@code start}. */
    private static Path2D polygon(int sides, double cx, double cy, double r, double start) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < sides; i++) {
            double a = start + 2 * Math.PI * i / sides;
            double x = cx + r * Math.cos(a), y = cy - r * Math.sin(a);
            if (i == 0) p.moveTo(x, y); else p.lineTo(x, y);
        }
        p.closePath();
        return p;
    }

    private static Path2D triangleDown(int s, double inset) {
        Path2D p = new Path2D.Double();
        double h = s * Math.sqrt(3) / 2, top = (s - h) / 2;
        p.moveTo(inset * Math.sqrt(3), top + inset);
        p.lineTo(s - inset * Math.sqrt(3), top + inset);
        p.lineTo(s / 2.0, top + h - 2 * inset);
        p.closePath();
        return p;
    }

    private static void text(Graphics2D g, String text, Color colour, int cx, int cy, int px) {
        g.setColor(colour);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, px));
        var m = g.getFontMetrics();
        g.drawString(text, cx - m.stringWidth(text) / 2, cy + (m.getAscent() - m.getDescent()) / 2);
    }
}
