package dev.tracehouse.tracer.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.modifier.Visibility;
import net.bytebuddy.description.type.TypeDescription;
import org.junit.jupiter.api.Test;

class ClassFileMarkersTest {
  private static final AgentBuilder.RawMatcher ALWAYS =
      (type, loader, module, redefined, pd) -> true;
  private static final ClassFileMarkers MARKERS = ClassFileMarkers.INSTANCE;

  private final AgentBuilder.RawMatcher matcher = MARKERS.whenContains("Ltest/Marker;", ALWAYS);

  @Test
  void classWithoutTheMarker_isRejectedWithoutAskingTheMatcher() {
    define("a/Plain", "no marker in here");
    assertThat(matches("a.Plain", null)).isFalse();
  }

  @Test
  void classWithTheMarker_goesToTheMatcher() {
    define("a/Marked", "...Ltest/Marker;...");
    assertThat(matches("a.Marked", null)).isTrue();
    AgentBuilder.RawMatcher never =
        MARKERS.whenContains("Ltest/Marker;", (type, loader, module, redefined, pd) -> false);
    assertThat(never.matches(type("a.Marked"), null, null, null, null)).isFalse();
  }

  @Test
  void classesTheTransformerDidNotSee_areNeverRejected() {
    define("a/Plain", "no marker");
    assertThat(matches("a.Other", null)).as("another class than the one seen").isTrue();
    assertThat(matches("a.Plain", String.class)).as("a retransformation").isTrue();
  }

  @Test
  void retransformations_doNotReplaceTheNote() {
    define("a/Plain", "no marker");
    MARKERS.transform(null, "a/Plain", String.class, null, bytes("Ltest/Marker;"));
    assertThat(matches("a.Plain", null)).isFalse();
  }

  @Test
  void scan_findsEachMarkerAnywhereIncludingTheEdges() {
    String[] markers = {"abc", "abd", "xyz"};
    assertThat(ClassFileMarkers.scan(bytes("abc"), markers)).isEqualTo(0b001);
    assertThat(ClassFileMarkers.scan(bytes("xxabc"), markers)).isEqualTo(0b001);
    assertThat(ClassFileMarkers.scan(bytes("abcxyz"), markers)).isEqualTo(0b101);
    assertThat(ClassFileMarkers.scan(bytes("ababd"), markers)).isEqualTo(0b010);
    assertThat(ClassFileMarkers.scan(bytes("ab"), markers)).isZero();
    assertThat(ClassFileMarkers.scan(bytes("abxc"), markers)).isZero();
  }

  @Test
  void scan_readsBytesAboveAsciiWithoutFalseMatches() {
    byte[] classFile = {(byte) 0xC3, (byte) 0xA9, 'a', 'b', 'c', (byte) 0xFF};
    assertThat(ClassFileMarkers.scan(classFile, new String[] {"abc", "é"})).isEqualTo(0b01);
  }

  @Test
  void nonAsciiMarker_isRefusedNamingIt() {
    assertThatThrownBy(() -> MARKERS.whenContains("Lét;", ALWAYS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Lét;");
  }

  private static void define(String internalName, String classFile) {
    assertThat(MARKERS.transform(null, internalName, null, null, bytes(classFile))).isNull();
  }

  private boolean matches(String name, Class<?> redefined) {
    return matcher.matches(type(name), null, null, redefined, null);
  }

  private static TypeDescription type(String name) {
    return new TypeDescription.Latent(
        name,
        Visibility.PUBLIC.getMask(),
        TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
