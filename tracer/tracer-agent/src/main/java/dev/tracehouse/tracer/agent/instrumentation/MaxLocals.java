package dev.tracehouse.tracer.agent.instrumentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A first pass over a class: the {@code max_locals} of each method a {@link MethodHook} selects
 * (keyed by name and descriptor), the first slot the hook's own locals may use. Only those methods'
 * code is read; constructors and methods without code are left out.
 */
final class MaxLocals {
  private MaxLocals() {}

  static Map<String, Integer> of(ClassReader reader, List<MethodHook> hooks) {
    Map<String, Integer> found = new HashMap<>();
    reader.accept(
        new ClassVisitor(Opcodes.ASM9) {
          @Override
          public MethodVisitor visitMethod(
              int access, String name, String descriptor, String signature, String[] exceptions) {
            if (name.equals("<init>") || firstSelecting(hooks, access, name, descriptor) == null) {
              return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
              @Override
              public void visitMaxs(int maxStack, int maxLocals) {
                found.put(name + descriptor, maxLocals);
              }
            };
          }
        },
        ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return found;
  }

  /** The first of {@code hooks} that selects the method, or {@code null}. */
  static MethodHook firstSelecting(
      List<MethodHook> hooks, int access, String name, String descriptor) {
    for (MethodHook hook : hooks) {
      if (hook.methods().matches(access, name, descriptor)) {
        return hook;
      }
    }
    return null;
  }
}
