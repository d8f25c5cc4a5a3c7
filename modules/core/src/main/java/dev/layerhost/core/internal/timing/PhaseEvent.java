package dev.layerhost.core.internal.timing;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * One stage of one pass over a plugin root, as a Java Flight Recorder event: a recording shows where a
 * load, reload or scan spent its time ({@code jfr print --events layerhost.Phase rec.jfr}). Costs
 * nothing measurable when no recording asks for it.
 */
@Name("layerhost.Phase")
@Label("layerhost Phase")
@Category("layerhost")
@Description("Time one stage of a pass over a plugin root took (summed over its entries)")
@StackTrace(false)
final class PhaseEvent extends jdk.jfr.Event {

    @Label("Pass")
    @Description("load, synchronize or scan")
    String pass;

    @Label("Phase")
    @Description("scan, copy, read, check, verify (signatures, part of check), plan, define or instantiate")
    String phase;

    @Label("Entries")
    @Description("How many entries of the root the phase handled (for verify: how many jars)")
    int entries;

    @Label("Time")
    @Timespan(Timespan.NANOSECONDS)
    long nanos;
}
