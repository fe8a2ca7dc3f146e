package dev.tracehouse.tracer.agent.instrumentation;

import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Arrays;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.utility.JavaModule;

/**
 * A cheap pre-filter for Byte Buddy's type matchers. Any matcher that looks past a class's name
 * makes Byte Buddy parse the whole class file, which, for every class an application loads, is most
 * of the agent's start-up cost. This transformer runs first (it is registered without
 * retransformation, and the JVM calls those transformers before the retransforming Byte Buddy one)
 * and notes, for the class being defined on the current thread, which registered marker strings (a
 * descriptor such as {@code Ldev/tracehouse/tracer/Trace;}, a package prefix such as {@code
 * java/sql/}) occur in its bytes. {@link #whenContains} then rejects, by that note alone, a class
 * that cannot match, before the wrapped matcher looks at it. A class the note does not cover
 * (retransformed at install, or defined without passing here) is never rejected: the filter only
 * saves work, it never hides a class.
 */
public final class ClassFileMarkers implements ClassFileTransformer {
  /** The one instance, registered by the installer. */
  public static final ClassFileMarkers INSTANCE = new ClassFileMarkers();

  private static final int MAX_MARKERS = 32;

  private volatile String[] markers = new String[0];
  private final ThreadLocal<Seen> lastSeen = new ThreadLocal<>();

  private ClassFileMarkers() {}

  /**
   * {@code matcher}, preceded by a check that rejects classes whose class file does not contain
   * {@code marker}. Call it while integrations are being set up, before the installer registers
   * this transformer.
   */
  public synchronized AgentBuilder.RawMatcher whenContains(
      String marker, AgentBuilder.RawMatcher matcher) {
    if (marker.isEmpty() || !marker.chars().allMatch(c -> c < 0x80)) {
      throw new IllegalArgumentException("class-file marker must be non-empty ASCII: " + marker);
    }
    int bit = Arrays.asList(markers).indexOf(marker);
    if (bit < 0) {
      if (markers.length == MAX_MARKERS) {
        throw new IllegalStateException("more than " + MAX_MARKERS + " class-file markers");
      }
      String[] grown = Arrays.copyOf(markers, markers.length + 1);
      grown[markers.length] = marker;
      bit = markers.length;
      markers = grown;
    }
    int mask = 1 << bit;
    return (TypeDescription type,
        ClassLoader loader,
        JavaModule module,
        Class<?> classBeingRedefined,
        ProtectionDomain domain) -> {
      Seen seen = lastSeen.get();
      boolean possible =
          seen == null
              || classBeingRedefined != null
              || !seen.binaryName.equals(type.getName())
              || (seen.found & mask) != 0;
      return possible && matcher.matches(type, loader, module, classBeingRedefined, domain);
    };
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String internalName,
      Class<?> classBeingRedefined,
      ProtectionDomain domain,
      byte[] classFile) {
    if (classBeingRedefined == null && internalName != null) {
      lastSeen.set(new Seen(internalName.replace('/', '.'), scan(classFile, markers)));
    }
    return null;
  }

  /**
   * The markers found in {@code classFile}. The bytes are read as ISO-8859-1, one char per byte, so
   * that an ASCII marker is found exactly where its bytes are; {@code String#indexOf} is one of the
   * JVM's intrinsics and already compiled when the application starts, unlike a loop of our own,
   * which would run interpreted for the first thousands of classes.
   */
  static int scan(byte[] classFile, String[] markers) {
    String text = new String(classFile, StandardCharsets.ISO_8859_1);
    int found = 0;
    for (int i = 0; i < markers.length; i++) {
      if (text.contains(markers[i])) {
        found |= 1 << i;
      }
    }
    return found;
  }

  /** The class defined last on a thread and the markers found in its class file. */
  private record Seen(String binaryName, int found) {}
}
