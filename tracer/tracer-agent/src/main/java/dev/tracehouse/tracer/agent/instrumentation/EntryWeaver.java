package dev.tracehouse.tracer.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves {@link ArgumentHook}s with plain ASM: a transformer that looks at a class's name only and,
 * for a class that has hooks, prepends {@code aload 1; invokestatic hook; astore 1} to each hooked
 * method. The prepended code has no branch, so the class's stack map frames stay valid, and the
 * other methods are copied as they are (the writer shares the reader's constant pool). Byte Buddy's
 * type descriptions, method graphs and advice inlining, which cost an interpreted start-up far more
 * than the woven bytes are worth, are not involved. Not API: public for the installer.
 */
public final class EntryWeaver implements ClassFileTransformer {
  private static final Logger LOG = Logger.getLogger(EntryWeaver.class.getName());

  private final Map<String, List<ArgumentHook>> byClass = new HashMap<>();

  /** A weaver of {@code hooks}. */
  public EntryWeaver(List<ArgumentHook> hooks) {
    for (ArgumentHook hook : hooks) {
      byClass.computeIfAbsent(hook.internalName(), name -> new ArrayList<>()).add(hook);
    }
  }

  /**
   * Registers the weaver and retransforms the hooked classes already loaded (nothing when there is
   * no hook). A class that cannot be retransformed is logged and left as it is.
   */
  public void install(Instrumentation instrumentation) {
    if (byClass.isEmpty()) {
      return;
    }
    instrumentation.addTransformer(this, true);
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (byClass.containsKey(type.getName().replace('.', '/'))) {
        loaded.add(type);
      }
    }
    if (!loaded.isEmpty()) {
      try {
        instrumentation.retransformClasses(loaded.toArray(Class<?>[]::new));
      } catch (UnmodifiableClassException | RuntimeException e) {
        LOG.log(Level.WARNING, "tracehouse: could not instrument " + loaded, e);
      }
    }
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] classFile) {
    List<ArgumentHook> hooks = internalName == null ? null : byClass.get(internalName);
    if (hooks == null) {
      return null;
    }
    try {
      return weave(classFile, hooks);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "tracehouse: could not instrument " + internalName, e);
      return null;
    }
  }

  /** {@code classFile} with {@code hooks} woven in. */
  static byte[] weave(byte[] classFile, List<ArgumentHook> hooks) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new HookingClassVisitor(writer, hooks), 0);
    return writer.toByteArray();
  }

  /** Hands hooked methods to an {@link ArgumentReplacer}, and the others straight to the writer. */
  private static final class HookingClassVisitor extends ClassVisitor {
    private final List<ArgumentHook> hooks;

    HookingClassVisitor(ClassVisitor writer, List<ArgumentHook> hooks) {
      super(Opcodes.ASM9, writer);
      this.hooks = hooks;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
      for (ArgumentHook hook : hooks) {
        if (hook.appliesTo(access, name, descriptor)) {
          return new ArgumentReplacer(method, hook);
        }
      }
      return method;
    }
  }

  /** Prepends {@code arg1 = hook(arg1)} to a method's code. */
  private static final class ArgumentReplacer extends MethodVisitor {
    private final ArgumentHook hook;

    ArgumentReplacer(MethodVisitor method, ArgumentHook hook) {
      super(Opcodes.ASM9, method);
      this.hook = hook;
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitVarInsn(Opcodes.ALOAD, 1);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          Type.getInternalName(hook.hook().getDeclaringClass()),
          hook.hook().getName(),
          Type.getMethodDescriptor(hook.hook()),
          false);
      super.visitVarInsn(Opcodes.ASTORE, 1);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitMaxs(Math.max(maxStack, 1), maxLocals);
    }
  }
}
