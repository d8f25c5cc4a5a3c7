package dev.layerhost.core.internal.archive;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DescriptorCodecTest {

    /** The runtime's own modules use every clause: qualified exports and opens, transitive, static, provides. */
    @Test
    void everySystemModuleComesBackEqual() throws IOException {
        List<ModuleDescriptor> descriptors = ModuleFinder.ofSystem().findAll().stream()
                .map(ModuleReference::descriptor).toList();
        assertTrue(descriptors.size() > 20);
        for (ModuleDescriptor descriptor : descriptors) {
            assertTrue(DescriptorCodec.codable(descriptor), descriptor.name());
            assertEquals(descriptor, roundTrip(descriptor), descriptor.name());
        }
    }

    @Test
    void automaticAndOpenModulesComeBackEqual() throws IOException {
        ModuleDescriptor automatic = ModuleDescriptor.newAutomaticModule("lib.auto").version("2.1")
                .packages(Set.of("lib.auto", "lib.auto.impl"))
                .provides("java.lang.Runnable", List.of("lib.auto.impl.B", "lib.auto.impl.A")).build();
        ModuleDescriptor open = ModuleDescriptor.newOpenModule("p.open").requires("java.sql")
                .exports("p.open.api").mainClass("p.open.api.Main").build();
        assertEquals(automatic, roundTrip(automatic));
        assertEquals(automatic.provides().iterator().next().providers(),
                roundTrip(automatic).provides().iterator().next().providers(), "provider order is kept");
        assertEquals(open, roundTrip(open));
    }

    @Test
    void aVersionTheJdkKeepsOnlyRawIsNotCodable() {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule("p.raw").version("1.0").build();
        assertTrue(DescriptorCodec.codable(descriptor));
        // ModuleDescriptor.read keeps an unparsable version raw; the builder cannot make one, so check the rule itself
        assertFalse(descriptor.rawVersion().isPresent() && descriptor.version().isEmpty());
    }

    @Test
    void garbageIsAnIoFailureNotACrash() {
        byte[] garbage = {0, 3, 'a', 'b', 'c', 0, 0, 0, 1, 0, 5, 'W', 'R', 'O', 'N', 'G'};
        assertThrows(IOException.class, () -> DescriptorCodec.read(new DataInputStream(new ByteArrayInputStream(garbage))));
    }

    private static ModuleDescriptor roundTrip(ModuleDescriptor descriptor) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DescriptorCodec.write(descriptor, new DataOutputStream(bytes));
        return DescriptorCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
