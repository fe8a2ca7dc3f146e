package dev.tracehouse.tracer.core.jdbc;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values attached to objects that are compared by identity and held weakly, so that a connection or
 * statement the application drops can be collected with its entry. Thread-safe; entries of
 * collected keys are removed on later writes. Null keys are never found.
 */
final class WeakIdentityMap<V> {

  private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

  V get(Object key) {
    return key == null ? null : map.get(new Lookup(key));
  }

  void put(Object key, V value) {
    if (key == null || value == null) {
      return;
    }
    expungeCollected();
    map.put(new WeakKey(key, collected), value);
  }

  V remove(Object key) {
    return key == null ? null : map.remove(new Lookup(key));
  }

  int size() {
    expungeCollected();
    return map.size();
  }

  private void expungeCollected() {
    for (Reference<?> key = collected.poll(); key != null; key = collected.poll()) {
      map.remove(key);
    }
  }

  /** What both key kinds compare: the referent, by identity. */
  private interface IdentityKey {
    Object referent();
  }

  private static boolean sameReferent(IdentityKey key, Object other) {
    if (!(other instanceof IdentityKey)) {
      return false;
    }
    Object referent = key.referent();
    return referent != null && referent == ((IdentityKey) other).referent();
  }

  /** The stored key: does not keep its referent alive. */
  private static final class WeakKey extends WeakReference<Object> implements IdentityKey {
    private final int hash;

    WeakKey(Object referent, ReferenceQueue<Object> queue) {
      super(referent, queue);
      this.hash = System.identityHashCode(referent);
    }

    @Override
    public Object referent() {
      return get();
    }

    @Override
    public boolean equals(Object other) {
      return other == this || sameReferent(this, other);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A short-lived key for reads (no reference object to process). */
  private static final class Lookup implements IdentityKey {
    private final Object referent;

    Lookup(Object referent) {
      this.referent = referent;
    }

    @Override
    public Object referent() {
      return referent;
    }

    @Override
    public boolean equals(Object other) {
      return sameReferent(this, other);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(referent);
    }
  }
}
