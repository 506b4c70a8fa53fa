package dev.mirage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A render killed with SIGKILL (design.md, "Writes"): the CLI runs in a child JVM that is killed at
 * points spread from JVM start-up through the middle of the render loop, each kill on the folder the
 * previous killed run left. After every kill each file under its final name is whole; rerunning the
 * same command then finishes the dataset byte for byte as one uninterrupted run made it.
 *
 * <p>The kill points come from a fixed seed, so a failure repeats (see {@link KillPoint}). Each kill
 * is logged to the test's output with what the run left: manifest, complete frames, temporaries.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KillResumeTest {
    static final Path STREET = Path.of("scenes/street.json");
    static final int FRAMES = 12;
    static final long SEED = 5;
    static final int WIDTH = 96;
    static final int HEIGHT = 72;
    /** Seeds the kill points; fixed so that a failing run repeats. */
    static final long KILL_SEED = 20_240_611L;

    private static final Pattern FRAME_FILE = Pattern.compile("(rgb|depth|instance|semantic|meta)/(\\d{6})\\.(png|json)");
    /** The last 12 bytes of every PNG: an empty IEND chunk and its CRC. */
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    static Path shared;
    static Path reference;
    static FolderSnapshot uninterrupted;

    @TempDir
    Path tmp;
    private final List<ChildCli> children = new ArrayList<>();

    /** The dataset as one uninterrupted in-process run makes it. */
    @BeforeAll
    static void renderReference() throws IOException {
        reference = shared.resolve("reference");
        CliRun run = CliRun.render(STREET, reference, FRAMES, SEED, WIDTH, HEIGHT);
        assertEquals(0, run.exit(), run.describe());
        uninterrupted = FolderSnapshot.of(reference);
        Wholeness whole = assertOnlyWholeFiles(reference);
        assertEquals(new Wholeness(true, FRAMES, 0, 0, true), whole, "the uninterrupted run");
    }

    @AfterEach
    void killChildren() {
        children.forEach(ChildCli::close);
    }

    /**
     * Four runs into one folder, each killed: in JVM start-up, in GL start-up after the run's
     * manifest, just after its first frame, and a few frames later. Then the same command again, to
     * the end.
     */
    @Test
    void killedRunsLeaveWholeFilesAndTheirRerunEqualsAnUninterruptedRun() throws Exception {
        SplittableRandom random = new SplittableRandom(KILL_SEED);
        List<KillPoint> points = List.of(
                new KillPoint(Anchor.START, 0, random.nextLong(0, 600)),
                new KillPoint(Anchor.MANIFEST, 0, random.nextLong(0, 300)),
                new KillPoint(Anchor.FRAMES, 1, random.nextLong(0, 10)),
                new KillPoint(Anchor.FRAMES, random.nextInt(3, 8), random.nextLong(0, 10)));
        Path out = tmp.resolve("out");
        Wholeness left = new Wholeness(false, 0, 0, 0, false);
        for (int k = 0; k < points.size(); k++) {
            Object manifestBefore = manifestKey(out);
            ChildCli child = start(out, "killed-" + k);
            String kill = killAt(child, points.get(k), out, manifestBefore, left.frames());
            left = assertOnlyWholeFiles(out);
            System.out.printf("kill %d, %s: %s; left %s%n", k, points.get(k), kill, left);
        }

        ChildCli rerun = start(out, "rerun");
        assertEquals(0, rerun.awaitExit(Duration.ofSeconds(60)), rerun.output());
        String summary = (FRAMES - left.frames()) + " frames rendered, " + left.frames() + " already present";
        assertTrue(rerun.output().contains(summary), "expected '" + summary + "' from the rerun:\n" + rerun.output());

        FolderSnapshot resumed = FolderSnapshot.of(out);
        assertEquals(List.of(), resumed.paths().stream().filter(KillResumeTest::isTemporary).toList(), "temporaries left");
        assertEquals(new Wholeness(true, FRAMES, 0, 0, true), assertOnlyWholeFiles(out), "the finished dataset");
        uninterrupted.assertSameBytes(resumed, "uninterrupted run vs killed runs and their rerun");
        assertUniqueAnnotationIds(out);
    }

    /** The wholeness check itself: a PNG or a JSON file cut short under its final name fails it. */
    @Test
    void theWholenessCheckCatchesTruncatedFiles() throws IOException {
        for (String file : List.of("rgb/000003.png", "depth/000004.png", "instance/000005.png", "meta/000006.json",
                "annotations/coco.json", "dataset.json")) {
            Path copy = tmp.resolve(file.replace('/', '-'));
            copyFolder(reference, copy);
            byte[] bytes = Files.readAllBytes(copy.resolve(file));
            Files.write(copy.resolve(file), Arrays.copyOf(bytes, bytes.length - 20));
            assertThrows(AssertionError.class, () -> assertOnlyWholeFiles(copy), file + " cut short");
        }
    }

    private ChildCli start(Path out, String name) throws IOException {
        ChildCli child = ChildCli.start(tmp.resolve(name + ".log"), List.of("render", STREET.toString(),
                "-o", out.toString(), "-n", String.valueOf(FRAMES), "--seed", String.valueOf(SEED),
                "--width", String.valueOf(WIDTH), "--height", String.valueOf(HEIGHT), "-q"));
        children.add(child);
        return child;
    }

    /** What a kill's delay counts from. */
    enum Anchor {
        /** The child's start. */
        START,
        /** The run's own manifest landing (a new file: AtomicFiles renames a new one in each run). */
        MANIFEST,
        /** The run completing some frames. */
        FRAMES
    }

    /**
     * When to kill a run: {@code delayMs} after the anchor ({@code frames} is the count of new
     * frames for {@link Anchor#FRAMES}). Timed kills alone would land in start-up on a slow machine
     * and after the end on a fast one (here the manifest lands 0.6-0.9 s after the start and the 12
     * frames come 10-15 ms apart after about a second), so the later points count from the run's own
     * progress.
     */
    record KillPoint(Anchor anchor, int frames, long delayMs) {
        @Override
        public String toString() {
            return delayMs + " ms after " + switch (anchor) {
                case START -> "start";
                case MANIFEST -> "its manifest";
                case FRAMES -> frames + " new frame" + (frames == 1 ? "" : "s");
            };
        }
    }

    /**
     * Kills the child at {@code point}, or lets it be when it ended first (which must then be a
     * success), and says when it died.
     */
    private static String killAt(ChildCli child, KillPoint point, Path out, Object manifestBefore, int framesBefore)
            throws Exception {
        int target = Math.min(framesBefore + point.frames(), FRAMES - 1);
        while (child.isAlive() && switch (point.anchor()) {
            case START -> false;
            case MANIFEST -> Objects.equals(manifestBefore, manifestKey(out));
            case FRAMES -> completeFrames(out) < target;
        }) {
            if (child.elapsedMillis() > 60_000) fail("no " + point.anchor() + " after 60 s\n" + child.output());
            Thread.sleep(2);
        }
        long anchorMs = point.anchor() == Anchor.START ? 0 : child.elapsedMillis();
        child.waitUntil(anchorMs + point.delayMs());
        boolean alive = child.isAlive();
        long atMs = child.elapsedMillis();
        int exit = child.kill();
        if (!alive || exit != 128 + 9)
            assertEquals(0, exit, "the run ended by itself before the kill, and failed:\n" + child.output());
        return alive ? "killed at " + atMs + " ms (exit " + exit + ")" : "had ended by itself (exit 0)";
    }

    /** Identifies the manifest file in place (its inode on POSIX), or null when there is none. */
    private static Object manifestKey(Path out) {
        try {
            return Files.readAttributes(out.resolve("dataset.json"), BasicFileAttributes.class).fileKey();
        } catch (IOException absent) {
            return null;
        }
    }

    /** Frames whose meta file, written last, is in place. */
    private static int completeFrames(Path out) throws IOException {
        Path meta = out.resolve("meta");
        if (!Files.isDirectory(meta)) return 0;
        try (Stream<Path> files = Files.list(meta)) {
            return (int) files.filter(p -> p.getFileName().toString().matches("\\d{6}\\.json")).count();
        }
    }

    /**
     * What a folder holds after a run, killed or not.
     *
     * @param manifest    whether the manifest is in place
     * @param frames      frames complete (meta in place, with all three images)
     * @param partial     frames with some images but no meta yet
     * @param temporaries files still under a temporary name
     * @param coco        whether the COCO file is in place
     */
    record Wholeness(boolean manifest, int frames, int partial, int temporaries, boolean coco) {}

    /**
     * Fails unless every file under a final name is whole: each PNG decodes (ImageIO) at the run's
     * size and ends with IEND, each JSON file parses, a frame with a meta file has all its images,
     * and a COCO file only exists once every frame does. Temporaries may be there; anything else may
     * not. A folder not made yet is empty.
     */
    static Wholeness assertOnlyWholeFiles(Path out) throws IOException {
        Map<String, Set<Integer>> frameFiles = new TreeMap<>();
        int temporaries = 0;
        boolean coco = false;
        boolean manifest = false;
        if (!Files.exists(out)) return new Wholeness(false, 0, 0, 0, false); // killed before the folder was made
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String path = out.relativize(file).toString().replace('\\', '/');
            if (isTemporary(path)) {
                temporaries++;
                continue;
            }
            Matcher m = FRAME_FILE.matcher(path);
            if (path.equals("dataset.json")) {
                JsonNode json = readJson(file);
                assertEquals(FRAMES, json.path("frames").asInt(), path + ": frames");
                assertEquals(WIDTH, json.path("width").asInt(), path + ": width");
                manifest = true;
            } else if (path.equals("annotations/coco.json")) {
                assertEquals(FRAMES, readJson(file).path("images").size(), path + ": images");
                coco = true;
            } else if (m.matches()) {
                int frame = Integer.parseInt(m.group(2));
                assertTrue(frame < FRAMES, path + ": frame out of range");
                assertWhole(file, m.group(1), frame);
                frameFiles.computeIfAbsent(m.group(1), s -> new TreeSet<>()).add(frame);
            } else {
                fail(out + " holds " + path + ", neither a dataset file nor a temporary");
            }
        }
        Set<Integer> metas = frameFiles.getOrDefault("meta", Set.of());
        Set<Integer> partial = new TreeSet<>();
        for (String sensor : List.of("rgb", "depth", "instance", "semantic")) {
            partial.addAll(frameFiles.getOrDefault(sensor, Set.of()));
            assertTrue(frameFiles.getOrDefault(sensor, Set.of()).containsAll(metas),
                    "frames with a meta file but no " + sensor + " image: " + metas + " vs " + frameFiles.get(sensor));
        }
        partial.removeAll(metas);
        if (coco) assertEquals(FRAMES, metas.size(), "COCO file present before every frame was complete");
        return new Wholeness(manifest, metas.size(), partial.size(), temporaries, coco);
    }

    private static void assertWhole(Path file, String kind, int frame) throws IOException {
        if (kind.equals("meta")) {
            JsonNode meta = readJson(file);
            assertEquals(frame, meta.path("frame").asInt(-1), file + ": frame");
            assertEquals(WIDTH, meta.path("width").asInt(), file + ": width");
            assertEquals(HEIGHT, meta.path("height").asInt(), file + ": height");
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length >= IEND.length, file + ": " + bytes.length + " bytes");
        assertArrayEquals(IEND, Arrays.copyOfRange(bytes, bytes.length - IEND.length, bytes.length), file + ": ends with IEND");
        DecodedPng png = switch (kind) {
            case "rgb" -> DecodedPng.rgb8(file);
            case "semantic" -> DecodedPng.gray8(file);
            default -> DecodedPng.gray16(file);
        };
        assertEquals(WIDTH, png.width(), file + ": width");
        assertEquals(HEIGHT, png.height(), file + ": height");
    }

    /** Parses a whole JSON object, failing on anything cut short or followed by more. */
    private static JsonNode readJson(Path file) {
        try {
            JsonNode node = JSON.readTree(Files.readAllBytes(file));
            assertTrue(node != null && node.isObject(), file + ": not a JSON object");
            return node;
        } catch (IOException e) {
            throw new AssertionError(file + ": does not parse as JSON: " + e.getMessage(), e);
        }
    }

    private static void assertUniqueAnnotationIds(Path out) {
        JsonNode annotations = readJson(out.resolve("annotations/coco.json")).path("annotations");
        assertTrue(annotations.size() > 0, "no annotations");
        Set<Long> ids = new HashSet<>();
        for (JsonNode a : annotations) {
            long id = a.path("id").asLong(0);
            assertTrue(id >= 1, "annotation id " + id + " (ids start at 1)");
            assertTrue(ids.add(id), "annotation id " + id + " twice");
        }
    }

    /** AtomicFiles' temporary names: {@code .<name>.<random>.tmp}. */
    private static boolean isTemporary(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.startsWith(".") && name.endsWith(".tmp");
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
