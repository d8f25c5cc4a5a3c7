package dev.layerhost.core.internal.check;

import java.util.List;

/**
 * The checker's verdicts on a plugin root.
 *
 * @param verdicts   one verdict per entry, sorted by source
 * @param layerOrder the sources of the sound plugins, every parent before its children
 */
public record Verdicts(List<Verdict> verdicts, List<String> layerOrder) {

    public Verdicts {
        verdicts = List.copyOf(verdicts);
        layerOrder = List.copyOf(layerOrder);
    }
}
