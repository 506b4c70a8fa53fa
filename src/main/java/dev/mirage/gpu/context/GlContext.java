package dev.mirage.gpu.context;

import static org.lwjgl.egl.EGL10.*;
import static org.lwjgl.egl.EGL12.EGL_RENDERABLE_TYPE;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_API;
import static org.lwjgl.egl.EGL14.EGL_OPENGL_BIT;
import static org.lwjgl.egl.EGL14.eglBindAPI;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MAJOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_MINOR_VERSION;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT;
import static org.lwjgl.egl.EGL15.EGL_CONTEXT_OPENGL_PROFILE_MASK;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lwjgl.PointerBuffer;
import org.lwjgl.egl.EGL;
import org.lwjgl.egl.EGLCapabilities;
import org.lwjgl.egl.EXTDeviceEnumeration;
import org.lwjgl.egl.EXTDeviceQuery;
import org.lwjgl.opengl.GL;
import org.lwjgl.opengl.GL11C;
import org.lwjgl.opengl.GL30C;
import org.lwjgl.system.JNI;
import org.lwjgl.system.MemoryStack;

/**
 * A headless OpenGL 4.5 core context reached through EGL, with no display and no surface: the
 * renderer draws into framebuffer objects only.
 *
 * <p>Two paths: EGL's device platform (EGL_EXT_device_enumeration + EGL_EXT_platform_device), which
 * is how NVIDIA GPU servers are reached, and Mesa's surfaceless platform (llvmpipe on machines
 * without a GPU). {@link GlPlatform} chooses.
 *
 * <p>Lifecycle: {@link #open} makes the context current on the calling thread; {@link #close}
 * releases and destroys it and terminates the display. Idempotent close; using a closed context
 * throws {@link IllegalStateException}.
 *
 * <p>Thread safety: confined to the thread that opened it. All GL work of a run happens there.
 */
public final class GlContext implements AutoCloseable {
    private static final int EGL_PLATFORM_DEVICE_EXT = 0x313F;
    private static final int EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;

    private final long display;
    private final long context;
    private final GlCapabilities capabilities;
    private final Thread owner;
    private boolean closed;

    private GlContext(long display, long context, GlCapabilities capabilities) {
        this.display = display;
        this.context = context;
        this.capabilities = capabilities;
        this.owner = Thread.currentThread();
    }

    /**
     * Makes a GL 4.5 core context current on this thread.
     *
     * @throws GlUnavailableException when no platform gives a usable context; the message names
     *                                what is missing and the packages that provide it
     */
    public static GlContext open(GlPlatform platform) {
        EGLCapabilities client = loadEgl();
        List<String> failures = new ArrayList<>();
        for (Attempt attempt : attempts(platform, client, failures)) {
            try {
                return create(attempt);
            } catch (GlUnavailableException e) {
                failures.add(attempt.name + ": " + e.getMessage());
            }
        }
        throw new GlUnavailableException("no usable OpenGL 4.5 core context through EGL ("
                + String.join("; ", failures) + "); " + GlUnavailableException.PACKAGE_HINT);
    }

    /** Lists the EGL devices (index and extension string); empty when enumeration is unsupported. */
    public static List<EglDeviceInfo> listDevices() {
        return listDevices(loadEgl());
    }

    public GlCapabilities capabilities() {
        checkOpen();
        return capabilities;
    }

