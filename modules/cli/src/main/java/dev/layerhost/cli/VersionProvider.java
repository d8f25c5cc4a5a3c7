package dev.layerhost.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the layerhost module, as the runtime image records it. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getModule().getDescriptor() == null
                ? "unknown"
                : VersionProvider.class.getModule().getDescriptor().rawVersion().orElse("unknown");
        return new String[] {"layerhost " + version + " (Java " + Runtime.version() + ")"};
    }
}
