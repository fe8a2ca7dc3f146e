package dev.tracehouse.tracer.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves {@link ArgumentHook}s and {@link MethodHook}s with plain ASM. For a class hooked by name
 * (or, for {@link TypeHooks#containing}, an application class whose bytes contain the marker and
 * that passes its condition) it prepends {@code aload 1; invokestatic hook; astore 1} to each
 * argument-hooked method (no branch: the frames stay valid) and weaves enter/exit calls into each
 * method-hooked one ({@link HookingMethodVisitor}, which writes the frames it needs itself). Other
 * methods are copied as they are (the writer shares the reader's constant pool), and a class in
 * which no method was woven is left unchanged. No type pool, method graph, frame computation or
 * inlining is involved: they cost an interpreted start-up far more than the woven bytes are worth.
 * Not API: public for the installer.
 */
public final class EntryWeaver implements ClassFileTransformer {
  private static final Logger LOG = Logger.getLogger(EntryWeaver.class.getName());

  /** Prefixes of classes never hooked by marker: the JDK's and the agent's own. */
  private static final String[] NOT_APPLICATION = {
    "java/", "jdk/", "sun/", "com/sun/", "dev/tracehouse/tracer/"
  };

  private final Map<String, List<ArgumentHook>> byClass = new HashMap<>();
  private final Map<String, List<MethodHook>> methodHooksByClass = new HashMap<>();
  private final List<TypeHooks> byMarker = new ArrayList<>();

  /** A weaver of argument hooks only. */
  public EntryWeaver(List<ArgumentHook> hooks) {
    this(hooks, List.of());
  }

  /** A weaver of {@code argumentHooks} and {@code typeHooks}. */
  public EntryWeaver(List<ArgumentHook> argumentHooks, List<TypeHooks> typeHooks) {
    for (ArgumentHook hook : argumentHooks) {
      byClass.computeIfAbsent(hook.internalName(), name -> new ArrayList<>()).add(hook);
    }
    for (TypeHooks types : typeHooks) {
      if (types.marker() != null) {
        byMarker.add(types);
      }
      for (String name : types.classNames()) {
        methodHooksByClass.computeIfAbsent(name, key -> new ArrayList<>()).addAll(types.hooks());
      }
    }
  }

  /**
   * Registers the weaver and retransforms the hooked classes already loaded (nothing when there is
   * no hook). A class that cannot be retransformed is logged and left as it is.
   */
  public void install(Instrumentation instrumentation) {
    if (byClass.isEmpty() && methodHooksByClass.isEmpty() && byMarker.isEmpty()) {
      return;
    }
    instrumentation.addTransformer(this, true);
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      String name = type.getName().replace('.', '/');
      if (byClass.containsKey(name)
          || methodHooksByClass.containsKey(name)
          || (!byMarker.isEmpty()
              && type.getClassLoader() != null
              && isApplicationClass(name)
              && instrumentation.isModifiableClass(type))) {
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
    if (internalName == null) {
      return null;
    }
    try {
      List<ArgumentHook> hooks = byClass.getOrDefault(internalName, List.of());
      List<MethodHook> methodHooks = methodHooks(loader, internalName, classFile);
      if (hooks.isEmpty() && methodHooks.isEmpty()) {
        return null;
      }
      return weave(classFile, hooks, methodHooks);
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "tracehouse: could not instrument " + internalName, e);
      return null;
    }
  }

  /** The method hooks for the class being defined: by name, then by marker and condition. */
  private List<MethodHook> methodHooks(ClassLoader loader, String internalName, byte[] classFile) {
    List<MethodHook> named = methodHooksByClass.getOrDefault(internalName, List.of());
    if (byMarker.isEmpty() || loader == null || !isApplicationClass(internalName)) {
      return named;
    }
    List<MethodHook> found = new ArrayList<>(named);
    String text = null;
    ClassFacts facts = null;
    for (TypeHooks types : byMarker) {
      if (text == null) {
        // One char per byte, so an ASCII marker is found where its bytes are (String#contains is
        // an intrinsic, compiled before the application starts).
        text = new String(classFile, StandardCharsets.ISO_8859_1);
      }
      if (text.contains(types.marker())) {
        if (facts == null) {
          facts = new ClassFacts(loader, new ClassReader(classFile));
        }
        if (types.condition().test(facts)) {
          found.addAll(types.hooks());
        }
      }
    }
    return found;
  }

  private static boolean isApplicationClass(String internalName) {
    for (String prefix : NOT_APPLICATION) {
      if (internalName.startsWith(prefix)) {
        return false;
      }
    }
    return true;
  }

  /** {@code classFile} with {@code hooks} woven in. */
  static byte[] weave(byte[] classFile, List<ArgumentHook> hooks) {
    return weave(classFile, hooks, List.of());
  }

  /**
   * {@code classFile} with {@code hooks} and {@code methodHooks} woven in, or {@code null} when no
   * method was woven.
   */
  static byte[] weave(byte[] classFile, List<ArgumentHook> hooks, List<MethodHook> methodHooks) {
    ClassReader reader = new ClassReader(classFile);
    ClassWriter writer = new ClassWriter(reader, 0);
    Map<String, Integer> maxLocals =
        methodHooks.isEmpty() ? Map.of() : MaxLocals.of(reader, methodHooks);
    HookingClassVisitor visitor = new HookingClassVisitor(writer, hooks, methodHooks, maxLocals);
    reader.accept(visitor, methodHooks.isEmpty() ? 0 : ClassReader.EXPAND_FRAMES);
    return visitor.woven() ? writer.toByteArray() : null;
  }

  /**
   * Hands hooked methods to an {@link ArgumentReplacer} or a {@link HookingMethodVisitor}, and the
   * others straight to the writer.
   */
  private static final class HookingClassVisitor extends ClassVisitor {
    private final List<ArgumentHook> hooks;
    private final List<MethodHook> methodHooks;
    private final Map<String, Integer> maxLocals;
    private final List<HookingMethodVisitor> hooked = new ArrayList<>();
    private String owner;
    private boolean replaced;

    HookingClassVisitor(
        ClassVisitor writer,
        List<ArgumentHook> hooks,
        List<MethodHook> methodHooks,
        Map<String, Integer> maxLocals) {
      super(Opcodes.ASM9, writer);
      this.hooks = hooks;
      this.methodHooks = methodHooks;
      this.maxLocals = maxLocals;
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      owner = name;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor method = super.visitMethod(access, name, descriptor, signature, exceptions);
      for (ArgumentHook hook : hooks) {
        if (hook.appliesTo(access, name, descriptor)) {
          replaced = true;
          return new ArgumentReplacer(method, hook);
        }
      }
      Integer locals = maxLocals.get(name + descriptor);
      if (locals == null) {
        return method;
      }
      MethodHook hook = MaxLocals.firstSelecting(methodHooks, access, name, descriptor);
      HookingMethodVisitor visitor =
          new HookingMethodVisitor(method, owner, access, name, descriptor, hook, locals);
      hooked.add(visitor);
      return visitor;
    }

    /** Whether any method was woven. */
    boolean woven() {
      return replaced || hooked.stream().anyMatch(HookingMethodVisitor::woven);
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
