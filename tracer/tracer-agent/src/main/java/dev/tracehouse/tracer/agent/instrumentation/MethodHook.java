package dev.tracehouse.tracer.agent.instrumentation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Opcodes;

/**
 * Calls woven into the methods a selector picks, by {@link EntryWeaver} with plain ASM: an enter
 * hook called first thing, whose result is kept in a new local, and an exit hook called at every
 * return and, when it takes {@link HookArgument#thrown()}, also when a throwable leaves the method
 * (which is then rethrown unchanged). Hooks are public static methods of classes the bootstrap
 * loader defines (the agent's), take only the values their {@link HookArgument}s name (application
 * types as {@code Object}) and must never throw. Not API: public for the integrations' packages.
 *
 * <p>Built with {@link #on} followed by {@link #enter} and/or {@link #exit} (and {@link #replacing}
 * after {@link #enter}); {@link TypeHooks} refuses a hook that has neither. Parameter types that
 * would fail the JVM's verification of the woven class are refused here.
 *
 * @param methods which methods of a matched class get the hooks
 * @param annotation a method must also carry this annotation (a descriptor), or {@code null}
 * @param enter the enter hook, or {@code null}
 * @param enterArguments what the enter hook is passed
 * @param exit the exit hook, or {@code null}
 * @param exitArguments what the exit hook is passed
 * @param replacement an argument replaced right after the enter hook, or {@code null}
 */
