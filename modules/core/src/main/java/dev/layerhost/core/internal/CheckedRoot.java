package dev.layerhost.core.internal;

import java.util.Objects;

/**
 * A plugin root checked and planned: the checker's verdicts and the JDK's configurations of the sound
 * plugins' layers. Nothing of any plugin has run.
 */
public record CheckedRoot(CheckResult check, LayerPlan plan) {

    public CheckedRoot {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(plan, "plan");
    }
}
