package dev.mirage.gpu.render;

import static org.lwjgl.opengl.GL45C.*;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.asset.Bounds;
import dev.mirage.asset.Mesh;
import dev.mirage.asset.MeshPart;
import dev.mirage.asset.Model;
import dev.mirage.gpu.context.GlContext;
import dev.mirage.gpu.resource.EmptyVertexArray;
import dev.mirage.gpu.resource.ReadbackBuffer;
import dev.mirage.gpu.resource.RenderTarget;
import dev.mirage.scene.Bloom;
import dev.mirage.gpu.resource.ShaderProgram;
import dev.mirage.gpu.resource.Texture2d;
import dev.mirage.scene.FrameScene;
import dev.mirage.scene.ObjectInstance;
import dev.mirage.scene.Surface;
import dev.mirage.sensor.AmodalCoverage;
import dev.mirage.sensor.DepthImage;
import dev.mirage.sensor.InstanceImage;
import dev.mirage.sensor.RgbImage;
import dev.mirage.sensor.SensorFrame;
import dev.mirage.sensor.NormalImage;
import dev.mirage.sensor.SurfaceImage;
import dev.mirage.infrared.NirCamera;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.joml.FrustumIntersection;
import org.joml.Matrix4d;
import org.joml.Matrix4f;
import org.joml.Vector3dc;
import org.lwjgl.system.MemoryStack;

/**
 * Draws a {@link FrameScene} into the sensor targets and reads them back as a {@link SensorFrame}:
 * a sun shadow pass, one scene pass into three targets (sRGB colour, planar depth in metres as R32F,
 * instance id as R32UI; with {@link Options#surfaces()} two more: the infrared surface values as
 * RGBA32F and camera-space normals as RGBA16F, see {@link ThermalShading}), then FXAA on colour only. Depth and ids are never multisampled, filtered or
 * blended, so every label pixel belongs to exactly one object.
 *
 * <p><b>Shading</b> (scene.frag, linear light, then sRGB). Every light has a radiance E on the
 * sun's scale: a white Lambertian surface facing it reflects E. Each of the sun (shadowed by the
 * shadow map) and up to {@link #MAX_LIGHTS} point and spot lights (unshadowed; E = colour ·
 * intensity / d² · window(d) · spot, exactly as {@link dev.mirage.scene.Light} defines it, d clamped
 * at 1 cm) adds {@code E · (n·l) · ((1 − metallic) · albedo + π · D · Vis · F)}: GGX D with
 * α = roughness² (roughness clamped at 0.045), Smith–Schlick-GGX visibility with k = (roughness + 1)²/8,
 * Schlick F with F0 = mix(0.04, albedo, metallic). The sky adds its hemisphere gradient along the
 * normal times (1 − metallic) · albedo, plus the gradient along the reflected ray times an analytic
 * environment BRDF (Fresnel and roughness), so metals are not black. The default surface
 * (roughness 0.8, dielectric) stays close to plain Lambert: its specular lobe adds about
 * 0.024 · E at normal incidence. {@link dev.mirage.scene.Surface} patterns change albedo only and
 * are evaluated in the object's own frame in metres ({@link DrawItem#patternFromWorld}); their exact
 * rules are in scene.frag's {@code patternWeight}. Each pattern is drawn by its own program variant
 * ({@link ScenePrograms}), so plain surfaces run no pattern code. Each draw gets only
 * the lights whose range reaches it ({@link LightUniforms#maskFor}), which changes no pixel.
 *
 * <p><b>Materials</b> (glTF metallic-roughness, {@link dev.mirage.asset.Material}; the rule for an
 * object's colour and surface against a part's material is in {@link DrawItem}). Base colour =
 * factor × base colour image (sRGB) × vertex colour; roughness and metalness = factors × the
 * metallic-roughness image's G and B (linear); a normal map tilts the shading normal in the tangent
 * frame; an occlusion image scales the sky terms only, by mix(1, ao, strength); emission is added
 * after lighting and before fog. Each material is drawn by a program variant holding only the
 * features it uses ({@link ShadingVariant}).
 *
 * <p><b>Alpha.</b> OPAQUE ignores alpha. MASK discards fragments whose alpha is below the cutoff in
 * every pass: no colour, depth or id, no shadow, no amodal coverage (so visibility ratios compare
 * like with like). BLEND parts are drawn after all others, farthest first, blended by alpha over
 * the colour target without writing depth; then a second pass writes depth and ids, with colour
 * masked, where alpha ≥ 0.5: labels, depth, shadows and amodal coverage all take a blended surface
 * where it is at least half opaque ({@link #drawBlended}). Asset parts cull back faces unless their
 * material is double-sided; double-sided ones are lit on both sides with the normal flipped.
 *
 * <p>Creates and owns its programs, render targets, uploaded meshes and readback memory, and frees
 * them in {@link #close()} (reverse order of creation). Thread safety: GL thread only; the
 * {@link GlContext} must be current.
 */
