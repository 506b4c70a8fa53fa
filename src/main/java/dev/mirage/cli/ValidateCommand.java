package dev.mirage.cli;

import dev.mirage.asset.AssetLibrary;
import dev.mirage.pipeline.AssetCheck;
import dev.mirage.randomize.FrameSampler;
import dev.mirage.template.SceneTemplate;
import dev.mirage.template.TemplateReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mirage validate SCENE}: check a template and its assets without rendering. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a scene template and load its assets; print every mistake with its JSON pointer.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    MirageCommand parent;

    @Parameters(index = "0", paramLabel = "SCENE", description = "Scene template (.json, .yaml or .yml).")
    Path scene;

    @picocli.CommandLine.Mixin
    AssetPathOptions assetPaths;

    @Override
    public Integer call() {
        SceneTemplate template = TemplateReader.read(scene, assetPaths.paths());
        for (String warning : AssetCheck.loadAll(template, new AssetLibrary())) parent.err.println("warning: " + warning);
        int objects = FrameSampler.sample(template, 0, 0).objects().size();
        parent.out.printf("%s: ok (%s, %dx%d, %d categories, %d object entries, %d objects in frame 0)%n", scene,
                template.name(), template.image().width(), template.image().height(), template.categories().size(),
                template.objects().size(), objects);
        return ExitCodes.OK;
    }
}
