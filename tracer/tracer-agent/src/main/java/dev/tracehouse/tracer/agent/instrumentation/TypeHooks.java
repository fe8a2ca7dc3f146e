package dev.tracehouse.tracer.agent.instrumentation;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which classes {@link EntryWeaver} gives some {@link MethodHook}s: classes named so (JDK classes
 * too), or application classes (not the bootstrap loader's, not the JDK's, not the agent's) whose
 * class file contains a marker string and that pass a check of their header and super types. The
 * marker is looked for with {@code String#contains} before anything is parsed. Not API: public for
 * the integrations' packages.
 *
 * @param classNames internal names of the classes hooked by name; empty when matched by marker
 * @param marker an ASCII string every matching class file contains, or {@code null} (by name)
 * @param condition what a class with the marker must also satisfy
 * @param hooks the method hooks; in a method several select, the first one applies
 */
public record TypeHooks(
    Set<String> classNames,
    String marker,
    Predicate<ClassFacts> condition,
    List<MethodHook> hooks) {

  public TypeHooks {
    classNames = Set.copyOf(classNames);
    hooks = List.copyOf(hooks);
    if (hooks.isEmpty()) {
      throw new IllegalArgumentException("no method hooks for " + classNames + " / " + marker);
    }
    for (MethodHook hook : hooks) {
      if (hook.enter() == null && hook.exit() == null) {
        throw new IllegalArgumentException("method hook without enter or exit hook: " + hook);
      }
    }
    if (marker != null && (marker.isEmpty() || !marker.chars().allMatch(c -> c < 0x80))) {
      throw new IllegalArgumentException("class-file marker must be non-empty ASCII: " + marker);
    }
    if ((marker == null) == classNames.isEmpty()) {
      throw new IllegalArgumentException("hook classes by name or by marker, not both or neither");
    }
  }

  /** Hooks for the classes with these binary names ({@code java.util.Foo$Bar}). */
  public static TypeHooks named(Set<String> binaryNames, MethodHook... hooks) {
    return new TypeHooks(
        binaryNames.stream()
            .map(name -> name.replace('.', '/'))
            .collect(java.util.stream.Collectors.toSet()),
        null,
        facts -> true,
        List.of(hooks));
  }

  /** Hooks for application classes containing {@code marker} and satisfying {@code condition}. */
  public static TypeHooks containing(
      String marker, Predicate<ClassFacts> condition, MethodHook... hooks) {
    return new TypeHooks(Set.of(), marker, condition, List.of(hooks));
  }
}
