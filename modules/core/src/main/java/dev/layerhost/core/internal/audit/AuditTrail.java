package dev.layerhost.core.internal.audit;

import dev.layerhost.core.AuditRecord;
import dev.layerhost.core.AuditSink;
import dev.layerhost.core.AuditedJar;
import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.internal.archive.ParallelIo;
import dev.layerhost.core.internal.check.Verdict;
import dev.layerhost.core.internal.plan.PlannedLayer;
import dev.layerhost.core.internal.plan.PlannedRoot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@link AuditRecord}s of a host's passes and hands them to its {@link AuditSink}s, at once, on
 * the thread that does the work: a {@code DISCOVERED} record is written before any code of its plugin
 * runs. Sinks get one record at a time, in order, even when a scan and the watcher run at once. With no
 * sink, nothing is made: no jar is hashed or verified for the audit log.
 */
public final class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final List<AuditSink> sinks;
    private final JarAuditor jars = new JarAuditor();
    private final Executor io;
    private final Clock clock;
    /** Serializes the sinks' calls. */
    private final Object writing = new Object();

    /**
     * @param sinks where records go, in this order; none: the trail is off
     * @param io    where jars are described in parallel: the host's own executor
     */
    public AuditTrail(List<AuditSink> sinks, Executor io, Clock clock) {
        this.sinks = List.copyOf(sinks);
        this.io = io;
        this.clock = clock;
    }

    /** Whether records are made at all. */
    public boolean isOn() {
        return !sinks.isEmpty();
    }

    /**
     * The records of a pass that only checks (a scan, a graph): a {@code DISCOVERED} record per entry of
     * {@code root}, from its original files, then a {@code REJECTED} record per entry refused.
     */
    public void checked(PlannedRoot root) {
        if (!isOn()) {
            return;
        }
        List<Verdict> verdicts = root.verdicts().verdicts();
        List<List<AuditedJar>> described = ParallelIo.map(verdicts,
                verdict -> jars.describe(EntryFiles.unhashed(verdict.facts().candidate().entry())), io);
        Set<String> planned = new HashSet<>();
        for (PlannedLayer layer : root.plan().layers()) {
            planned.add(layer.verdict().source());
        }
        List<AuditRecord> records = new ArrayList<>();
        List<AuditRecord> rejections = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Verdict verdict = verdicts.get(i);
            AuditRecord discovered = record(AuditRecord.Event.DISCOVERED, verdict, described.get(i),
                    diagnosticsOf(verdict, root));
            records.add(discovered);
            // a disabled plugin is not refused: its DISCOVERED record, with no diagnostics, is all there is
            if (!planned.contains(verdict.source()) && !verdict.disabled()) {
                rejections.add(new AuditRecord(discovered.at(), AuditRecord.Event.REJECTED, discovered.plugin(),
                        discovered.version(), discovered.source(), discovered.jars(), discovered.diagnostics()));
            }
        }
        records.addAll(rejections);
        write(records);
        endOfPass();
    }

    /**
     * The {@code DISCOVERED} records of a load, a reload or a watcher pass: one per entry of
     * {@code files}, the entries it copied anew, with its verdict in {@code root}.
     *
     * @param files the entries' copies, by source
     */
    public void discovered(PlannedRoot root, Map<String, EntryFiles> files) {
        if (!isOn() || files.isEmpty()) {
            return;
        }
        List<Verdict> verdicts = root.verdicts().verdicts().stream()
                .filter(verdict -> files.containsKey(verdict.source()))
                .toList();
        List<List<AuditedJar>> described = ParallelIo.map(verdicts,
                verdict -> jars.describe(files.get(verdict.source())), io);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            records.add(record(AuditRecord.Event.DISCOVERED, verdicts.get(i), described.get(i),
                    diagnosticsOf(verdicts.get(i), root)));
        }
        write(records);
    }

    /**
     * The record of {@code event}, about {@code files}: the files of the layer loaded, reloaded or
     * unloaded, or of the entry refused. {@code CLOSE_FAILED} is not an audit event: nothing is written.
     */
    public void happened(PluginEvent event, EntryFiles files) {
        if (!isOn() || event.kind() == PluginEvent.Kind.CLOSE_FAILED) {
            return;
        }
        AuditRecord.Event kind = AuditRecord.Event.valueOf(event.kind().name());
        write(List.of(new AuditRecord(event.at(), kind, event.plugin(), event.version(), event.source(),
                jars.describe(files), event.diagnostics())));
    }

    /** Tells the sinks that a pass ended (the log file forces its lines to the device). */
    public void endOfPass() {
        if (!isOn()) {
            return;
        }
        synchronized (writing) {
            for (AuditSink sink : sinks) {
                try {
                    sink.endOfPass();
                } catch (RuntimeException e) {
                    log.warn("An audit sink failed at the end of a pass: {}", e.toString());
                }
            }
        }
    }

    private AuditRecord record(AuditRecord.Event event, Verdict verdict, List<AuditedJar> described,
                               List<Diagnostic> diagnostics) {
        return new AuditRecord(clock.instant(), event, verdict.pluginId(),
                verdict.pluginModule().flatMap(module -> module.descriptor().rawVersion()), verdict.source(),
                described, diagnostics);
    }

    /** The verdict's diagnostics and, for a plugin the JDK refused although the check found it sound, why. */
    private static List<Diagnostic> diagnosticsOf(Verdict verdict, PlannedRoot root) {
        List<Diagnostic> refusals = root.plan().refusals().getOrDefault(verdict.source(), List.of());
        if (refusals.isEmpty()) {
            return verdict.diagnostics();
        }
        List<Diagnostic> all = new ArrayList<>(verdict.diagnostics());
        all.addAll(refusals);
        return all.stream().sorted(Diagnostic.ORDER).toList();
    }

    private void write(List<AuditRecord> records) {
        synchronized (writing) {
            for (AuditRecord record : records) {
                for (AuditSink sink : sinks) {
                    // One failing sink must not keep the record from the others, nor stop the host.
                    try {
                        sink.record(record);
                    } catch (RuntimeException e) {
                        log.warn("An audit sink failed on {} of '{}': {}", record.event(),
                                record.plugin().orElse(record.source()), e.toString());
                    }
                }
            }
        }
    }
}
