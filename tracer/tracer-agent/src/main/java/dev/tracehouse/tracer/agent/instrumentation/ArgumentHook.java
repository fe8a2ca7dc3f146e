package dev.tracehouse.tracer.agent.instrumentation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A call woven at the start of some public instance methods of one class: their first argument is
 * replaced by what a public static hook method returns for it ({@code task =
 * ExecutorHooks.runnable(task)}). Woven with plain ASM by {@link EntryWeaver}, without a type pool
 * or inlining. The hook must never throw. Not API: public for the integrations' packages.
 *
 * @param className the class's binary name, such as {@code java.util.concurrent.ForkJoinPool}
 * @param methodNames the methods woven, those among them whose first parameter is {@code
 *     parameterType}
 * @param parameterType the first parameter's declared type, also the hook's parameter and return
 *     type
 * @param hook a public static method taking and returning {@code parameterType}
 */
public record ArgumentHook(
    String className, Set<String> methodNames, Class<?> parameterType, Method hook) {

  public ArgumentHook {
    methodNames = Set.copyOf(methodNames);
    if (!Modifier.isStatic(hook.getModifiers())
        || !Modifier.isPublic(hook.getModifiers())
        || !Modifier.isPublic(hook.getDeclaringClass().getModifiers())
        || hook.getParameterCount() != 1
        || hook.getParameterTypes()[0] != parameterType
        || hook.getReturnType() != parameterType) {
      throw new IllegalArgumentException(
          "hook must be public static " + parameterType.getName() + " m(same type): " + hook);
    }
  }

  /**
   * The hook {@code owner.name(parameterType)}.
   *
   * @throws IllegalArgumentException when there is no such public method
   */
  public static ArgumentHook of(
      String className, Set<String> methodNames, Class<?> owner, String name, Class<?> type) {
    try {
      return new ArgumentHook(className, methodNames, type, owner.getMethod(name, type));
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("no hook " + owner.getName() + "#" + name, e);
    }
  }

  /** The class's internal name ({@code java/util/concurrent/ForkJoinPool}). */
  String internalName() {
    return className.replace('.', '/');
  }

  /** Whether the method with these access flags, name and descriptor gets the hook. */
  boolean appliesTo(int access, String name, String descriptor) {
    return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT))
            == Opcodes.ACC_PUBLIC
        && methodNames.contains(name)
        && descriptor.startsWith("(" + Type.getDescriptor(parameterType));
  }
}
