package dev.layerhost.core.internal.check;

import java.util.List;

/**
 * What one conflict in a plugin's layer is about. A check meets one conflict from several modules and
 * reports it once: the first diagnostic of each key wins, and the diagnostics come out in key order.
 *
 * <p>That order was set when the keys were strings, and diagnostics keep it from run to run and release
 * to release, so a key sorts by {@link #sortText()}, the string it used to be. Comparing the fields one
 * by one would sort otherwise: a name was followed by {@code ':'}, which sorts after {@code '.'},
 * {@code '$'} and the digits ({@code "lib.a.b"} came before {@code "lib.a"}), and a one-loader version
 * key {@code "V:" + module} sorts among the package names of the one-loader split keys.
 */
sealed interface ConflictKey extends Comparable<ConflictKey> {

    /** The string this key was before keys were records; never parsed, only compared. */
    String sortText();

    @Override
    default int compareTo(ConflictKey other) {
        return sortText().compareTo(other.sortText());
    }

    /** The plugin's API service types come from a module of the entry, not from the API layer. */
    record ShadowedApiKey(String module) implements ConflictKey {
        @Override
        public String sortText() {
            return "A:" + module;
        }
    }

    /** {@code module} gets {@code packageName} only by a qualified export of another layer's module. */
    record IneffectiveExportKey(String module, String packageName) implements ConflictKey {
        @Override
        public String sortText() {
            return "Q:" + module + ":" + packageName;
        }
    }

    /** A {@code uses} or {@code provides} type of {@code module}, in {@code packageName}, is out of its reach. */
    record UnreadTypeKey(String module, String packageName) implements ConflictKey {
        @Override
        public String sortText() {
            return "R:" + module + ":" + packageName;
        }
    }

    /** Some module of the layer reads {@code packageName} from both {@code modules}, sorted by name. */
    record SplitPackageKey(String packageName, List<String> modules) implements ConflictKey {
        public SplitPackageKey {
            modules = List.copyOf(modules);
        }

        @Override
        public String sortText() {
            return "S:" + packageName + ":" + modules;
        }
    }

    /** {@code reader} reads two modules named {@code module}. */
    record TwoVersionsKey(String reader, String module) implements ConflictKey {
        @Override
        public String sortText() {
            return "V:" + reader + ":" + module;
        }
    }

    /** The layer's one class loader would get {@code packageName} from both {@code modules}, sorted by name. */
    record LoaderSplitPackageKey(String packageName, List<String> modules) implements ConflictKey {
        public LoaderSplitPackageKey {
            modules = List.copyOf(modules);
        }

        @Override
        public String sortText() {
            return packageName + ":" + modules;
        }
    }

    /** The layer's one class loader would get packages from two modules named {@code module}. */
    record LoaderTwoVersionsKey(String module) implements ConflictKey {
        @Override
        public String sortText() {
            return "V:" + module;
        }
    }
}
