/**
 * The layerhost core: discovers plugins in a plugin root, checks them from their module descriptors
 * alone, and loads each sound plugin into a {@link java.lang.ModuleLayer} of its own. It has no service
 * types of its own: the host names its API (its own modules, or jars) when it builds a
 * {@link dev.layerhost.core.PluginHost}.
 *
 * <p>Only {@code dev.layerhost.core}, the embedding API, is exported. The internal packages are the
 * stages of the pipeline, each depending only on the ones before it:
 * <ul>
 *   <li>{@code internal.scan}: the entries of a plugin root and their fingerprints;</li>
 *   <li>{@code internal.archive}: module descriptors read from an entry's jars ({@code INVALID_ARCHIVE}),
 *   and the discovery cache that spares reading an unchanged jar again;</li>
 *   <li>{@code internal.trust}: jar signatures against the trust store;</li>
 *   <li>{@code internal.model}: a model of configurations and modules, as the JDK's resolver sees them;</li>
 *   <li>{@code internal.api}: the API layer, the parent of every plugin layer;</li>
 *   <li>{@code internal.diagnostic}: the diagnostics every stage reports;</li>
 *   <li>{@code internal.check}: the checker, descriptors in, one verdict per entry out (no code runs);</li>
 *   <li>{@code internal.plan}: the JDK's configurations of the sound plugins' layers;</li>
 *   <li>{@code internal.audit}: the audit trail of what a pass found and did, and its log file;</li>
 *   <li>{@code internal.load}: defining a layer and instantiating its providers, the only place plugin code runs;</li>
 *   <li>{@code internal.live}: the live plugins: snapshots, reconciling verdicts with what serves, reload and unload;</li>
 *   <li>{@code internal.watch}: following the root's files;</li>
 *   <li>{@code internal.event}: delivering events to listeners;</li>
 *   <li>{@code internal.report}: the public reports made of verdicts, plans and loads;</li>
 *   <li>{@code internal.timing}: the time each phase of a pass took, as flight-recorder events.</li>
 * </ul>
 */
module layerhost.core {
    requires org.slf4j;
    // layerhost.Phase flight-recorder events: where a load spends its time
    requires jdk.jfr;
    // the audit log's JSON lines
    requires com.fasterxml.jackson.core;

    exports dev.layerhost.core;
}
