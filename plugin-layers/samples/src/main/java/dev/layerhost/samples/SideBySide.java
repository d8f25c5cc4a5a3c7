package dev.layerhost.samples;

import dev.layerhost.api.MlPlatform;
import dev.layerhost.api.Model;
import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginHost;
import dev.layerhost.core.PluginService;
import dev.layerhost.core.Report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code demo.sh} runs to show plugin code at work: loads a plugin root through the embedding API
 * and trains every {@link MlPlatform} plugin on the same data. Each line is what the plugin's own code
 * answers; in the demo root, {@code p.linear} and {@code p.forest} name the two versions of
 * {@code lib.matrix} their layers resolved, side by side in one process:
 * <pre>
 * java --add-modules layerhost.core -cp layerhost-sample-plugins.jar dev.layerhost.samples.SideBySide ROOT
 * </pre>
 * (the runtime image's {@code java} holds {@code layerhost.core} and {@code layerhost.api}).
 */
public final class SideBySide {

    private SideBySide() {
    }

    /**
     * @param args the plugin root
     */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SideBySide PLUGIN_ROOT");
            System.exit(2);
        }
        // y = 2x + 1 on x = 0..9; asked within that range (stumps cannot extrapolate), both should say about 10.
        List<double[]> features = new ArrayList<>();
        double[] labels = new double[10];
        for (int x = 0; x < labels.length; x++) {
            features.add(new double[] {x});
            labels[x] = 2 * x + 1;
        }
        try (PluginHost host = PluginHost.builder()
                .pluginRoot(Path.of(args[0]))
                .apiModule(MlPlatform.class.getModule())
                .build()) {
            Report report = host.load();
            for (Diagnostic diagnostic : report.diagnostics()) {
                System.err.println(diagnostic.code() + " [" + diagnostic.source() + "] " + diagnostic.message());
            }
            for (PluginService<MlPlatform> platform : host.services(MlPlatform.class)) {
                MlPlatform ml = platform.service();
                Model model = ml.train(features, labels);
                System.out.printf(Locale.ROOT, "%s %s (%s): %s; %s; predicts %.2f for x = 4.5%n",
                        platform.plugin(), platform.version().orElse("-"), ml.name(), ml.engineVersion(),
                        model.describe(), model.predict(new double[] {4.5}));
            }
        }
    }
}
