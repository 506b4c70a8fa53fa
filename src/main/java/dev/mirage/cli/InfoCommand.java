package dev.mirage.cli;

import dev.mirage.gpu.context.EglDeviceInfo;
import dev.mirage.gpu.context.GlCapabilities;
import dev.mirage.gpu.context.GlContext;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code mirage info}: what EGL and GL this machine offers. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the EGL devices, the OpenGL renderer Mirage would use, and its limits.")
final class InfoCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Mixin
    GlOption gl;

    @Override
    public Integer call() {
        PrintStream out = parent.out;
        List<EglDeviceInfo> devices = GlContext.listDevices();
        out.println(devices.isEmpty() ? "EGL devices: none listed" : "EGL devices:");
        for (EglDeviceInfo d : devices)
            out.println("  " + d.index() + ": " + (d.software() ? "software" : "hardware") + "  " + d.extensions());
        try (GlContext context = GlContext.open(gl.platform)) {
            GlCapabilities c = context.capabilities();
            out.println("platform:              " + c.platform() + (c.softwareRenderer() ? " (software rendering)" : ""));
            out.println("EGL vendor:            " + c.eglVendor());
            out.println("EGL version:           " + c.eglVersion());
            out.println("GL vendor:             " + c.glVendor());
            out.println("GL renderer:           " + c.glRenderer());
            out.println("GL version:            " + c.glVersion());
            out.println("max renderbuffer size: " + c.maxRenderbufferSize());
            out.println("max texture size:      " + c.maxTextureSize());
            out.println("max samples:           " + c.maxSamples());
            out.println("max draw buffers:      " + c.maxDrawBuffers());
        }
        return ExitCodes.OK;
    }
}
