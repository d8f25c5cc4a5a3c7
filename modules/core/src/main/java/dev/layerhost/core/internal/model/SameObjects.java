package dev.layerhost.core.internal.model;

import java.util.List;

/**
 * Whether two lists hold the very same objects in the same order. Configurations, models and copies are
 * compared so when deciding whether earlier work still holds: equal is not enough, it must be the one
 * that work was done with.
 */
public final class SameObjects {

    private SameObjects() {
    }

    public static boolean inOrder(List<?> first, List<?> second) {
        if (first.size() != second.size()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i) != second.get(i)) {
                return false;
            }
        }
        return true;
    }
}
