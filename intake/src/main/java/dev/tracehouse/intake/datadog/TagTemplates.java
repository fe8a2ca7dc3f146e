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

  /**
   * Where the entries of a map are: their values (the template's, or those just read) and the
   * offsets and lengths of their key and value bytes in the body.
   */
  private static final class Entries {
    final Object[] values = new Object[MAX_ENTRIES];
    final int[] keyOffsets = new int[MAX_ENTRIES];
    final int[] keyLengths = new int[MAX_ENTRIES];
    final int[] valueOffsets = new int[MAX_ENTRIES];
    final int[] valueLengths = new int[MAX_ENTRIES];
  }

  /** One remembered map: its keys, its entries and the map made of them. */
  private static final class Template {
    final TagMap.Keys keys;
    Entries entries;
    Map<String, ?> map;

    Template(TagMap.Keys keys, Entries entries, Map<String, ?> map) {
      this.keys = keys;
      this.entries = entries;
      this.map = map;
    }
  }

  /**
   * Per entry count {@code n}, the newest template at {@code 2n} and the one before at {@code
   * 2n+1}.
   */
  private final Template[] bySize = new Template[2 * (MAX_ENTRIES + 1)];

  private final TagMapBuilder<V> builder = new TagMapBuilder<>();

  private final String[] keys = new String[MAX_ENTRIES];

  /** The entries of the map being read; swapped with a template's when it takes them. */
  private Entries reading = new Entries();

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
            && (known.entries.keyLengths[i] != length
                || !StringCache.equal(bytes, known.entries.keyOffsets[i], bytes, offset, length))) {
      template = null;
      return null;
    }
    template = known;
    keys[i] = known.keys.get(i);
    reading.keyOffsets[i] = offset;
    reading.keyLengths[i] = length;
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
          && known.entries.keyLengths[0] == length
          && StringCache.equal(bytes, known.entries.keyOffsets[0], bytes, offset, length)) {
        return known;
      }
    }
    return null;
  }

  /** The next entry's key, read at {@code bytes[offset .. offset+length)} (-1: nil). */
  void key(String key, int offset, int length) {
    template = null;
    keys[keysRead] = key;
    reading.keyOffsets[keysRead] = offset;
    reading.keyLengths[keysRead] = length;
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
        && known.entries.valueLengths[i] == length
        && StringCache.equal(bytes, known.entries.valueOffsets[i], bytes, offset, length)) {
      Object value = known.entries.values[i];
      set(i, value, offset, length);
      return (V) value;
    }
    valuesMatch = false;
    return null;
  }

  /** The value of the entry whose key was just read, at {@code bytes[offset .. offset+length)}. */
  void value(V value, int offset, int length) {
    valuesMatch = false;
    set(valuesRead, value, offset, length);
  }

  private void set(int i, Object value, int offset, int length) {
    reading.values[i] = value;
    reading.valueOffsets[i] = offset;
    reading.valueLengths[i] = length;
    valuesRead = i + 1;
  }

  /** The map read since {@link #start}; it becomes the template for its entry count. */
  @SuppressWarnings("unchecked")
  Map<String, V> finish() {
    Template known = template;
    if (known != null) {
      if (!valuesMatch) {
        known.map = TagMap.of(known.keys, reading.values);
        Entries previous = known.entries;
        known.entries = reading;
        reading = previous;
      }
      return (Map<String, V>) known.map;
    }
    builder.clear();
    for (int i = 0; i < count; i++) {
      builder.put(keys[i], (V) reading.values[i]);
    }
    Map<String, V> map = builder.build();
    if (map instanceof TagMap<V> tags && tags.size() == count) {
      bySize[2 * count + 1] = bySize[2 * count];
      bySize[2 * count] = new Template(tags.keys(), reading, map);
      reading = new Entries();
    }
    return map;
  }
}
