package dev.tracehouse.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An unmodifiable map of span tags (a span's meta or metrics) in insertion order, made for decoders
 * that build many maps with the same keys: the keys live in a {@link Keys} object that any number
 * of maps share, and each map holds only its own values. {@link Span} keeps such a map as it is
 * instead of copying it. Lookups scan the keys (tag maps are small); null keys and values are not
 * stored.
 *
 * @param <V> the value type
 */
public final class TagMap<V> extends AbstractMap<String, V> {
  private final Keys keys;
  private final Object[] values;

  private TagMap(Keys keys, Object[] values) {
    this.keys = keys;
    this.values = values;
  }

  /**
   * A map of {@code keys} to {@code values[0 .. keys.size())}, which are copied.
   *
   * @throws NullPointerException naming the index of a null value
   * @throws IllegalArgumentException when {@code values} has fewer elements than there are keys
   */
  public static <V> TagMap<V> of(Keys keys, Object[] values) {
    Objects.requireNonNull(keys, "keys");
    int size = keys.size();
    if (values.length < size) {
      throw new IllegalArgumentException(
          "values: expected at least " + size + " elements, got " + values.length);
    }
    Object[] copy = new Object[size];
    for (int i = 0; i < size; i++) {
      copy[i] = values[i];
      if (copy[i] == null) {
        throw new NullPointerException("values[" + i + "]");
      }
    }
    return new TagMap<>(keys, copy);
  }

  /** The keys of this map, to share with the next map that has the same keys. */
  public Keys keys() {
    return keys;
  }

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isEmpty() {
    return values.length == 0;
  }

  @Override
  public boolean containsKey(Object key) {
    return keys.indexOf(key) >= 0;
  }

  @Override
  public V get(Object key) {
    int index = keys.indexOf(key);
    return index < 0 ? null : value(index);
  }

  @Override
  public V getOrDefault(Object key, V defaultValue) {
    int index = keys.indexOf(key);
    return index < 0 ? defaultValue : value(index);
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super V> action) {
    for (int i = 0; i < values.length; i++) {
      action.accept(keys.names[i], value(i));
    }
  }

  @Override
  public Set<Map.Entry<String, V>> entrySet() {
    return new EntrySet();
  }

  @Override
  public boolean equals(Object other) {
    if (other == this) {
      return true;
    }
    if (!(other instanceof Map<?, ?> map) || map.size() != values.length) {
      return false;
    }
    try {
      for (int i = 0; i < values.length; i++) {
        if (!values[i].equals(map.get(keys.names[i]))) {
          return false;
        }
      }
    } catch (ClassCastException | NullPointerException e) {
      return false;
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < values.length; i++) {
      hash += keys.hashes[i] ^ values[i].hashCode();
    }
    return hash;
  }

  @SuppressWarnings("unchecked")
  private V value(int index) {
    return (V) values[index];
  }

  private final class EntrySet extends AbstractSet<Map.Entry<String, V>> {
    @Override
    public int size() {
      return values.length;
    }

    @Override
    public Iterator<Map.Entry<String, V>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < values.length;
        }

        @Override
        public Map.Entry<String, V> next() {
          if (next >= values.length) {
            throw new NoSuchElementException();
          }
          int index = next++;
          return new AbstractMap.SimpleImmutableEntry<>(keys.names[index], value(index));
        }
      };
    }
  }

  @Override
  public V put(String key, V value) {
    throw unmodifiable();
  }

  @Override
  public V remove(Object key) {
    throw unmodifiable();
  }

  @Override
  public void putAll(Map<? extends String, ? extends V> map) {
    throw unmodifiable();
  }

  @Override
  public void clear() {
    throw unmodifiable();
  }

  @Override
  public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
    throw unmodifiable();
  }

  @Override
  public V putIfAbsent(String key, V value) {
    throw unmodifiable();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw unmodifiable();
  }

  @Override
  public boolean replace(String key, V oldValue, V newValue) {
    throw unmodifiable();
  }

  @Override
  public V replace(String key, V value) {
    throw unmodifiable();
  }

  @Override
  public V computeIfAbsent(String key, Function<? super String, ? extends V> function) {
    throw unmodifiable();
  }

  @Override
  public V computeIfPresent(
      String key, BiFunction<? super String, ? super V, ? extends V> function) {
    throw unmodifiable();
  }

  @Override
  public V compute(String key, BiFunction<? super String, ? super V, ? extends V> function) {
    throw unmodifiable();
  }

  @Override
  public V merge(String key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
    throw unmodifiable();
  }

  private static UnsupportedOperationException unmodifiable() {
    return new UnsupportedOperationException("span tags are unmodifiable");
  }

  /** The distinct keys of one or more {@link TagMap}s, in order; immutable. */
  public static final class Keys {
    private final String[] names;
    private final int[] hashes;

    private Keys(String[] names) {
      this.names = names;
      this.hashes = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        hashes[i] = names[i].hashCode();
      }
    }

    /**
     * The keys {@code names[0 .. size)}, copied.
     *
     * @throws NullPointerException naming the index of a null key
     * @throws IllegalArgumentException naming a key given twice, or when size is out of range
     */
    public static Keys of(String[] names, int size) {
      if (size < 0 || size > names.length) {
        throw new IllegalArgumentException("size: expected 0.." + names.length + ", got " + size);
      }
      String[] copy = new String[size];
      for (int i = 0; i < size; i++) {
        copy[i] = names[i];
        if (copy[i] == null) {
          throw new NullPointerException("names[" + i + "]");
        }
      }
      for (int i = 1; i < size; i++) {
        for (int j = 0; j < i; j++) {
          if (copy[j].equals(copy[i])) {
            throw new IllegalArgumentException("key given twice: " + copy[i]);
          }
        }
      }
      return new Keys(copy);
    }

    public int size() {
      return names.length;
    }

    /** The key at {@code index}, in insertion order. */
    public String get(int index) {
      return names[index];
    }

    int indexOf(Object key) {
      if (!(key instanceof String text)) {
        return -1;
      }
      for (int i = 0; i < names.length; i++) {
        if (names[i] == text) {
          return i;
        }
      }
      int hash = text.hashCode();
      for (int i = 0; i < names.length; i++) {
        if (hashes[i] == hash && names[i].equals(text)) {
          return i;
        }
      }
      return -1;
    }
  }
}
