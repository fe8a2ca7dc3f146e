package dev.tracehouse.tracer.core;

import java.util.Arrays;

/**
 * The meta (string) and metric (number) tags of one span. Spans carry few tags, so they live in
 * small arrays that are allocated on first use and searched linearly; metrics stay primitive. Not
 * thread-safe: {@link CoreSpan} guards it.
 */
final class SpanTags {

  private static final int FIRST_META_CAPACITY = 4;
  private static final int FIRST_METRIC_CAPACITY = 2;

  private String[] meta;
  private int metaSize;
  private String[] metricKeys;
  private double[] metricValues;
  private int metricSize;

  void putMeta(String key, String value) {
    int index = metaIndex(key);
    if (index >= 0) {
      meta[2 * index + 1] = value;
      return;
    }
    if (meta == null) {
      meta = new String[2 * FIRST_META_CAPACITY];
    } else if (2 * metaSize == meta.length) {
      meta = Arrays.copyOf(meta, 2 * meta.length);
    }
    meta[2 * metaSize] = key;
    meta[2 * metaSize + 1] = value;
    metaSize++;
  }

  void putMetric(String key, double value) {
    int index = metricIndex(key);
    if (index >= 0) {
      metricValues[index] = value;
      return;
    }
    if (metricKeys == null) {
      metricKeys = new String[FIRST_METRIC_CAPACITY];
      metricValues = new double[FIRST_METRIC_CAPACITY];
    } else if (metricSize == metricKeys.length) {
      metricKeys = Arrays.copyOf(metricKeys, 2 * metricSize);
      metricValues = Arrays.copyOf(metricValues, 2 * metricSize);
    }
    metricKeys[metricSize] = key;
    metricValues[metricSize] = value;
    metricSize++;
  }

  int metaSize() {
    return metaSize;
  }

  String metaKey(int index) {
    return meta[2 * index];
  }

  String metaValue(int index) {
    return meta[2 * index + 1];
  }

  /** The position of {@code key} among the meta tags, or -1. */
  int metaIndex(String key) {
    for (int i = 0; i < metaSize; i++) {
      if (key.equals(meta[2 * i])) {
        return i;
      }
    }
    return -1;
  }

  int metricSize() {
    return metricSize;
  }

  String metricKey(int index) {
    return metricKeys[index];
  }

  double metricValue(int index) {
    return metricValues[index];
  }

  /** The position of {@code key} among the metrics, or -1. */
  int metricIndex(String key) {
    for (int i = 0; i < metricSize; i++) {
      if (key.equals(metricKeys[i])) {
        return i;
      }
    }
    return -1;
  }
}
