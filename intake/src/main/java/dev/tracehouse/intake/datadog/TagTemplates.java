package dev.tracehouse.intake.datadog;

import dev.tracehouse.model.TagMap;
import java.util.Map;

/**
 * Reads the meta or metrics maps of one body against the last map of the same entry count: spans of
 * one kind send the same keys in the same order (a client span's eleven meta keys, a root span's
 * thirteen), and most of their values too. Per entry, the key's bytes are compared with the bytes
 * of the template's key at the same index (one length check and a word compare, no lookup) and the
 * value's bytes with the template's value; equal bytes mean an equal string or number, so the
 * template's {@link String} or {@link Double} is handed out again. When every key matched, the map
 * shares the template's {@link TagMap.Keys}; when every value matched too, it is the template's
 * map. Anything else (a key that differs, a repeated key, more than sixteen entries) goes through a
 * {@link TagMapBuilder}, and that map becomes the template for its entry count.
 *
 * <p>One per decoded body and kind of map: templates point into that body's bytes. A template is
 * only ever reused for bytes equal to its own, so a stale or mismatched template costs a miss,
 * never a wrong value.
 *
 * <p>Use per map: {@link #start}, then per entry {@link #knownKey} (else {@link #key}) and {@link
 * #knownValue} (else {@link #value}), then {@link #finish}.
 */
final class TagTemplates<V> {
  /** Largest map read against a template (the size {@link TagMapBuilder} keeps inline). */
  static final int MAX_ENTRIES = 16;

  /** One remembered map: its entries' strings/values and where their bytes are in the body. */
  private static final class Template {
    final TagMap.Keys keys;
    final Object[] values;
    final int[] keyOffsets;
    final int[] keyLengths;
    final int[] valueOffsets;
    final int[] valueLengths;
    Map<String, ?> map;

    Template(TagMap.Keys keys, int size) {
      this.keys = keys;
      values = new Object[size];
      keyOffsets = new int[size];
      keyLengths = new int[size];
      valueOffsets = new int[size];
      valueLengths = new int[size];
    }
  }

  /**
   * Per entry count {@code n}, the newest template at {@code 2n} and the one before at {@code
   * 2n+1}.
   */
  private final Template[] bySize = new Template[2 * (MAX_ENTRIES + 1)];

  private final TagMapBuilder<V> builder = new TagMapBuilder<>();

  private final String[] keys = new String[MAX_ENTRIES];
  private final Object[] values = new Object[MAX_ENTRIES];
  private final int[] keyOffsets = new int[MAX_ENTRIES];
  private final int[] keyLengths = new int[MAX_ENTRIES];
  private final int[] valueOffsets = new int[MAX_ENTRIES];
  private final int[] valueLengths = new int[MAX_ENTRIES];

  /**
   * The template of the map being read, chosen by its first key; null before that, when there is
   * none or when a key differed from it.
   */
  private Template template;

  private boolean valuesMatch;
  private int count;
  private int keysRead;
  private int valuesRead;

  /**
   * Starts reading a map of {@code entries} entries.
   *
   * @return false when the map is too large to be read here
   */
  boolean start(int entries) {
    if (entries > MAX_ENTRIES) {
      return false;
    }
    count = entries;
    keysRead = 0;
    valuesRead = 0;
    template = null;
    valuesMatch = true;
    return true;
  }

  /**
   * The template's key for the next entry when the key's bytes {@code bytes[offset ..
   * offset+length)} equal that key's bytes (-1: nil), else null and the caller reads the key and
   * gives it to {@link #key}.
   */
  String knownKey(byte[] bytes, int offset, int length) {
    int i = keysRead;
    Template known = i == 0 ? firstKeyMatch(bytes, offset, length) : template;
    if (known == null
        || i > 0
            && (known.keyLengths[i] != length
                || !StringCache.equal(bytes, known.keyOffsets[i], bytes, offset, length))) {
      template = null;
      return null;
    }
    template = known;
    keys[i] = known.keys.get(i);
    keyOffsets[i] = offset;
    keyLengths[i] = length;
    keysRead = i + 1;
    return keys[i];
  }

  /**
   * The template of this entry count (the newest first) whose first key has these bytes, null when
   * neither has.
   */
  private Template firstKeyMatch(byte[] bytes, int offset, int length) {
    for (int way = 2 * count; way < 2 * count + 2; way++) {
      Template known = bySize[way];
      if (known != null
          && known.keyLengths[0] == length
          && StringCache.equal(bytes, known.keyOffsets[0], bytes, offset, length)) {
        return known;
      }
    }
    return null;
  }

  /** The next entry's key, read at {@code bytes[offset .. offset+length)} (-1: nil). */
  void key(String key, int offset, int length) {
    template = null;
    keys[keysRead] = key;
    keyOffsets[keysRead] = offset;
    keyLengths[keysRead] = length;
    keysRead++;
  }

  /**
   * The template's value for the entry whose key was just read when the value's bytes equal that
   * value's bytes (a whole msgpack value, or a string's payload), else null and the caller reads
   * the value and gives it to {@link #value}.
   */
  @SuppressWarnings("unchecked")
  V knownValue(byte[] bytes, int offset, int length) {
    Template known = template;
    int i = valuesRead;
    if (known != null
        && known.valueLengths[i] == length
        && StringCache.equal(bytes, known.valueOffsets[i], bytes, offset, length)) {
      values[i] = known.values[i];
      valueOffsets[i] = offset;
      valueLengths[i] = length;
      valuesRead = i + 1;
      return (V) values[i];
    }
    valuesMatch = false;
    return null;
  }

  /** The value of the entry whose key was just read, at {@code bytes[offset .. offset+length)}. */
  void value(V value, int offset, int length) {
    valuesMatch = false;
    values[valuesRead] = value;
    valueOffsets[valuesRead] = offset;
    valueLengths[valuesRead] = length;
    valuesRead++;
  }

  /** The map read since {@link #start}; it becomes the template for its entry count. */
  @SuppressWarnings("unchecked")
  Map<String, V> finish() {
    Template known = template;
    if (known != null) {
      if (!valuesMatch) {
        known.map = count == 0 ? Map.of() : TagMap.of(known.keys, values);
        remember(known);
      }
      return (Map<String, V>) known.map;
    }
    builder.clear();
    for (int i = 0; i < count; i++) {
      builder.put(keys[i], (V) values[i]);
    }
    Map<String, V> map = builder.build();
    if (map instanceof TagMap<V> tags && tags.size() == count) {
      Template fresh = new Template(tags.keys(), count);
      fresh.map = map;
      remember(fresh);
      bySize[2 * count + 1] = bySize[2 * count];
      bySize[2 * count] = fresh;
    }
    return map;
  }

  /** Points {@code target}'s entries at the bytes and values just read. */
  private void remember(Template target) {
    System.arraycopy(values, 0, target.values, 0, count);
    System.arraycopy(keyOffsets, 0, target.keyOffsets, 0, count);
    System.arraycopy(keyLengths, 0, target.keyLengths, 0, count);
    System.arraycopy(valueOffsets, 0, target.valueOffsets, 0, count);
    System.arraycopy(valueLengths, 0, target.valueLengths, 0, count);
  }
}
