package dev.mirage.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mirage.template.ObjectSpec.Shape;
import dev.mirage.template.SceneTemplate.AntiAliasing;
import dev.mirage.template.SceneTemplate.CameraSpec;
import dev.mirage.template.SceneTemplate.CategorySpec;
import dev.mirage.template.SceneTemplate.ImageSpec;
import dev.mirage.template.SceneTemplate.LabelSpec;
import dev.mirage.template.SceneTemplate.SkySpec;
import dev.mirage.template.SceneTemplate.SunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateReaderTest {
    @TempDir
    Path dir;

    /** The smallest scene the reader accepts: version, image, camera pose and one object. */
    private static final String MINIMAL = """
            {
              "mirage": 1,
              "image": { "width": 64, "height": 48 },
              "camera": { "position": [0, 1.5, 5], "lookAt": [0, 1, 0] },
              "objects": [ { "shape": "box" } ]
            }
            """;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private TemplateException failure(String name, String text) throws IOException {
        Path file = write(name, text);
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals(file, e.file());
        return e;
    }

    private static Set<String> pointers(TemplateException e) {
        return e.errors().stream().map(TemplateError::pointer).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void minimalSceneReadsWithDefaults() throws IOException {
        Path file = write("tiny-street.json", MINIMAL);
        SceneTemplate t = TemplateReader.read(file);

        assertEquals(file, t.file());
        assertEquals(1, t.version());
        assertEquals("tiny-street", t.name(), "name defaults to the file name without extension");
        assertEquals(new ImageSpec(64, 48, AntiAliasing.FXAA), t.image());
        assertEquals(new CameraSpec(new Vec3Dist.Constant(0, 1.5, 5), new Vec3Dist.Constant(0, 1, 0),
                new NumberDist.Constant(50), 0.1, 1000), t.camera());
        assertEquals(new SunSpec(null, new NumberDist.Constant(45), new NumberDist.Constant(135),
                new ColorDist.Constant(1, 1, 1), new NumberDist.Constant(1)), t.sun());
        assertEquals(new SkySpec(new ColorDist.Constant(0.6, 0.75, 0.92), new NumberDist.Constant(0.35)), t.sky());
        assertEquals(List.of(), t.categories());
        assertEquals(new LabelSpec(1, true), t.labels());

        assertEquals(1, t.objects().size());
        ObjectSpec box = t.objects().get(0);
        assertEquals(new ObjectSpec("/objects/0", new IntDist.Constant(1),
                List.of(new ObjectSpec.Variant("/objects/0", 1, null, Shape.BOX, null, null, null, new Vec3Dist.Constant(1, 1, 1),
                        new ColorDist.Constant(0.7, 0.7, 0.7), ObjectSpec.MaterialSpec.DEFAULT, java.util.Map.of())),
                new Vec3Dist.Constant(0, 0, 0), new Vec3Dist.Constant(0, 0, 0),
                new NumberDist.Constant(0), new Vec3Dist.Constant(1, 1, 1), null), box);
    }

    @Test
    void explicitValuesReplaceDefaults() throws IOException {
        SceneTemplate t = TemplateReader.read(write("s.json", """
                {
                  "mirage": 1, "name": "explicit",
                  "image": { "width": 1280, "height": 720, "antiAliasing": "none" },
                  "camera": { "position": [1, 2, 3], "lookAt": [0, 0, -10], "fovDeg": 40, "nearM": 0.5, "farM": 300 },
                  "sun": { "direction": [0, 1, 0], "color": "#ffffff", "intensity": 2 },
                  "sky": { "color": [0, 0, 1], "intensity": 0 },
                  "categories": [ { "id": 7, "name": "car" }, { "id": 3, "name": "cone", "supercategory": "prop" } ],
                  "objects": [ { "name": "cone stack", "shape": "sphere", "category": "cone", "count": 0, "size": [1, 2, 3],
                                 "position": [4, 5, 6], "rotationDeg": [10, 20, 30], "yawDeg": 90, "scale": 2 } ],
                  "labels": { "minVisiblePixels": 25 }
                }
                """));
        assertEquals("explicit", t.name());
        assertEquals(new ImageSpec(1280, 720, AntiAliasing.NONE), t.image());
        assertEquals(new CameraSpec(new Vec3Dist.Constant(1, 2, 3), new Vec3Dist.Constant(0, 0, -10),
                new NumberDist.Constant(40), 0.5, 300), t.camera());
        assertEquals(new SunSpec(new Vec3Dist.Constant(0, 1, 0), null, null, new ColorDist.Constant(1, 1, 1),
                new NumberDist.Constant(2)), t.sun());
        assertEquals(new SkySpec(new ColorDist.Constant(0, 0, 1), new NumberDist.Constant(0)), t.sky());
        // a missing supercategory takes the category's own name
        assertEquals(List.of(new CategorySpec(7, "car", "car"), new CategorySpec(3, "cone", "prop")), t.categories());
        assertEquals(new LabelSpec(25, true), t.labels());
        ObjectSpec o = t.objects().get(0);
        assertEquals("cone stack", o.first().name());
        assertEquals("cone", o.first().category());
        assertEquals(new IntDist.Constant(0), o.count());
        assertEquals(new Vec3Dist.Constant(1, 2, 3), o.first().size());
        assertEquals(new Vec3Dist.Constant(4, 5, 6), o.position());
        assertEquals(new Vec3Dist.Constant(10, 20, 30), o.rotationDeg());
        assertEquals(new NumberDist.Constant(90), o.yawDeg());
        assertEquals(new Vec3Dist.Constant(2, 2, 2), o.scale(), "a number scale is uniform on all axes");
    }

    // ---- value forms -------------------------------------------------------------------------

    private SceneTemplate withCamera(String fovDeg, String position) throws IOException {
        return TemplateReader.read(write("cam.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": %s, "lookAt": [0, 0, -1], "fovDeg": %s },
                  "objects": [] }
                """.formatted(position, fovDeg)));
    }

    private ObjectSpec withObject(String fields) throws IOException {
        return TemplateReader.read(write("obj.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": [0, 0, 0], "lookAt": [0, 0, -1] },
                  "objects": [ { "shape": "box", %s } ] }
                """.formatted(fields))).objects().get(0);
    }

    @Test
    void numberLiteral() throws IOException {
        assertEquals(new NumberDist.Constant(60), withCamera("60", "[0, 0, 0]").camera().fovDeg());
        assertEquals(new NumberDist.Constant(62.5), withCamera("62.5", "[0, 0, 0]").camera().fovDeg());
    }

    @Test
    void numberUniform() throws IOException {
        NumberDist d = withCamera("{ \"uniform\": [40, 70.5] }", "[0, 0, 0]").camera().fovDeg();
        assertEquals(new NumberDist.Uniform(40, 70.5), d);
        assertEquals(40, d.min());
        assertEquals(70.5, d.max());
    }

    @Test
    void numberChoice() throws IOException {
        NumberDist d = withCamera("{ \"choice\": [30, 45.5, 60] }", "[0, 0, 0]").camera().fovDeg();
        assertEquals(new NumberDist.Choice(List.of(30.0, 45.5, 60.0)), d);
        assertEquals(30, d.min());
        assertEquals(60, d.max());
    }

    @Test
    void vectorUniformAndChoice() throws IOException {
        assertEquals(new Vec3Dist.Uniform(new Vec3Dist.Constant(-1, 1, 4), new Vec3Dist.Constant(1, 2, 6)),
                withCamera("50", "{ \"uniform\": [[-1, 1, 4], [1, 2, 6]] }").camera().position());
        assertEquals(new Vec3Dist.Choice(List.of(new Vec3Dist.Constant(1, 2, 3), new Vec3Dist.Constant(4, 5, 6))),
                withCamera("50", "{ \"choice\": [[1, 2, 3], [4, 5, 6]] }").camera().position());
    }

    @Test
    void intLiteralAndRange() throws IOException {
        assertEquals(new IntDist.Constant(4), withObject("\"count\": 4").count());
        assertEquals(new IntDist.Range(2, 5), withObject("\"count\": { \"int\": [2, 5] }").count());
    }

    @Test
    void colourHex() throws IOException {
        // 0xff = 255 -> 1, 0x80 = 128 -> 128/255, 0x00 -> 0; stored as sRGB
        assertEquals(new ColorDist.Constant(1, 128 / 255.0, 0), withObject("\"color\": \"#ff8000\"").first().color());
        assertEquals(new ColorDist.Constant(10 / 255.0, 171 / 255.0, 205 / 255.0),
                withObject("\"color\": \"#0AaBcD\"").first().color(), "hex digits in either case");
    }

    @Test
    void colourTriple() throws IOException {
        assertEquals(new ColorDist.Constant(0.25, 0.5, 1), withObject("\"color\": [0.25, 0.5, 1]").first().color());
    }

    @Test
    void colourHsv() throws IOException {
        assertEquals(new ColorDist.Hsv(10, 0.2, 0.3, 50, 0.6, 0.9),
                withObject("\"color\": { \"hsv\": [[10, 0.2, 0.3], [50, 0.6, 0.9]] }").first().color());
    }

    @Test
    void colourChoice() throws IOException {
        assertEquals(new ColorDist.Choice(List.of(new ColorDist.Constant(0, 0, 0), new ColorDist.Constant(1, 1, 1))),
                withObject("\"color\": { \"choice\": [\"#000000\", [1, 1, 1]] }").first().color());
    }

    @Test
    void planeSizeIsXz() throws IOException {
        SceneTemplate t = TemplateReader.read(write("plane.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": [0, 1, 0], "lookAt": [0, 0, -1] },
                  "objects": [ { "shape": "plane", "size": [200, 50] } ] }
                """));
        ObjectSpec plane = t.objects().get(0);
        assertEquals(Shape.PLANE, plane.first().shape());
        assertEquals(new Vec3Dist.Constant(200, 1, 50), plane.first().size(), "[x, z] with unit height");
    }

    @Test
    void planeRejectsThreeSizesAndBoxRejectsTwo() throws IOException {
        TemplateException e = failure("sizes.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": [0, 1, 0], "lookAt": [0, 0, -1] },
                  "objects": [ { "shape": "plane", "size": [1, 2, 3] }, { "shape": "box", "size": [1, 2] } ] }
                """);
        assertEquals(Set.of("/objects/0/size", "/objects/1/size"), pointers(e));
    }

    // ---- errors ------------------------------------------------------------------------------

    @Test
    void reportsEveryErrorAtOnceWithItsPointer() throws IOException {
        TemplateException e = failure("broken.json", """
                {
                  "mirage": 1,
                  "image": { "width": 64, "height": 0 },
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0], "fovDeg": { "uniform": [70, 40] } },
                  "categories": [ { "id": 1, "name": "car" }, { "id": 1, "name": "truck" } ],
                  "objects": [
                    { "shape": "box", "category": "car" },
                    { "shape": "box", "size": [1, 2, -3] },
                    { "shape": "teapot" },
                    { "shape": "box", "category": "bus" },
                    { "shape": "box", "count": { "int": [1, "many"] } },
                    { "shape": "box", "color": "#12345" }
                  ],
                  "sun": { "elevationDeg": 95, "color": [1, 1, 2] }
                }
                """);
        assertEquals(Set.of(
                "/image/height",
                "/camera/fovDeg/uniform",
                "/categories/1/id",
                "/objects/1/size/2",
                "/objects/2/shape",
                "/objects/3/category",
                "/objects/4/count/int/1",
                "/objects/5/color",
                "/sun/elevationDeg",
                "/sun/color/2"), pointers(e));
        assertEquals(10, e.errors().size(), "one error per mistake: " + e.errors());
        assertTrue(e.getMessage().contains("10 errors"), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.file().toString()), e.getMessage());
    }

    /*
     * Optional plain numbers that are present but invalid must be reported like any other mistake.
     * Fails on TemplateReader lines 133-136 and 205-206: `cond ? in.number(...) : 0.1` (and
     * `? in.integer(...) : 1`) has type double (int), so the null returned after recording the error
     * is unboxed and throws NullPointerException instead of a TemplateException.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/camera/nearM             | \"nearM\": 0",
            "/camera/nearM             | \"nearM\": \"near\"",
            "/camera/farM              | \"farM\": -5",
            "/labels/minVisiblePixels  | \"labels\": { \"minVisiblePixels\": 0 }",
            "/labels/minVisiblePixels  | \"labels\": { \"minVisiblePixels\": 2.5 }",
    })
    void invalidOptionalNumbersAreReportedNotThrown(String pointer, String field) throws IOException {
        boolean camera = pointer.startsWith("/camera");
        TemplateException e = failure("optional.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": [0, 0, 0], "lookAt": [0, 0, -1] %s },
                  "objects": [] %s }
                """.formatted(camera ? ", " + field : "", camera ? "" : ", " + field));
        assertEquals(Set.of(pointer), pointers(e));
    }

    @Test
    void farNotBeyondNearIsReportedAtFar() throws IOException {
        TemplateException e = failure("planes.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": [0, 0, 0], "lookAt": [0, 0, -1], "nearM": 5, "farM": 5 },
                  "objects": [] }
                """);
        assertEquals(Set.of("/camera/farM"), pointers(e));
    }

    @Test
    void errorMessagesSayWhatWasFound() throws IOException {
        TemplateException e = failure("found.json", """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0], "fovDeg": 200 },
                  "objects": [ { "shape": "box", "size": [1, 2, -3] } ] }
                """);
        TemplateError fov = e.errors().stream().filter(x -> x.pointer().equals("/camera/fovDeg")).findFirst().orElseThrow();
        assertTrue(fov.message().contains("200"), fov.message());
        TemplateError size = e.errors().stream().filter(x -> x.pointer().equals("/objects/0/size/2")).findFirst().orElseThrow();
        assertTrue(size.message().contains("-3"), size.message());
    }

    @Test
    void uniformBoundsOutOfRangeAreReportedPerBound() throws IOException {
        TemplateException e = failure("fov.json", """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0], "fovDeg": { "uniform": [0, 180] } },
                  "objects": [] }
                """);
        assertEquals(Set.of("/camera/fovDeg/uniform/0", "/camera/fovDeg/uniform/1"), pointers(e));
    }

    @Test
    void missingRequiredPartsAreNamed() throws IOException {
        TemplateException e = failure("empty-object.json", "{}");
        assertEquals(Set.of("/mirage", "/image", "/camera", "/objects"), pointers(e));
    }

    @Test
    void unknownFieldsAreRejectedAtEveryDepth() throws IOException {
        TemplateException e = failure("unknown.json", """
                {
                  "mirage": 1, "colour": "red", "a/b~c": 0,
                  "image": { "width": 64, "height": 48, "depth": 8 },
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0], "fov": 50 },
                  "sun": { "azimuth": 10 },
                  "sky": { "tint": "#ffffff" },
                  "categories": [ { "id": 1, "name": "car", "label": "x" } ],
                  "objects": [ { "shape": "box" }, { "shape": "box", "colour": "#ffffff" } ],
                  "labels": { "minPixels": 3 }
                }
                """);
        assertEquals(Set.of("/colour", "/a~1b~0c", "/image/depth", "/camera/fov", "/sun/azimuth", "/sky/tint",
                "/categories/0/label", "/objects/1/colour", "/labels/minPixels"), pointers(e));
        assertEquals(9, e.errors().size(), e.errors().toString());
    }

    @Test
    void unknownDistributionIsRejectedAtItsValue() throws IOException {
        TemplateException e = failure("normal.json", """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": { "uniform": [[0, 0, 0], [1, 1, 1]], "seed": 3 }, "lookAt": [0, 1, 0],
                              "fovDeg": { "gaussian": [50, 5] } },
                  "objects": [] }
                """);
        assertEquals(Set.of("/camera/position", "/camera/fovDeg"), pointers(e));
    }

    @Test
    void duplicateCategoryIdAndNameAreReportedOnTheSecond() throws IOException {
        TemplateException e = failure("dup.json", """
                { "mirage": 1, "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0] },
                  "categories": [ { "id": 1, "name": "car" }, { "id": 2, "name": "car" }, { "id": 1, "name": "bus" } ],
                  "objects": [] }
                """);
        assertEquals(Set.of("/categories/1/name", "/categories/2/id"), pointers(e));
    }

    @Test
    void jsonSyntaxErrorNamesLineAndColumn() throws IOException {
        // line 3 lacks the comma after "mirage": 1; the parser meets the '"' of "name" at line 3, column 3.
        TemplateException e = failure("syntax.json", "{\n  \"mirage\": 1\n  \"name\": \"x\"\n}\n");
        assertEquals(1, e.errors().size());
        assertEquals("", e.errors().get(0).pointer());
        String m = e.errors().get(0).message();
        assertTrue(m.startsWith("syntax error: line 3, column 3: "), m);
        assertNull(e.errors().get(0).location(), "the line is in the message already");
        assertTrue(e.getMessage().startsWith(e.file() + ": /: syntax error: line 3, column 3: "), e.getMessage());
    }

    @Test
    void jsonTrailingGarbageIsASyntaxError() throws IOException {
        TemplateException e = failure("trailing.json", MINIMAL + "\n}\n");
        assertTrue(e.errors().get(0).message().startsWith("syntax error: line "), e.getMessage());
    }

    @Test
    void duplicateKeyIsASyntaxError() throws IOException {
        TemplateException e = failure("dupkey.json", "{\n  \"mirage\": 1,\n  \"mirage\": 1\n}\n");
        assertTrue(e.errors().get(0).message().startsWith("syntax error: line 3, column "), e.getMessage());
    }

    @Test
    void yamlDuplicateKeyIsASyntaxError() throws IOException {
        TemplateException e = failure("dupkey.yaml", "mirage: 1\nmirage: 1\n");
        assertTrue(e.errors().get(0).message().startsWith("syntax error: line 2, column "), e.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() throws IOException {
        // " height" on line 4 is indented by one space, matching neither "image" (0) nor "width" (2);
        // the parser stops at its first character, line 4, column 2
        TemplateException e = failure("syntax.yaml", "mirage: 1\nimage:\n  width: 8\n height: 8\n");
        String m = e.errors().get(0).message();
        assertTrue(m.startsWith("syntax error: line 4, column 2: "), m);
        assertNull(e.errors().get(0).location(), "the line is in the message already");
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        assertEquals("the file is empty", failure("empty.json", "").errors().get(0).message());
        assertEquals("the file is empty", failure("comment.yaml", "# nothing here\n").errors().get(0).message());
        Path missing = dir.resolve("nope.json");
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(missing));
        assertEquals("no such file", e.errors().get(0).message());
    }

    // ---- YAML --------------------------------------------------------------------------------

    @Test
    void yamlReadsToTheSameTemplateAsJson() throws IOException {
        Files.createDirectories(dir.resolve("assets"));
        Files.write(dir.resolve("assets/cone.glb"), new byte[] {0});
        Path json = write("same.json", """
                {
                  "mirage": 1, "name": "same",
                  "image": { "width": 320, "height": 240, "antiAliasing": "none" },
                  "camera": { "position": { "uniform": [[-1, 1.2, 0], [1, 1.8, 2]] },
                              "lookAt": { "choice": [[0, 1, -30], [0, 1.5, -30]] },
                              "fovDeg": { "uniform": [45, 65] }, "nearM": 0.2, "farM": 250 },
                  "sun": { "elevationDeg": { "choice": [20, 40] }, "azimuthDeg": 90, "color": "#fff4e0" },
                  "sky": { "color": { "choice": ["#8fb8e6", [0.5, 0.5, 0.5]] }, "intensity": 0.4 },
                  "categories": [ { "id": 1, "name": "car", "supercategory": "vehicle" } ],
                  "objects": [
                    { "name": "ground", "shape": "plane", "size": [200, 200], "color": "#5b5f55" },
                    { "shape": "box", "category": "car", "count": { "int": [3, 7] }, "size": [1.8, 1.5, 4.5],
                      "position": { "uniform": [[-3.5, 0.75, -60], [3.5, 0.75, -8]] },
                      "yawDeg": { "choice": [0, 180] }, "color": { "hsv": [[0, 0, 0.15], [360, 0.85, 0.95]] } },
                    { "asset": "assets/cone.glb", "node": "Cone", "scale": [1, 2, 1], "rotationDeg": [0, 0, 5] }
                  ],
                  "labels": { "minVisiblePixels": 25 }
                }
                """);
        Path yaml = write("same.yaml", """
                mirage: 1
                name: same
                image: { width: 320, height: 240, antiAliasing: none }
                camera:
                  position: { uniform: [[-1, 1.2, 0], [1, 1.8, 2]] }
                  lookAt:
                    choice:
                      - [0, 1, -30]
                      - [0, 1.5, -30]
                  fovDeg: { uniform: [45, 65] }
                  nearM: 0.2
                  farM: 250
                sun:
                  elevationDeg: { choice: [20, 40] }
                  azimuthDeg: 90
                  color: "#fff4e0"
                sky:
                  color: { choice: ["#8fb8e6", [0.5, 0.5, 0.5]] }
                  intensity: 0.4
                categories:
                  - { id: 1, name: car, supercategory: vehicle }
                objects:
                  - name: ground
                    shape: plane
                    size: [200, 200]
                    color: "#5b5f55"
                  - shape: box
                    category: car
                    count: { int: [3, 7] }
                    size: [1.8, 1.5, 4.5]
                    position: { uniform: [[-3.5, 0.75, -60], [3.5, 0.75, -8]] }
                    yawDeg: { choice: [0, 180] }
                    color: { hsv: [[0, 0, 0.15], [360, 0.85, 0.95]] }
                  - asset: assets/cone.glb
                    node: Cone
                    scale: [1, 2, 1]
                    rotationDeg: [0, 0, 5]
                labels:
                  minVisiblePixels: 25
                """);
        SceneTemplate a = TemplateReader.read(json);
        SceneTemplate b = TemplateReader.read(yaml);
        assertEquals(yaml, b.file());
        assertEquals(a, new SceneTemplate(a.file(), b.version(), b.name(), b.image(), b.camera(), b.sun(), b.sky(),
                b.categories(), b.objects(), b.labels(), b.variables(), b.lights(), b.weather()));
        // and the common fields really are what was written, not two equal wrong readings
        assertEquals(new IntDist.Range(3, 7), b.objects().get(1).count());
        assertEquals(new ColorDist.Hsv(0, 0, 0.15, 360, 0.85, 0.95), b.objects().get(1).first().color());
        assertEquals(new Vec3Dist.Constant(1, 2, 1), b.objects().get(2).scale());
    }

    @Test
    void ymlExtensionIsYamlToo() throws IOException {
        SceneTemplate t = TemplateReader.read(write("short.YML", """
                mirage: 1
                image: { width: 8, height: 8 }
                camera: { position: [0, 0, 0], lookAt: [0, 0, -1] }
                objects: []
                """));
        assertEquals("short", t.name());
    }

    @Test
    void yamlErrorsCarryPointersToo() throws IOException {
        TemplateException e = failure("bad.yaml", """
                mirage: 1
                image: { width: 8, height: 8 }
                camera: { position: [0, 0, 0], lookAt: [0, 0, -1] }
                objects:
                  - shape: box
                  - shape: box
                    size: [1, 1, 0]
                    extra: true
                """);
        assertEquals(Set.of("/objects/1/size/2", "/objects/1/extra"), pointers(e));
    }

    // ---- lines and columns -------------------------------------------------------------------

    /** "line L, column C" (1-based) of the first {@code marker} in {@code text}: where an error should point. */
    private static String lineAndColumn(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0 && text.indexOf(marker, at + 1) < 0, "marker " + marker + " once in the text");
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return "line " + line + ", column " + (at - (text.lastIndexOf('\n', at) + 1) + 1);
    }

    /** 1-based line of the first {@code marker} in {@code text}. */
    private static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0, "marker " + marker + " in the text");
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static TemplateError error(TemplateException e, String pointer) {
        return e.errors().stream().filter(x -> x.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + pointer + ": " + e.errors()));
    }

    /** The error at {@code pointer} is printed with the line and column of {@code marker} in {@code text}. */
    private static void assertAt(TemplateException e, String pointer, String text, String marker) {
        String expected = pointer + " (" + lineAndColumn(text, marker) + "): ";
        assertTrue(error(e, pointer).toString().startsWith(expected), "expected " + expected + " in " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** The same scene in both formats: /camera/fovDeg is out of range, /objects/1/position/2 is no number. */
    private static final String LOCATED_JSON = """
            {
              "mirage": 1,
              "image": { "width": 64, "height": 48 },
              "camera": { "position": [0, 1.5, 5], "lookAt": [0, 1, 0], "fovDeg": 500 },
              "objects": [
                { "shape": "box" },
                { "shape": "box", "size": [1, 1, 1], "position": [0, 0, "upward"] }
              ]
            }
            """;
    private static final String LOCATED_YAML = """
            mirage: 1
            image: { width: 64, height: 48 }
            camera:
              position: [0, 1.5, 5]
              lookAt: [0, 1, 0]
              fovDeg: 500
            objects:
              - shape: box
              - shape: box
                size: [1, 1, 1]
                position:
                  - 0
                  - 0
                  - upward
            """;

    @Test
    void jsonErrorsNameLineAndColumn() throws IOException {
        TemplateException e = failure("located.json", LOCATED_JSON);
        assertEquals(Set.of("/camera/fovDeg", "/objects/1/position/2"), pointers(e));
        // a field is located at its name, an array element at its value
        assertAt(e, "/camera/fovDeg", LOCATED_JSON, "\"fovDeg\"");
        assertAt(e, "/objects/1/position/2", LOCATED_JSON, "\"upward\"");
    }

    @Test
    void yamlErrorsNameLineAndColumn() throws IOException {
        TemplateException e = failure("located.yaml", LOCATED_YAML);
        assertEquals(Set.of("/camera/fovDeg", "/objects/1/position/2"), pointers(e));
        assertAt(e, "/camera/fovDeg", LOCATED_YAML, "fovDeg");
        assertAt(e, "/objects/1/position/2", LOCATED_YAML, "upward");
    }

    @Test
    void oneLocatedErrorKeepsTheMessageFormat() throws IOException {
        String text = LOCATED_YAML.replace("fovDeg: 500", "fovDeg: 50");
        TemplateException e = failure("one.yaml", text);
        assertEquals(e.file() + ": /objects/1/position/2 (" + lineAndColumn(text, "upward")
                + "): expected a number, got \"upward\"", e.getMessage());
    }

    @Test
    void missingFieldPointsAtTheObjectThatLacksIt() throws IOException {
        String json = """
                {
                  "mirage": 1,
                  "image": { "width": 64, "height": 48 },
                  "camera": { "position": [0, 1.5, 5] },
                  "categories": [
                    { "id": 1, "name": "car" },
                    { "id": 2 }
                  ],
                  "objects": []
                }
                """;
        String yaml = """
                mirage: 1
                image: { width: 64, height: 48 }
                camera:
                  position: [0, 1.5, 5]
                categories:
                  - { id: 1, name: car }
                  - id: 2
                objects: []
                """;
        assertMissingFieldsAtTheirObjects(failure("missing.json", json), json, "\"camera\"", "{ \"id\": 2 }");
        assertMissingFieldsAtTheirObjects(failure("missing.yaml", yaml), yaml, "camera:", "id: 2");
    }

    private static void assertMissingFieldsAtTheirObjects(TemplateException e, String text, String camera, String category) {
        assertEquals(Set.of("/camera/lookAt", "/categories/1/name"), pointers(e));
        TemplateError lookAt = error(e, "/camera/lookAt");
        assertEquals(SourceLocation.Anchor.ENCLOSING_OBJECT, lookAt.location().anchor());
        assertTrue(lookAt.toString().startsWith("/camera/lookAt (in the object starting at line "
                + lineOf(text, camera) + "): expected [x, y, z], got nothing"), e.getMessage());
        TemplateError name = error(e, "/categories/1/name");
        assertEquals(SourceLocation.Anchor.ENCLOSING_OBJECT, name.location().anchor());
        assertEquals(lineOf(text, category), name.location().line(), e.getMessage());
    }

    @Test
    void missingTopLevelFieldHasNoLocation() throws IOException {
        TemplateException e = failure("top.json", "{\n  \"mirage\": 1,\n  \"image\": { \"width\": 8, \"height\": 8 },\n"
                + "  \"objects\": []\n}\n");
        TemplateError camera = error(e, "/camera");
        assertNull(camera.location(), "the whole file holds it: no line worth naming");
        assertTrue(camera.toString().startsWith("/camera: expected an object"), camera.toString());
    }

    @Test
    void everyErrorHasItsOwnLine() throws IOException {
        String text = """
                {
                  "mirage": 1,
                  "image": { "width": 64, "height": 0 },
                  "camera": { "position": [0, 1, 5], "lookAt": [0, 1, 0], "fovDeg": { "uniform": [70, 40] } },
                  "categories": [ { "id": 1, "name": "car" }, { "id": 1, "name": "truck" } ],
                  "objects": [
                    { "shape": "box", "category": "car" },
                    { "shape": "box", "size": [1, 2, -3] },
                    { "shape": "teapot" },
                    { "shape": "box", "category": "bus" },
                    { "shape": "box", "count": { "int": [1, "many"] } },
                    { "shape": "box", "color": "#12345" }
                  ],
                  "sun": { "elevationDeg": 95, "color": [1, 1, 2] }
                }
                """;
        TemplateException e = failure("broken.json", text);
        assertEquals(10, e.errors().size(), e.getMessage());
        assertAt(e, "/image/height", text, "\"height\": 0");
        assertAt(e, "/camera/fovDeg/uniform", text, "\"uniform\"");
        assertAt(e, "/categories/1/id", text, "\"id\": 1, \"name\": \"truck\"");
        assertAt(e, "/objects/1/size/2", text, "-3");
        assertAt(e, "/objects/2/shape", text, "\"shape\": \"teapot\"");
        assertAt(e, "/objects/3/category", text, "\"category\": \"bus\"");
        assertAt(e, "/objects/4/count/int/1", text, "\"many\"");
        assertAt(e, "/objects/5/color", text, "\"color\": \"#12345\"");
        assertAt(e, "/sun/elevationDeg", text, "\"elevationDeg\"");
        assertAt(e, "/sun/color/2", text, "2] }");
    }

    @Test
    void columnsCountCharactersNotBytes() throws IOException {
        // "ß" and "–" take two and three bytes in UTF-8; the column counts them as one character each
        String json = "{ \"name\": \"Straße – Süd\", \"mirage\": 2, \"image\": { \"width\": 8, \"height\": 8 },\n"
                + "  \"camera\": { \"position\": [0, 0, 0], \"lookAt\": [0, 0, -1] }, \"objects\": [] }\n";
        assertAt(failure("utf8.json", json), "/mirage", json, "\"mirage\"");
        String yaml = "{ name: \"Straße – Süd\", mirage: 2, image: { width: 8, height: 8 },\n"
                + "  camera: { position: [0, 0, 0], lookAt: [0, 0, -1] }, objects: [] }\n";
        assertAt(failure("utf8.yaml", yaml), "/mirage", yaml, "mirage");
    }

    @Test
    void byteOrderMarkAndCrLfDoNotShiftLocations() throws IOException {
        String text = "{\n  \"mirage\": 1, \"image\": { \"width\": 8, \"height\": -8 },\n"
                + "  \"camera\": { \"position\": [0, 0, 0], \"lookAt\": [0, 0, -1] }, \"objects\": [] }\n";
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF" + text.replace("\n", "\r\n"));
        TemplateException e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertAt(e, "/image/height", text, "\"height\"");
        // on the first line, after the mark
        Files.writeString(file, "\uFEFF" + text.replace("\n  \"mirage\": 1", "\"mirage\": 3"));
        e = assertThrows(TemplateException.class, () -> TemplateReader.read(file));
        assertEquals(new SourceLocation(1, 2, SourceLocation.Anchor.VALUE), error(e, "/mirage").location());
    }

    @Test
    void errorsFoundAfterReadingKeepTheirFormatWithoutALocation() {
        TemplateException e = new TemplateException(Path.of("s.json"), "/objects/0/asset", "cannot load");
        assertNull(e.errors().get(0).location());
        assertEquals("s.json: /objects/0/asset: cannot load", e.getMessage());
    }

    // ---- assets ------------------------------------------------------------------------------

    @Test
    void assetPathsResolveAgainstTheSceneFolder() throws IOException {
        Path asset = dir.resolve("assets/props/cone.glb");
        Files.createDirectories(asset.getParent());
        Files.write(asset, new byte[] {1, 2, 3});
        // ../../ leaves the scene's folder: allowed because it lands in an asset root
        SceneTemplate t = TemplateReader.read(write("scenes/street/scene.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": [0, 0, 0], "lookAt": [0, 0, -1] },
                  "objects": [ { "asset": "../../assets/props/cone.glb" } ] }
                """), new AssetPaths(List.of(dir.resolve("assets")), false));
        ObjectSpec o = t.objects().get(0);
        assertEquals(asset.toAbsolutePath().normalize(), o.first().asset());
        assertNull(o.first().shape());
        assertNull(o.first().color(), "assets keep their own materials unless a colour is given");
        assertEquals(new Vec3Dist.Constant(1, 1, 1), o.first().size());
    }

    @Test
    void missingAssetNamesItsPointer() throws IOException {
        Files.write(dir.resolve("present.glb"), new byte[] {1});
        TemplateException e = failure("scene.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": [0, 0, 0], "lookAt": [0, 0, -1] },
                  "objects": [ { "asset": "present.glb" }, { "shape": "box" }, { "asset": "absent.glb" } ] }
                """);
        assertEquals(1, e.errors().size(), e.errors().toString());
        TemplateError error = e.errors().get(0);
        assertEquals("/objects/2/asset", error.pointer());
        assertTrue(error.message().contains("absent.glb") && error.message().contains(dir.toAbsolutePath().normalize().toString()),
                error.message());
    }

    @Test
    void assetsTakeNoSizeAndShapesTakeNoNode() throws IOException {
        Files.write(dir.resolve("a.glb"), new byte[] {1});
        TemplateException e = failure("scene.json", """
                { "mirage": 1, "image": { "width": 8, "height": 8 },
                  "camera": { "position": [0, 0, 0], "lookAt": [0, 0, -1] },
                  "objects": [ { "asset": "a.glb", "size": [1, 1, 1] }, { "shape": "box", "node": "n" },
                               { "shape": "box", "asset": "a.glb" } ] }
                """);
        assertEquals(Set.of("/objects/0/size", "/objects/1/node", "/objects/2"), pointers(e));
    }
}
