package dev.layerhost.core.internal.archive;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * An upper bound of the memory the JDK's {@code module-info.class} reader spends on names. It makes a new
 * string for every reference to a class or package name it reads ({@code a/b/C} becomes {@code a.b.C}),
 * so a small descriptor whose {@code provides ... with} lists one long class name thousands of times
 * takes gigabytes. Every two bytes after the constant pool can be one such reference, to at most the
 * longest name of the pool: the bound is their product. It is exact enough for real descriptors, which
 * have short names, and never too low.
 */
final class DescriptorNameBound {

    private DescriptorNameBound() {
    }

    /**
     * The bound, in bytes, for the class file {@code bytes}; 0 if it is not a class file the JDK would get
     * far in reading (its reader then fails on its own, cheaply).
     */
    static long of(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != 0xCAFEBABE) {
                return 0;
            }
            in.getShort(); // minor version
            in.getShort(); // major version
            int count = Short.toUnsignedInt(in.getShort());
            int longestName = 0;
            for (int index = 1; index < count; index++) {
                int tag = Byte.toUnsignedInt(in.get());
                switch (tag) {
                    case 1 -> { // Utf8
                        int length = Short.toUnsignedInt(in.getShort());
                        longestName = Math.max(longestName, length);
                        in.position(in.position() + length);
                    }
                    case 7, 8, 16, 19, 20 -> in.getShort(); // Class, String, MethodType, Module, Package
                    case 15 -> { // MethodHandle
                        in.get();
                        in.getShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.getInt(); // Integer, Float, refs, NameAndType, Dynamic, InvokeDynamic
                    case 5, 6 -> { // Long, Double: two slots
                        in.getLong();
                        index++;
                    }
                    default -> {
                        return 0; // the JDK's reader refuses an unknown tag
                    }
                }
            }
            long references = in.remaining() / 2;
            // A name of n bytes in modified UTF-8 is at most n chars, two bytes each.
            return references * longestName * 2;
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return 0;
        }
    }
}