    /** Throws unless this context is open and the calling thread owns it. */
    public void checkOpen() {
        if (closed) throw new IllegalStateException("GlContext is closed");
        if (Thread.currentThread() != owner)
            throw new IllegalStateException("GlContext used from " + Thread.currentThread().getName()
                    + " but owned by " + owner.getName());
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        GL.setCapabilities(null);
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display, context);
        eglTerminate(display);
    }

    private record Attempt(String name, int platform, long nativeDisplay, boolean software) {}

    private static EGLCapabilities loadEgl() {
        try {
            // LWJGL loads libEGL when the EGL class initializes; asking for its capabilities
            // surfaces a missing library as an error here.
            return EGL.getCapabilities();
        } catch (Throwable e) {
            throw new GlUnavailableException("cannot load libEGL (" + e.getMessage() + "); "
                    + GlUnavailableException.PACKAGE_HINT, e);
        }
    }

    private static List<Attempt> attempts(GlPlatform platform, EGLCapabilities client, List<String> failures) {
        List<EglDeviceInfo> devices = listDevices(client);
        List<Attempt> list = new ArrayList<>();
        if (devices.isEmpty() && platform == GlPlatform.DEVICE)
            failures.add("device: EGL lists no device (EGL_EXT_device_enumeration missing or empty)");
        // Every hardware device in EGL's order: a node whose first GPU fails still uses its others.
        List<Attempt> hardware = devices.stream().filter(d -> !d.software()).map(d -> deviceAttempt(client, d)).toList();
        Optional<Attempt> software = devices.stream().filter(EglDeviceInfo::software).findFirst().map(d -> deviceAttempt(client, d));
        Attempt surfaceless = new Attempt("surfaceless", EGL_PLATFORM_SURFACELESS_MESA, 0L, true);
        switch (platform) {
            case DEVICE -> {
                list.addAll(hardware);
                if (hardware.isEmpty()) software.ifPresent(list::add);
            }
            case SURFACELESS -> list.add(surfaceless);
            case AUTO -> {
                list.addAll(hardware);
                list.add(surfaceless);
                software.ifPresent(list::add);
            }
        }
        return list;
    }

    private static Attempt deviceAttempt(EGLCapabilities client, EglDeviceInfo device) {
        return new Attempt("device " + device.index() + (device.software() ? " (software)" : ""),
                EGL_PLATFORM_DEVICE_EXT, deviceHandle(client, device.index()), device.software());
    }

    private static List<EglDeviceInfo> listDevices(EGLCapabilities client) {
        List<EglDeviceInfo> devices = new ArrayList<>();
        // Test the function pointers, not the extension flags: LWJGL has been seen to read the
        // platform_device flag as false on drivers where the call works.
        if (client.eglQueryDevicesEXT == 0L) return devices;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            if (!EXTDeviceEnumeration.eglQueryDevicesEXT(null, count) || count.get(0) == 0) return devices;
            PointerBuffer handles = stack.mallocPointer(count.get(0));
            if (!EXTDeviceEnumeration.eglQueryDevicesEXT(handles, count)) return devices;
            for (int i = 0; i < count.get(0); i++) {
                String ext = client.eglQueryDeviceStringEXT == 0L ? ""
                        : EXTDeviceQuery.eglQueryDeviceStringEXT(handles.get(i), EGL_EXTENSIONS);
                devices.add(new EglDeviceInfo(i, ext));
            }
        }
        return devices;
    }

    private static long deviceHandle(EGLCapabilities client, int index) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer count = stack.mallocInt(1);
            EXTDeviceEnumeration.eglQueryDevicesEXT(null, count);
            PointerBuffer handles = stack.mallocPointer(count.get(0));
            if (!EXTDeviceEnumeration.eglQueryDevicesEXT(handles, count) || index >= count.get(0))
                throw new GlUnavailableException("EGL device " + index + " disappeared");
            return handles.get(index);
        }
    }

    private static GlContext create(Attempt attempt) {
        EGLCapabilities client = EGL.getCapabilities();
        long getPlatformDisplay = client.eglGetPlatformDisplayEXT != 0L
                ? client.eglGetPlatformDisplayEXT : client.eglGetPlatformDisplay;
        if (getPlatformDisplay == 0L)
            throw new GlUnavailableException("libEGL lacks eglGetPlatformDisplay (EGL_EXT_platform_base)");
        // LWJGL's wrapper rejects the null native display the surfaceless platform needs: call the
        // function pointer directly.
        long display = JNI.callPPP(attempt.platform, attempt.nativeDisplay, 0L, getPlatformDisplay);
        if (display == EGL_NO_DISPLAY) throw new GlUnavailableException("eglGetPlatformDisplay failed" + eglError());
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer major = stack.mallocInt(1);
            IntBuffer minor = stack.mallocInt(1);
            if (!eglInitialize(display, major, minor))
                throw new GlUnavailableException("eglInitialize failed" + eglError());
            try {
                return createContext(attempt, display, stack);
            } catch (RuntimeException e) {
                eglTerminate(display);
                throw e;
            }
        }
    }

    private static GlContext createContext(Attempt attempt, long display, MemoryStack stack) {
        EGL.createDisplayCapabilities(display);
        if (!eglBindAPI(EGL_OPENGL_API)) throw new GlUnavailableException("eglBindAPI(OPENGL) failed" + eglError());
        IntBuffer configAttribs = stack.ints(
                EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT,
                EGL_SURFACE_TYPE, EGL_PBUFFER_BIT,
                EGL_NONE);
        PointerBuffer configs = stack.mallocPointer(1);
        IntBuffer numConfigs = stack.mallocInt(1);
        if (!eglChooseConfig(display, configAttribs, configs, numConfigs) || numConfigs.get(0) == 0)
            throw new GlUnavailableException("no EGL config renders OpenGL" + eglError());
        IntBuffer contextAttribs = stack.ints(
                EGL_CONTEXT_MAJOR_VERSION, 4,
                EGL_CONTEXT_MINOR_VERSION, 5,
                EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                EGL_NONE);
        long context = eglCreateContext(display, configs.get(0), EGL_NO_CONTEXT, contextAttribs);
        if (context == EGL_NO_CONTEXT)
            throw new GlUnavailableException("the driver refused an OpenGL 4.5 core context" + eglError());
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            String error = eglError();
            eglDestroyContext(display, context);
            throw new GlUnavailableException("eglMakeCurrent without a surface failed" + error);
        }
        GL.createCapabilities();
        String renderer = GL11C.glGetString(GL11C.GL_RENDERER);
        GlCapabilities caps = new GlCapabilities(
                attempt.platform == EGL_PLATFORM_DEVICE_EXT ? "device" : "surfaceless",
                attempt.software || GlCapabilities.isSoftwareRenderer(renderer),
                eglQueryString(display, EGL_VENDOR),
                eglQueryString(display, EGL_VERSION),
                GL11C.glGetString(GL11C.GL_VENDOR),
                renderer,
                GL11C.glGetString(GL11C.GL_VERSION),
                GL11C.glGetInteger(GL30C.GL_MAX_RENDERBUFFER_SIZE),
                GL11C.glGetInteger(GL11C.GL_MAX_TEXTURE_SIZE),
                GL11C.glGetInteger(GL30C.GL_MAX_SAMPLES),
                GL11C.glGetInteger(org.lwjgl.opengl.GL20C.GL_MAX_DRAW_BUFFERS));
        return new GlContext(display, context, caps);
    }

    private static String eglError() {
        int error = eglGetError();
        return error == EGL_SUCCESS ? "" : String.format(" (EGL error 0x%04X)", error);
    }
}
