package dev.tracehouse.store;

import java.util.EnumSet;
import java.util.Set;

/** What a store supports beyond the basics of {@link SpanStore}. */
public record Capabilities(Set<Capability> supported) {

  /** The least capable store. */
  public static final Capabilities NONE = new Capabilities(Set.of());

  public Capabilities {
    supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
  }

  public static Capabilities of(Capability... capabilities) {
    return new Capabilities(Set.of(capabilities));
  }

  public boolean has(Capability capability) {
    return supported.contains(capability);
  }

  /** Optional store features. */
  public enum Capability {
    /** Data survives a restart of the process. */
    DURABLE,
    /** {@link SpanStore#stats()} keeps stats buckets and service-map edges. */
    STATS,
    /** {@link SpanStore#logs()} keeps and searches log events. */
    LOGS
  }
}
