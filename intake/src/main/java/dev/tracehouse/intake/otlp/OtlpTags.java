package dev.tracehouse.intake.otlp;

import java.util.Map;

/** A span's meta and metrics being built; derived tags never override what the client sent. */
record OtlpTags(Map<String, String> meta, Map<String, Double> metrics) {

  /** Sets a meta tag unless the key is already in meta or metrics; ignores null and empty. */
  void putIfAbsent(String key, String value) {
    if (value != null && !value.isEmpty() && !metrics.containsKey(key)) {
      meta.putIfAbsent(key, value);
    }
  }
}
