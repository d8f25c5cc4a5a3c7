package dev.layerhost.core.internal;

import java.util.List;

/**
 * The checker's verdicts on a plugin root.
 *
 * @param verdicts   one verdict per entry, sorted by source
 * @param layerOrder the sources of the sound plugins, every parent before its children
 */
public record CheckResult(List<Verdict> verdicts, List<String> layerOrder) {

    public CheckResult {
        verdicts = List.copyOf(verdicts);
        layerOrder = List.copyOf(layerOrder);
    }
}
