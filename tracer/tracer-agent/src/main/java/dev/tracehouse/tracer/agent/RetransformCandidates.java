package dev.tracehouse.tracer.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;

/**
 * Which already loaded classes Byte Buddy examines when the agent is installed: every class except
 * the JDK's ({@code java.}, {@code jdk.}, {@code sun.}) and the agent's own, plus the JDK classes
 * the integrations instrument by name ({@code AgentInstrumentation#jdkTypes}). At premain the
 * loaded classes are nearly all the JDK's (some 1,500), and no integration can match a JDK class it
 * does not name, so asking the matchers about each of them only costs start-up time. Under a late
 * attach the application's classes are candidates as before.
 */
final class RetransformCandidates implements AgentBuilder.RedefinitionStrategy.DiscoveryStrategy {
  /** JDK packages, and the agent's own (which the installer tells Byte Buddy to ignore). */
  private static final String[] SKIPPED_PACKAGES = {
    "java.", "jdk.", "sun.", AgentInstaller.AGENT_PACKAGE
  };

  private final Set<String> jdkTypes;

  RetransformCandidates(Set<String> jdkTypes) {
    this.jdkTypes = Set.copyOf(jdkTypes);
  }

  @Override
  public Iterable<Iterable<Class<?>>> resolve(Instrumentation instrumentation) {
    List<Class<?>> candidates = new ArrayList<>();
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (isCandidate(type.getName())) {
        candidates.add(type);
      }
    }
    return List.of(candidates);
  }

  /** A plain loop: this runs for every loaded class, before the JIT has compiled anything. */
  boolean isCandidate(String className) {
    if (jdkTypes.contains(className)) {
      return true;
    }
    for (String skipped : SKIPPED_PACKAGES) {
      if (className.startsWith(skipped)) {
        return false;
      }
    }
    return true;
  }
}
