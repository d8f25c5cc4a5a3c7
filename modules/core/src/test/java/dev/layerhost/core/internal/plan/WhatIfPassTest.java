package dev.layerhost.core.internal.plan;

import dev.layerhost.api.DataSource;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.archive.DiscoveryCache;
import dev.layerhost.core.internal.archive.JarStamp;
import dev.layerhost.core.internal.scan.DisabledPlugins;
import dev.layerhost.core.internal.scan.WhatIfEntries;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The what-if's hypothetical pass shares the host's discovery cache: it must read through it, and never
 * make it forget a jar of the real root (the root's own pass decides that), or the next scan of the root
 * would read every replaced jar again.
 */
class WhatIfPassTest {

    private static final DataSourcePlugins DATA_SOURCES =
            DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
    /** Runs the reads on the calling thread: the test needs no pool. */
    private static final Executor CALLER = Runnable::run;

    @TempDir
    Path workspace;

    @Test
    void theHypotheticalPassKeepsEveryJarOfTheRootInTheCache() throws Exception {
        Path root = Files.createDirectories(workspace.resolve("plugins"));
        Path alpha = DATA_SOURCES.plugin("p.alpha", "1.0.0").build(root.resolve("alpha.jar"));
        Path beta = DATA_SOURCES.plugin("p.beta", "1.0.0").build(root.resolve("beta.jar"));
        Path candidate = DATA_SOURCES.plugin("p.alpha", "2.0.0")
                .build(Files.createDirectories(workspace.resolve("candidates")).resolve("alpha-2.jar"));
        waitUntilNotRacy(List.of(alpha, beta, candidate));
        ApiLayer api = ApiLayer.of(DataSource.class.getModule().getLayer(), Set.of("layerhost.api"));
        DisabledPlugins disabled = new DisabledPlugins(Set.of());
        DiscoveryCache cache = DiscoveryCache.inMemory();
        DescriptorPass rootPass = new DescriptorPass(api, Policy.permissive(), CALLER, cache, disabled);
        PlannedRoot before = rootPass.run(root);
        assertTrue(known(cache, alpha) && known(cache, beta), "the root's pass recorded its jars");

        WhatIfRoots roots = new WhatIfPass(api, Policy.permissive(), CALLER, cache, disabled)
                .run(root, before, new WhatIfEntries().of(root, List.of(candidate)));

        assertEquals(Set.of("alpha.jar"), roots.replacedSources(), "replaced by plugin id");
        assertEquals(Set.of("alpha-2.jar"), roots.candidateSources());
        assertTrue(known(cache, alpha), "the replaced jar of the root is still known");
        assertTrue(known(cache, beta), "the other jar of the root is still known");
        assertTrue(known(cache, candidate), "the candidate was read through the cache");
    }

    private static boolean known(DiscoveryCache cache, Path jar) {
        return cache.lookup(jar, JarStamp.of(jar).orElseThrow()).isPresent();
    }

    /** The cache records a jar only once its times are older than its racy window: waits for that. */
    private static void waitUntilNotRacy(List<Path> jars) throws IOException, InterruptedException {
        long changed = 0;
        for (Path jar : jars) {
            changed = Math.max(changed, Math.max(Files.getLastModifiedTime(jar).toMillis(),
                    ((FileTime) Files.getAttribute(jar, "unix:ctime")).toMillis()));
        }
        long until = changed + DiscoveryCache.RACY_WINDOW.toMillis() + 200;
        while (System.currentTimeMillis() < until) {
            Thread.sleep(Math.max(1, until - System.currentTimeMillis()));
        }
    }
}
