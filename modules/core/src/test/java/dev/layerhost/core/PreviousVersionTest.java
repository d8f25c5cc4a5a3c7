package dev.layerhost.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.layerhost.api.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.layerhost.core.PluginRootFixture.buildAll;
import static dev.layerhost.core.PluginRootFixture.dataSource;
import static dev.layerhost.core.PluginRootFixture.dataSourceClass;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link PluginEvent#previousVersion()}: the version a reload replaced, and the version that keeps serving
 * when new files of a live plugin are refused — what {@code watch} shows as {@code 1.0.0 -> 2.0.0}.
 */
class PreviousVersionTest {

    @TempDir
    Path workspace;

    @Test
    void reloadNamesTheReplacedVersionAndARefusalTheOneThatKeepsServing() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path staging = workspace.resolve("staging");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").build(root.resolve("alpha.jar")),
                () -> dataSource("p.beta", "1.0.0").requires("lib.absent").build(root.resolve("beta.jar")),
                () -> dataSource("p.alpha", "2.0.0").build(staging.resolve("alpha-2.jar")),
                () -> dataSource("p.alpha", "3.0.0").requires("lib.absent").build(staging.resolve("alpha-3.jar")));
        EventRecorder events = new EventRecorder();

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.addListener(events);
            host.load();
            PluginEvent first = events.next();
            PluginEvent second = events.next();
            PluginEvent loaded = first.kind() == PluginEvent.Kind.LOADED ? first : second;
            PluginEvent neverLive = first.kind() == PluginEvent.Kind.LOADED ? second : first;
            assertEquals(List.of("LOADED p.alpha", "REJECTED p.beta"),
                    List.of(loaded.kind() + " " + loaded.pluginOrSource(), neverLive.kind() + " " + neverLive.pluginOrSource()));
            assertEquals(Optional.empty(), loaded.previousVersion(), "a first load replaces nothing");
            assertEquals(Optional.empty(), neverLive.previousVersion(), "no version of p.beta ever served");

            Files.copy(staging.resolve("alpha-2.jar"), root.resolve("alpha.jar"), StandardCopyOption.REPLACE_EXISTING);
            PluginEvent reloaded = only(host.reload("p.alpha"));
            assertEquals(PluginEvent.Kind.RELOADED, reloaded.kind(), reloaded::toString);
            assertEquals(Optional.of("2.0.0"), reloaded.version());
            assertEquals(Optional.of("1.0.0"), reloaded.previousVersion());

            Files.copy(staging.resolve("alpha-3.jar"), root.resolve("alpha.jar"), StandardCopyOption.REPLACE_EXISTING);
            PluginEvent rejected = only(host.reload("p.alpha"));
            assertEquals(PluginEvent.Kind.REJECTED, rejected.kind(), rejected::toString);
            assertEquals(Optional.of("3.0.0"), rejected.version());
            assertEquals(Optional.of("2.0.0"), rejected.previousVersion());
            assertEquals(Optional.of("2.0.0"), host.liveVersion("p.alpha"), "what the event says keeps serving does");

            PluginEvent unloaded = only(host.unload("p.alpha"));
            assertEquals(PluginEvent.Kind.UNLOADED, unloaded.kind(), unloaded::toString);
            assertEquals(Optional.empty(), unloaded.previousVersion(), "nothing serves after an unload");
        }
    }

    @Test
    void aReloadWhoseNewProviderThrowsIsFailedAndNamesTheVersionThatKeepsServing() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path staging = workspace.resolve("staging");
        buildAll(
                () -> dataSource("p.alpha", "1.0.0").source("p.alpha.Source", dataSourceClass("p.alpha", "\"one\"", ""))
                        .build(root.resolve("alpha.jar")),
                () -> dataSource("p.alpha", "2.0.0").source("p.alpha.Source", dataSourceClass("p.alpha", "\"two\"",
                        "public Source() { throw new IllegalStateException(\"no database for two\"); }"))
                        .build(staging.resolve("alpha-2.jar")));

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root).build()) {
            host.load();
            assertEquals(List.of("one"), names(host));

            Files.copy(staging.resolve("alpha-2.jar"), root.resolve("alpha.jar"), StandardCopyOption.REPLACE_EXISTING);
            PluginEvent failed = only(host.reload("p.alpha"));

            assertEquals(PluginEvent.Kind.FAILED, failed.kind(), failed::toString);
            assertEquals(DiagnosticCode.PROVIDER_FAILED, failed.diagnostics().get(0).code(), failed::toString);
            assertEquals(Optional.of("2.0.0"), failed.version());
            assertEquals(Optional.of("1.0.0"), failed.previousVersion());
            assertEquals(Optional.of("1.0.0"), host.liveVersion("p.alpha"));
            assertEquals(List.of("one"), names(host), "the version the event names keeps serving");
        }
    }

    @Test
    void aLazyProviderThatThrowsIsFailedWithNoVersionLeftServing() throws IOException {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        dataSource("p.broken", "1.0.0").source("p.broken.Source", dataSourceClass("p.broken", "\"broken\"",
                "public Source() { throw new IllegalStateException(\"no database\"); }")).build(root.resolve("broken.jar"));
        List<PluginEvent> events = new CopyOnWriteArrayList<>();

        try (PluginHost host = PluginHost.builder().apiModule(PluginRootFixture.API_MODULE).pluginRoot(root)
                .lazyProviders(true).build()) {
            host.load();
            assertEquals(Optional.of("1.0.0"), host.liveVersion("p.broken"), "a lazy load runs no plugin code");
            host.addListener(events::add);

            assertEquals(List.of(), names(host));

            PluginEvent failed = only(List.copyOf(events));
            assertEquals(PluginEvent.Kind.FAILED, failed.kind(), failed::toString);
            assertEquals(Optional.of("1.0.0"), failed.version());
            // the version that failed was the live one: it stopped serving, and no other serves instead
            assertEquals(Optional.empty(), failed.previousVersion());
            assertEquals(Optional.empty(), host.liveVersion("p.broken"));
        }
    }

    private static List<String> names(PluginHost host) {
        return host.services(DataSource.class).stream().map(service -> service.service().name()).toList();
    }

    private static PluginEvent only(List<PluginEvent> events) {
        assertEquals(1, events.size(), events::toString);
        return events.get(0);
    }
}