public record MethodHook(
    Selector methods,
    String annotation,
    Method enter,
    List<HookArgument> enterArguments,
    Method exit,
    List<HookArgument> exitArguments,
    Replacement replacement) {

  /**
   * After the enter hook, argument {@code index} becomes what {@code hook} returns (cast to the
   * argument's declared type, so the hook must return an instance of it, typically the argument
   * itself or a copy).
   *
   * @param index the argument replaced (0 is the first)
   * @param hook a public static method returning a reference
   * @param arguments what the hook is passed (the enter state may be among them)
   */
  public record Replacement(int index, Method hook, List<HookArgument> arguments) {
    public Replacement {
      arguments = List.copyOf(arguments);
      checkHook(hook, arguments);
      if (index < 0 || hook.getReturnType().isPrimitive()) {
        throw new IllegalArgumentException(
            "replaces argument " + index + " with a reference: " + hook);
      }
    }
  }

  /** Which methods are woven, by access flags, name and descriptor. */
  @FunctionalInterface
  public interface Selector {
    /** Whether the method with these ASM access flags, name and descriptor is woven. */
    boolean matches(int access, String name, String descriptor);

    /** Public, non-static, non-abstract methods named one of {@code names}. */
    static Selector publicInstance(Set<String> names) {
      Set<String> copy = Set.copyOf(names);
      return (access, name, descriptor) ->
          (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT))
                  == Opcodes.ACC_PUBLIC
              && copy.contains(name);
    }

    /** This selector, for methods whose descriptor also starts with {@code prefix}. */
    default Selector descriptorStartsWith(String prefix) {
      return (access, name, descriptor) ->
          matches(access, name, descriptor) && descriptor.startsWith(prefix);
    }
  }

  public MethodHook {
    enterArguments = List.copyOf(enterArguments);
    exitArguments = List.copyOf(exitArguments);
    if (enter != null) {
      checkHook(enter, enterArguments);
      if (enter.getReturnType().isPrimitive() && enter.getReturnType() != void.class) {
        throw new IllegalArgumentException("enter hook must return a reference or void: " + enter);
      }
      for (HookArgument argument : enterArguments) {
        if (argument.exitOnly()) {
          throw new IllegalArgumentException(argument.kind() + " is for exit hooks: " + enter);
        }
      }
    }
    if (replacement != null) {
      for (HookArgument argument : replacement.arguments()) {
        if (argument.kind() == HookArgument.Kind.RETURNED
            || argument.kind() == HookArgument.Kind.THROWN
            || (argument.kind() == HookArgument.Kind.ENTER_STATE && !keepsState(enter))) {
          throw new IllegalArgumentException(
              argument.kind() + " is not known when arguments are replaced: " + replacement.hook());
        }
      }
      checkStateTypes(enter, replacement.hook(), replacement.arguments());
    }
    if (exit != null) {
      checkHook(exit, exitArguments);
      if (exit.getReturnType() != void.class) {
        throw new IllegalArgumentException("exit hook must return void: " + exit);
      }
      checkStateTypes(enter, exit, exitArguments);
    }
  }

  /** A hook on the methods {@code methods} selects: add enter and exit hooks to it. */
  public static MethodHook on(Selector methods) {
    return new MethodHook(methods, null, null, List.of(), null, List.of(), null);
  }

  /** This hook, applied only to methods annotated with {@code annotationDescriptor}. */
  public MethodHook annotatedWith(String annotationDescriptor) {
    return new MethodHook(
        methods, annotationDescriptor, enter, enterArguments, exit, exitArguments, replacement);
  }

  /** This hook with the enter hook {@code owner.name}, passed {@code arguments}. */
  public MethodHook enter(Class<?> owner, String name, HookArgument... arguments) {
    return new MethodHook(
        methods,
        annotation,
        hook(owner, name),
        List.of(arguments),
        exit,
        exitArguments,
        replacement);
  }

  /** This hook with the exit hook {@code owner.name}, passed {@code arguments}. */
  public MethodHook exit(Class<?> owner, String name, HookArgument... arguments) {
    return new MethodHook(
        methods,
        annotation,
        enter,
        enterArguments,
        hook(owner, name),
        List.of(arguments),
        replacement);
  }

  /**
   * This hook, replacing argument {@code index} right after the enter hook by what {@code
   * owner.name} returns when passed {@code arguments}.
   */
  public MethodHook replacing(int index, Class<?> owner, String name, HookArgument... arguments) {
    return new MethodHook(
        methods,
        annotation,
        enter,
        enterArguments,
        exit,
        exitArguments,
        new Replacement(index, hook(owner, name), List.of(arguments)));
  }

  /** Whether the exit hook also runs when a throwable leaves the method. */
  boolean exitOnThrowable() {
    return exitArguments.stream().anyMatch(each -> each.kind() == HookArgument.Kind.THROWN);
  }

  /** Whether the enter hook's result is kept for the exit hook. */
  boolean keepsState() {
    return keepsState(enter);
  }

  private static boolean keepsState(Method enter) {
    return enter != null && enter.getReturnType() != void.class;
  }

  private static Method hook(Class<?> owner, String name) {
    Method found = null;
    for (Method method : owner.getMethods()) {
      if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers())) {
        if (found != null) {
          throw new IllegalArgumentException("more than one hook " + owner.getName() + "#" + name);
        }
        found = method;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException("no public static hook " + owner.getName() + "#" + name);
    }
    return found;
  }

  private static void checkHook(Method hook, List<HookArgument> arguments) {
    if (!Modifier.isPublic(hook.getDeclaringClass().getModifiers())) {
      throw new IllegalArgumentException("hook class must be public: " + hook);
    }
    if (hook.getParameterCount() != arguments.size()) {
      throw new IllegalArgumentException(
          "hook takes "
              + hook.getParameterCount()
              + " values, "
              + arguments.size()
              + " given: "
              + hook);
    }
  }

  /** Checks that the state, returned value and throwable fit {@code hook}'s parameters. */
  private static void checkStateTypes(Method enter, Method hook, List<HookArgument> arguments) {
    Class<?>[] types = hook.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      HookArgument.Kind kind = arguments.get(i).kind();
      boolean fits =
          switch (kind) {
            case ENTER_STATE ->
                enter != null
                    && enter.getReturnType() != void.class
                    && types[i].isAssignableFrom(enter.getReturnType());
            case RETURNED -> types[i] == Object.class;
            case THROWN -> types[i] == Throwable.class;
            default -> true;
          };
      if (!fits) {
        throw new IllegalArgumentException(
            "hook parameter " + i + " cannot take " + kind + ": " + hook);
      }
    }
  }
}
