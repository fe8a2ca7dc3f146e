package dev.tracehouse.tracer.agent.instrumentation;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.returned;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

class TypeHooksTest {
  private static final ClassLoader LOADER = TypeHooksTest.class.getClassLoader();

  /** A class whose super types are a JDK class chain and JDK interfaces. */
  static final class Numbers extends AbstractList<Integer> {
    @Override
    public Integer get(int index) {
      return index;
    }

    @Override
    public int size() {
      return 3;
    }
  }

  @Test
  void classFacts_readSuperTypesAtAnyDepthFromTheLoadersClassFiles() throws IOException {
    ClassFacts facts = facts(Numbers.class);

    assertThat(facts.hasSuperType("java/util/List")).isTrue(); // through AbstractList
    assertThat(facts.hasSuperType("java/util/Collection")).isTrue(); // interface of an interface
    assertThat(facts.hasSuperClass("java/util/AbstractCollection")).isTrue();
    assertThat(facts.hasSuperClass("java/util/List")).isFalse(); // an interface, not a class
    assertThat(facts.hasSuperType("java/util/Map")).isFalse();
    assertThat(facts.isInterface()).isFalse();
    assertThat(facts.isAbstract()).isFalse();
    assertThat(facts(AbstractList.class).isAbstract()).isTrue();
  }

  @Test
  void markerHooks_applyToApplicationClassesWithTheMarkerThatPassTheCondition() throws IOException {
    MethodHook hook =
        MethodHook.on(MethodHook.Selector.publicInstance(Set.of("size")))
            .exit(HookRecorder.class, "returnedOnly", returned());
    // The weaver filters on the name it is given; the class's own is in the agent's package.
    String name = "app/Numbers";
    byte[] classFile = classFile(Numbers.class);

    assertThat(
            weaver("java/util/AbstractList", facts -> true, hook)
                .transform(LOADER, name, null, null, classFile))
        .as("marker found, condition true")
        .isNotNull();
    assertThat(
            weaver("java/util/AbstractList", facts -> facts.hasSuperType("java/util/Map"), hook)
                .transform(LOADER, name, null, null, classFile))
        .as("condition false")
        .isNull();
    assertThat(
            weaver("no/such/Marker", facts -> true, hook)
                .transform(LOADER, name, null, null, classFile))
        .as("marker absent")
        .isNull();
    assertThat(
            weaver("java/util/AbstractList", facts -> true, hook)
                .transform(null, name, null, null, classFile))
        .as("bootstrap loader's class")
        .isNull();
    assertThat(
            weaver("java/util/AbstractList", facts -> true, hook)
                .transform(LOADER, "java/util/Numbers", null, null, classFile))
        .as("JDK package")
        .isNull();
    assertThat(
            weaver("java/util/AbstractList", facts -> true, hook)
                .transform(
                    LOADER, Numbers.class.getName().replace('.', '/'), null, null, classFile))
        .as("the agent's own package")
        .isNull();
  }

  private static EntryWeaver weaver(
      String marker, java.util.function.Predicate<ClassFacts> condition, MethodHook hook) {
    return new EntryWeaver(List.of(), List.of(TypeHooks.containing(marker, condition, hook)));
  }

  private static ClassFacts facts(Class<?> type) throws IOException {
    return new ClassFacts(LOADER, new ClassReader(classFile(type)));
  }

  private static byte[] classFile(Class<?> type) throws IOException {
    try (InputStream in =
        ClassLoader.getSystemResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }
}