public final class SceneRenderer implements AutoCloseable {
    /** The most point and spot lights one frame may hold; more is an {@link IllegalArgumentException}. */
    public static final int MAX_LIGHTS = 16;

    /**
     * @param width            image width in pixels
     * @param height           image height in pixels
     * @param fxaa             anti-alias RGB with FXAA
     * @param shadowMapSize    side of the sun's shadow map in texels
     * @param shadowDistanceM  how far from the camera shadows are resolved
     * @param visibility       measure each labeled object's unoccluded coverage ({@link AmodalPass})
     * @param surfaces         also render each pixel's infrared surface values and camera-space normal
     *                         ({@link SurfaceImage}, {@link NormalImage}) into two more targets
     * @param nir              the near-infrared camera whose light the surface values hold
     */
    public record Options(int width, int height, boolean fxaa, int shadowMapSize, double shadowDistanceM, boolean visibility,
                          boolean surfaces, NirCamera nir) {
        public Options {
            if (width <= 0 || height <= 0) throw new IllegalArgumentException("size " + width + "x" + height);
            java.util.Objects.requireNonNull(nir);
        }

        /** Colour, depth and ids only. */
        public Options(int width, int height, boolean fxaa, int shadowMapSize, double shadowDistanceM, boolean visibility) {
            this(width, height, fxaa, shadowMapSize, shadowDistanceM, visibility, false, NirCamera.DEFAULT);
        }

        /** Bytes one frame's readback takes per pixel. */
        long bytesPerPixel() {
            return surfaces ? 44 : 12;
        }
    }

    private final GlContext context;
    private final AssetLibrary assets;
    private final Options options;
    // Not final: made one by one in the constructor, which closes those made when a later one fails.
    private ScenePrograms scenePrograms;
    private DepthOnlyPrograms shadowPass;
    private ShaderProgram fxaaPass;
    private final SkyPass skyPass = new SkyPass();
    private RenderTarget sensors;
    private RenderTarget antiAliased;
    private RenderTarget shadowMap;
    private EmptyVertexArray fullscreen;
    private AmodalPass amodal;
    private ParticlePass particles;
    private LensDropPass lensDrops;
    /** Made on the first frame with bloom. */
    private BloomPass bloom;
    /** Where the last drawn frame's finished colour image is (after FXAA and lens drops). */
    private RenderTarget colorResult;
    /** The view-projection of the last drawn frame, for the amodal measurement queued with its readback. */
    private Matrix4f lastViewProjection;
    private List<DrawItem> lastItems = List.of();
    /** Each draw item's infrared uniforms ({@link ThermalShading#of}), when the renderer makes surfaces. */
    private final Map<DrawItem, ThermalShading.Draw> thermalValues = new IdentityHashMap<>();
    private final MeshUploads meshes = new MeshUploads();
    /** The program whose light uniforms were last set in this frame's scene pass, and their mask. */
    private ShaderProgram lightsSetOn;
    private int lightsSet;
    /** Weather shading features of the frame being drawn ({@link WeatherShading}). */
    private java.util.Set<ShadingVariant.Feature> weatherFeatures = java.util.Set.of();
    private final TextureUploads textures;
    private final Map<Mesh, Bounds> meshBounds = new IdentityHashMap<>();
    /** Two readback slots: frame i's pixels travel through one while frame i+1 renders. */
    private final ReadbackBuffer[] readbacks = new ReadbackBuffer[2];
    private final ArrayDeque<Integer> pendingReadbacks = new ArrayDeque<>();
    private int nextReadback;
    private boolean closed;

