package dev.layerhost.core.internal.plan;

import dev.layerhost.core.internal.check.Verdicts;

import java.util.Objects;

/**
 * A plugin root checked and planned (the result of a {@link DescriptorPass}): the checker's verdicts and the JDK's configurations of the sound
 * plugins' layers. Nothing of any plugin has run.
 */
public record PlannedRoot(Verdicts verdicts, LayerPlan plan) {

    public PlannedRoot {
        Objects.requireNonNull(verdicts, "verdicts");
        Objects.requireNonNull(plan, "plan");
    }
}