    public SceneRenderer(GlContext context, AssetLibrary assets, Options options) {
        context.checkOpen();
        checkSize(options, context.capabilities());
        this.context = context;
        this.assets = assets;
        this.textures = new TextureUploads(assets, context.capabilities().softwareRenderer() ? 1f : Texture2d.DEFAULT_ANISOTROPY);
        this.options = options;
        try {
            create(options);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void create(Options options) {
        int w = options.width(), h = options.height();
        scenePrograms = new ScenePrograms(program -> {
            checkLightArrays(program);
            program.setInt("uShadowMap", 0);
            if (program.hasUniform("uTexture")) program.setInt("uTexture", 1);
            for (MaterialTextures.Slot slot : MaterialTextures.Slot.values())
                if (program.hasUniform(slot.sampler())) program.setInt(slot.sampler(), slot.unit());
            program.set("uShadowTexel", 1f / options.shadowMapSize(), 1f / options.shadowMapSize());
        });
        scenePrograms.prepare(ShadingVariant.PLAIN);
        shadowPass = new DepthOnlyPrograms();
        fxaaPass = ShaderProgram.load("fullscreen.vert", "fxaa.frag");
        sensors = RenderTarget.create("sensors", w, h, options.surfaces()
                ? new int[] {GL_RGBA8, GL_R32F, GL_R32UI, GL_RGBA32F, GL_RGBA16F}
                : new int[] {GL_RGBA8, GL_R32F, GL_R32UI}, GL_DEPTH_COMPONENT32F);
        antiAliased = options.fxaa() ? RenderTarget.create("anti-aliased colour", w, h, new int[] {GL_RGBA8}, 0) : null;
        shadowMap = RenderTarget.create("sun shadow map", options.shadowMapSize(), options.shadowMapSize(),
                new int[0], GL_DEPTH_COMPONENT32F);
        configureShadowSampling(shadowMap.depthTexture());
        fullscreen = new EmptyVertexArray();
        amodal = options.visibility() ? new AmodalPass(w, h, readbacks.length) : null;
        particles = new ParticlePass(w, h);
        lensDrops = new LensDropPass(w, h);
        colorResult = antiAliased != null ? antiAliased : sensors;
        for (int i = 0; i < readbacks.length; i++) readbacks[i] = new ReadbackBuffer("sensor readback " + i, options.bytesPerPixel() * w * h);
        fxaaPass.setInt("uColor", 0);
        fxaaPass.set("uTexel", 1f / w, 1f / h);
        checkGl("set-up");
    }

    /**
     * Refuses, before any GL object exists, an image this GL cannot hold: a side above the largest
     * render target, or (with visibility) above a third of the largest texture, since the amodal
     * guard band is three images wide and high; or more pixels than one readback buffer addresses.
     */
    private static void checkSize(Options o, dev.mirage.gpu.context.GlCapabilities caps) {
        int side = Math.max(o.width(), o.height());
        int limit = Math.min(caps.maxRenderbufferSize(), caps.maxTextureSize());
        if (o.visibility()) limit = Math.min(limit, caps.maxTextureSize() / AmodalCoverage.GUARD_BAND);
        if (side > limit || o.bytesPerPixel() * o.width() * o.height() > Integer.MAX_VALUE)
            throw new dev.mirage.gpu.context.GlUnavailableException("image " + o.width() + "x" + o.height()
                    + " is larger than this GL can render" + (o.visibility() ? " with visibility measured" : "")
                    + ": at most " + limit + " pixels a side and " + Integer.MAX_VALUE / o.bytesPerPixel() / 1_000_000
                    + " million pixels in all on " + caps.glRenderer()
                    + "; render smaller images" + (o.visibility() ? " or set \"labels\": {\"visibility\": false}" : ""));
    }

    /** The shader's light arrays must hold exactly {@link #MAX_LIGHTS} elements. */
    private static void checkLightArrays(ShaderProgram program) {
        for (String name : new String[] {"uLightPositionInvRange", "uLightRadiance", "uLightSpotAxisCos", "uLightSpotInvSpan"}) {
            int size = program.uniformArraySize(name);
            if (size != MAX_LIGHTS)
                throw new IllegalStateException("scene.frag declares " + name + "[" + size + "] but MAX_LIGHTS is " + MAX_LIGHTS);
        }
    }

    private static void configureShadowSampling(int texture) {
        glTextureParameteri(texture, GL_TEXTURE_COMPARE_MODE, GL_COMPARE_REF_TO_TEXTURE);
        glTextureParameteri(texture, GL_TEXTURE_COMPARE_FUNC, GL_LEQUAL);
        glTextureParameteri(texture, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTextureParameteri(texture, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    }

    /** Renders one frame and reads every sensor back, top-left origin (synchronously). */
    public SensorFrame render(FrameScene frame) {
        draw(frame);
        startReadBack();
        return finishReadBack();
    }

    /**
     * Issues the GL work of one frame. Then {@link #startReadBack()} queues its pixels for reading
     * and {@link #finishReadBack()} returns them; between the two the next frame may be drawn.
     */
    public void draw(FrameScene frame) {
        checkOpen();
        if (frame.camera().width() != options.width() || frame.camera().height() != options.height())
            throw new IllegalArgumentException("frame is " + frame.camera().width() + "x" + frame.camera().height()
                    + " but the renderer was made for " + options.width() + "x" + options.height());
        meshes.beginFrame();
        if (meshBounds.size() > MeshUploads.DEFAULT_CAPACITY) meshBounds.clear(); // cheap to recompute; keeps a long run bounded
        LightUniforms lights = LightUniforms.of(frame.lights());
        List<DrawItem> items = drawItems(frame);
        Bounds sceneBounds = items.stream().map(DrawItem::worldBounds).reduce(Bounds::union).orElse(null);
        Matrix4f lightViewProjection = sceneBounds == null ? new Matrix4f()
                : new Matrix4f(ShadowFrustum.fit(frame.camera(), frame.sun().towardSun(), sceneBounds, options.shadowDistanceM()));
        drawShadows(items, lightViewProjection);
        drawScene(frame, lights, items, lightViewProjection);
        RenderTarget color = sensors;
        Bloom frameBloom = frame.camera().effects().bloom();
        if (frameBloom.on()) {
            if (bloom == null) bloom = new BloomPass(options.width(), options.height());
            color = bloom.apply(sensors.colorTexture(0), frameBloom, fullscreen);
            checkGl("bloom pass");
        }
        if (antiAliased != null) antiAlias(color.colorTexture(0));
        colorResult = antiAliased != null ? antiAliased : color;
        if (!frame.weather().precipitation().lensDrops().isEmpty()) {
            colorResult = lensDrops.apply(colorResult.colorTexture(0), frame.weather().precipitation().lensDrops(), fullscreen);
            checkGl("lens drop pass");
        }
        lastItems = items;
    }

    private List<DrawItem> drawItems(FrameScene frame) {
        List<DrawItem> items = new ArrayList<>();
        thermalValues.clear();
        for (int i = 0; i < frame.objects().size(); i++) {
            ObjectInstance object = frame.objects().get(i);
            Model model = assets.drawModel(object.source());
            Bounds whole = options.surfaces() ? wholeModelBounds(object) : null;
            for (MeshPart part : model.parts()) {
                Bounds local = meshBounds.computeIfAbsent(part.mesh(), m -> Bounds.of(m.positions(), new Matrix4d()));
                DrawItem item = DrawItem.of(object, part, local);
                items.add(item);
                if (whole != null) thermalValues.put(item, ThermalShading.of(frame, i, part, whole));
            }
        }
        return items;
    }

    /** The model-space box of the whole model an object shows (of all of it, when it is one labeled part). */
    private Bounds wholeModelBounds(ObjectInstance object) {
        dev.mirage.scene.MeshSource source = object.source();
        while (source instanceof dev.mirage.scene.MeshSource.Parts parts) source = parts.base();
        return assets.model(source).bounds();
    }

    private void drawShadows(List<DrawItem> items, Matrix4f lightViewProjection) {
        shadowMap.bindForDrawing();
        glClear(GL_DEPTH_BUFFER_BIT);
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LESS);
        glDisable(GL_CULL_FACE);
        glEnable(GL_POLYGON_OFFSET_FILL);
        glPolygonOffset(1.5f, 2.0f);
        shadowPass.begin(lightViewProjection);
        FrustumIntersection visible = new FrustumIntersection(lightViewProjection);
        for (DrawItem item : items) {
            if (inside(visible, item.worldBounds())) shadowPass.draw(item, meshes, textures);
        }
        glDisable(GL_POLYGON_OFFSET_FILL);
        checkGl("shadow pass");
    }

    private void drawScene(FrameScene frame, LightUniforms lights, List<DrawItem> items, Matrix4f lightViewProjection) {
        sensors.bindForDrawing();
        FrameAtmosphere atmosphere = FrameAtmosphere.of(frame);
        float[] background = clearColor(frame, atmosphere);
        try (MemoryStack stack = MemoryStack.stackPush()) {
            glClearNamedFramebufferfv(sensors.framebuffer(), GL_COLOR, 0, stack.floats(background));
            glClearNamedFramebufferfv(sensors.framebuffer(), GL_COLOR, 1, stack.floats(0f, 0f, 0f, 0f));
            glClearNamedFramebufferuiv(sensors.framebuffer(), GL_COLOR, 2, stack.ints(0, 0, 0, 0));
            if (options.surfaces()) {
                glClearNamedFramebufferfv(sensors.framebuffer(), GL_COLOR, 3, stack.floats(0f, 0f, 0f, 0f));
                glClearNamedFramebufferfv(sensors.framebuffer(), GL_COLOR, 4, stack.floats(0f, 0f, 0f, 0f));
            }
            glClearNamedFramebufferfv(sensors.framebuffer(), GL_DEPTH, 0, stack.floats(1f));
        }
        glEnable(GL_DEPTH_TEST);
        glDepthFunc(GL_LESS);
        glCullFace(GL_BACK);
        Matrix4f view = new Matrix4f(frame.camera().worldToCamera());
        Matrix4f viewProjection = new Matrix4f(frame.camera().projection()).mul(view);
        lastViewProjection = viewProjection;
        Vector3dc eye = frame.camera().position();
        List<String> defines = new ArrayList<>(atmosphere.fogDefines());
        if (options.surfaces()) defines.add("SURFACES");
        scenePrograms.beginFrame(defines, program -> {
            program.set("uView", view);
            program.set("uViewProjection", viewProjection);
            program.set("uLightViewProjection", lightViewProjection);
            program.set("uCameraPosition", (float) eye.x(), (float) eye.y(), (float) eye.z());
            SceneColors.setLighting(program, frame.sun(), frame.sky());
            SceneColors.setFog(program, frame.weather());
            SceneColors.setAtmosphere(program, atmosphere, frame.weather(), options.shadowMapSize());
            WeatherShading.setUniforms(program, frame.weather().precipitation());
            if (options.surfaces()) ThermalShading.setFrame(program, frame, options.nir());
        });
        weatherFeatures = WeatherShading.features(frame.weather().precipitation());
        lightsSetOn = null;
        lightsSet = -1;
        glBindTextureUnit(0, shadowMap.depthTexture());
        FrustumIntersection visible = new FrustumIntersection(viewProjection);
        List<DrawItem> blended = new ArrayList<>();
        for (DrawItem item : items) {
            if (!inside(visible, item.worldBounds())) continue;
            if (item.blended()) blended.add(item);
            else if (item.covers()) drawItem(item, lights, item.coverageCutoff());
        }
        // the sky after the opaque surfaces (it shades only what they left uncovered) and before blended ones (they show it through)
        if (atmosphere.perPixelSky()) drawSky(frame, atmosphere, viewProjection);
        if (!blended.isEmpty()) drawBlended(blended, lights, eye);
        if (ParticlePass.needed(frame)) {
            maskSurfaceTargets(false);
            particles.draw(frame, atmosphere, viewProjection);
            maskSurfaceTargets(true);
        }
        glDisable(GL_CULL_FACE);
        glFrontFace(GL_CCW);
        checkGl("scene pass");
    }

    /** The clear colour: the flat sky or the fog, exposed (the sky pass overdraws it when the background varies). */
    private static float[] clearColor(FrameScene frame, FrameAtmosphere atmosphere) {
        Vector3dc sky = atmosphere.light().backgroundFlat() != null && frame.sky().cloudCover() > 0
                ? atmosphere.light().backgroundFlat() : frame.sky().colorLinear();
        Vector3dc linear = frame.weather().foggy() ? atmosphere.fogColor() : sky;
        double factor = atmosphere.exposure().factor();
        return SceneColors.backgroundSrgb(factor == 1 ? linear : new org.joml.Vector3d(linear).mul(factor));
    }

    /**
     * The background per pixel where no opaque surface is: a triangle on the far plane, depth test
     * LEQUAL against the cleared depth, colour target only (depth and ids keep their clear values).
     */
    private void drawSky(FrameScene frame, FrameAtmosphere atmosphere, Matrix4f viewProjection) {
        glDepthFunc(GL_LEQUAL);
        glDepthMask(false);
        glDisable(GL_CULL_FACE);
        maskLabelTargets(false);
        skyPass.draw(frame, atmosphere, viewProjection, fullscreen);
        scenePrograms.otherProgramUsed();
        maskLabelTargets(true);
        glDepthMask(true);
        glDepthFunc(GL_LESS);
        checkGl("sky pass");
    }

    /** Draws one item with its variant; fragments with alpha below {@code alphaCutoff} are discarded (variants with alpha). */
    private void drawItem(DrawItem item, LightUniforms lights, float alphaCutoff) {
        item.setFrontFace();
        if (item.cullBackFaces()) glEnable(GL_CULL_FACE);
        else glDisable(GL_CULL_FACE);
        ShaderProgram program = scenePrograms.use(item.variant().withWeather(weatherFeatures));
        int lightMask = lights.maskFor(item.worldBounds());
        if (program != lightsSetOn || lightMask != lightsSet) {
            lights.pack(lightMask).applyTo(program);
            lightsSetOn = program;
            lightsSet = lightMask;
        }
        program.set("uModel", item.model());
        program.set("uNormalMatrix", item.normalMatrix());
        program.set("uAlbedo", item.albedoLinear()[0], item.albedoLinear()[1], item.albedoLinear()[2]);
        setSurface(program, item);
        if (item.surface().texture() != null) textures.get(item.surface().texture()).bind(1);
        if (!item.variant().features().isEmpty()) MaterialTextures.apply(program, item, alphaCutoff, textures);
        program.setUnsigned("uInstanceId", item.instanceId());
        ThermalShading.Draw thermal = thermalValues.get(item);
        if (thermal != null) ThermalShading.setDraw(program, thermal);
        meshes.get(item.mesh()).draw();
    }

    /**
     * BLEND items, after every opaque one, farthest first (by the distance from the eye to their
     * bounds' centre). First their colour: blended by source alpha over the sRGB-encoded target
     * (the 8-bit colour target holds sRGB values, so the mix is taken there, as on any non-sRGB
     * framebuffer), depth tested but not written, depth and id targets masked; the target's alpha
     * (FXAA's luma) keeps what was behind. Then their labels: colour masked, depth written, depth and
     * id targets written where alpha is at least 0.5 (fragments below are discarded), so a blended
     * surface is labeled, and hides what is behind it in the labels, exactly where it is mostly
     * opaque, while its colour still shows the surfaces behind it.
     */
    private void drawBlended(List<DrawItem> blended, LightUniforms lights, Vector3dc eye) {
        blended.sort(java.util.Comparator.comparingDouble((DrawItem item) -> -distanceToCentre(item.worldBounds(), eye)));
        glEnablei(GL_BLEND, 0);
        glBlendFuncSeparatei(0, GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
        glDepthMask(false);
        maskLabelTargets(false);
        for (DrawItem item : blended) drawItem(item, lights, 0f);
        glDisablei(GL_BLEND, 0);
        glDepthMask(true);
        glColorMaski(0, false, false, false, false);
        maskLabelTargets(true);
        for (DrawItem item : blended) if (item.covers()) drawItem(item, lights, item.coverageCutoff());
        glColorMaski(0, true, true, true, true);
    }

    /** Turns writing to every target but colour (depth, ids, and the surface targets) on or off. */
    private void maskLabelTargets(boolean write) {
        glColorMaski(1, write, write, write, write);
        glColorMaski(2, write, write, write, write);
        maskSurfaceTargets(write);
    }

    /** Turns writing to the surface and normal targets on or off (when the renderer has them). */
    private void maskSurfaceTargets(boolean write) {
        if (!options.surfaces()) return;
        glColorMaski(3, write, write, write, write);
        glColorMaski(4, write, write, write, write);
    }

    private static double distanceToCentre(Bounds b, Vector3dc eye) {
        return eye.distance((b.min().x() + b.max().x()) / 2, (b.min().y() + b.max().y()) / 2, (b.min().z() + b.max().z()) / 2);
    }

    private static void setSurface(ShaderProgram program, DrawItem item) {
        Surface surface = item.surface();
        program.set("uRoughness", item.roughness());
        program.set("uMetallic", item.metallic());
        if (surface.pattern() == Surface.Pattern.NONE) return;
        Vector3dc c2 = surface.color2Linear();
        program.set("uAlbedo2", (float) c2.x(), (float) c2.y(), (float) c2.z());
        program.set("uPatternScale", (float) surface.patternScaleM());
        program.set("uPatternFromWorld", item.patternFromWorld());
        program.set("uPatternNormalFromWorld", item.patternNormalFromWorld());
    }

    private static boolean inside(FrustumIntersection frustum, Bounds b) {
        return frustum.testAab((float) b.min().x(), (float) b.min().y(), (float) b.min().z(),
                (float) b.max().x(), (float) b.max().y(), (float) b.max().z());
    }

    private void antiAlias(int colorTexture) {
        antiAliased.bindForDrawing();
        glDisable(GL_DEPTH_TEST);
        fxaaPass.use();
        glBindTextureUnit(0, colorTexture);
        fullscreen.drawFullscreenTriangle();
        checkGl("FXAA pass");
    }

    /**
     * Queues the sensor targets of the last {@link #draw} for reading into a free readback slot
     * (asynchronous on a GPU). At most two frames may be pending.
     */
    public void startReadBack() {
        checkOpen();
        if (pendingReadbacks.size() == readbacks.length)
            throw new IllegalStateException("both readback slots are pending: finish one first");
        int w = options.width(), h = options.height();
        long plane = 4L * w * h;
        ReadbackBuffer slot = readbacks[nextReadback];
        slot.bindForPacking();
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, colorResult.framebuffer());
        glReadBuffer(GL_COLOR_ATTACHMENT0);
        glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, 0L);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, sensors.framebuffer());
        glReadBuffer(GL_COLOR_ATTACHMENT1);
        glReadPixels(0, 0, w, h, GL_RED, GL_FLOAT, plane);
        glReadBuffer(GL_COLOR_ATTACHMENT2);
        glReadPixels(0, 0, w, h, GL_RED_INTEGER, GL_UNSIGNED_INT, 2 * plane);
        if (options.surfaces()) {
            glReadBuffer(GL_COLOR_ATTACHMENT3);
            glReadPixels(0, 0, w, h, GL_RGBA, GL_FLOAT, 3 * plane);
            glReadBuffer(GL_COLOR_ATTACHMENT4);
            glReadPixels(0, 0, w, h, GL_RGBA, GL_FLOAT, 7 * plane);
        }
        slot.endPacking();
        checkGl("readback");
        if (amodal != null) {
            amodal.measure(lastItems, lastViewProjection, nextReadback, meshes, textures);
            checkGl("amodal pass");
        }
        pendingReadbacks.addLast(nextReadback);
        nextReadback = (nextReadback + 1) % readbacks.length;
    }

    /** Waits for the oldest queued frame and returns its sensor images, top-left origin. */
    public SensorFrame finishReadBack() {
        checkOpen();
        Integer index = pendingReadbacks.pollFirst();
        if (index == null) throw new IllegalStateException("no readback pending");
        int w = options.width(), h = options.height();
        int plane = 4 * w * h;
        ReadbackBuffer slot = readbacks[index];
        ByteBuffer bytes = slot.map().order(ByteOrder.nativeOrder());
        try {
            SurfaceImage surface = null;
            NormalImage normals = null;
            if (options.surfaces()) {
                surface = new SurfaceImage(w, h, Readback.floatsTopDown(floats(bytes, 3 * plane, 4 * plane), 4 * w, h));
                normals = new NormalImage(w, h, Readback.rgbFloatsTopDown(floats(bytes, 7 * plane, 4 * plane), w, h));
            }
            return new SensorFrame(
                    new RgbImage(w, h, Readback.rgbTopDown(bytes.slice(0, plane), w, h)),
                    new DepthImage(w, h, Readback.floatsTopDown(floats(bytes, plane, plane), w, h)),
                    new InstanceImage(w, h, Readback.intsTopDown(bytes.slice(2 * plane, plane).order(ByteOrder.nativeOrder()).asIntBuffer(), w, h)),
                    amodal != null ? amodal.collect(index) : AmodalCoverage.none(), surface, normals);
        } finally {
            slot.unmap();
        }
    }

    private static java.nio.FloatBuffer floats(ByteBuffer bytes, int offset, int length) {
        return bytes.slice(offset, length).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static void checkGl(String stage) {
        int error = glGetError();
        if (error != GL_NO_ERROR) throw new IllegalStateException(String.format("GL error 0x%04X in %s", error, stage));
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("SceneRenderer used after close");
        context.checkOpen();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        pendingReadbacks.clear();
        for (int i = readbacks.length - 1; i >= 0; i--) closeIfMade(readbacks[i]);
        closeIfMade(lensDrops);
        closeIfMade(bloom);
        closeIfMade(particles);
        closeIfMade(amodal);
        meshes.close();
        textures.close();
        closeIfMade(fullscreen);
        closeIfMade(shadowMap);
        closeIfMade(antiAliased);
        closeIfMade(sensors);
        closeIfMade(fxaaPass);
        skyPass.close();
        closeIfMade(shadowPass);
        closeIfMade(scenePrograms);
    }

    private static void closeIfMade(AutoCloseable resource) {
        if (resource == null) return;
        try {
            resource.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing " + resource + " failed", e);
        }
    }
}
