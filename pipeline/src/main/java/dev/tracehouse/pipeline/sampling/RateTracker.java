package dev.tracehouse.pipeline.sampling;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rate engine shared by the priority and error samplers, modelled on the Datadog agent's core
 * sampler: weighted counts per signature in 6 buckets of 5 s; at each bucket change the busiest of
 * the last 6 buckets gives each signature's traffic, the target TPS is spread over the signatures
 * (quiet ones hand their unused share to busy ones), and a rate may fall at once but rise by at
 * most 20 % per bucket. Not thread-safe: owners synchronize.
 */
final class RateTracker {
  static final long BUCKET_SECONDS = 5;
  static final int BUCKETS = 6;
  static final double MAX_RATE_INCREASE = 1.2;

  private final double targetTps;
  private final int maxSignatures;
  private final Map<String, double[]> seen = new LinkedHashMap<>();
  private final double[] allSeen = new double[BUCKETS];
  private Map<String, Double> rates = new HashMap<>();
  private double lowestRate = 1;
  private long lastBucket = Long.MIN_VALUE;

  RateTracker(double targetTps, int maxSignatures) {
    this.targetTps = targetTps;
    this.maxSignatures = maxSignatures;
  }

  /** Counts {@code weight} traces for a signature at {@code epochSecond}. */
  void count(long epochSecond, String signature, double weight) {
    int slot = rotate(epochSecond);
    allSeen[slot] += weight;
    double[] buckets = seen.get(signature);
    if (buckets == null) {
      if (seen.size() >= maxSignatures) {
        return; // over the bound: only the default rate learns this traffic
      }
      buckets = new double[BUCKETS];
      seen.put(signature, buckets);
    }
    buckets[slot] += weight;
  }

  /** The rate for a signature: its own once computed, else the default rate. */
  double rate(long epochSecond, String signature) {
    rotate(epochSecond);
    Double rate = rates.get(signature);
    return rate != null ? rate : defaultRate();
  }

  /** Every signature's computed rate (a copy). */
  Map<String, Double> rates(long epochSecond) {
    rotate(epochSecond);
    return new HashMap<>(rates);
  }

  /** The rate for unknown signatures: target over all traffic, never above the lowest rate. */
  double defaultRate() {
    if (targetTps <= 0) {
      return 0;
    }
    double seenTps = Arrays.stream(allSeen).max().orElse(0) / BUCKET_SECONDS;
    double rate = seenTps > targetTps ? targetTps / seenTps : 1;
    return lowestRate != 0 && lowestRate < rate ? lowestRate : rate;
  }

  /** Moves to the bucket of {@code epochSecond} (never backwards) and returns its slot. */
  private int rotate(long epochSecond) {
    long bucket = Math.max(Math.floorDiv(epochSecond, BUCKET_SECONDS), lastBucket);
    if (lastBucket == Long.MIN_VALUE) {
      lastBucket = bucket;
    } else if (bucket != lastBucket) {
      updateRates(lastBucket, bucket);
      lastBucket = bucket;
    }
    return (int) Math.floorMod(bucket, (long) BUCKETS);
  }

  private void updateRates(long previous, long current) {
    Map<String, Double> seenTps = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : seen.entrySet()) {
      seenTps.put(e.getKey(), expireAndMax(e.getValue(), previous, current) / BUCKET_SECONDS);
    }
    expireAndMax(allSeen, previous, current);
    double perSignature = tpsPerSignature(seenTps.values().stream().mapToDouble(d -> d).toArray());
    Map<String, Double> next = new HashMap<>();
    lowestRate = 1;
    Iterator<Map.Entry<String, Double>> it = seenTps.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Double> e = it.next();
      double tps = e.getValue();
      double rate = tps > perSignature && tps > 0 ? perSignature / tps : 1;
      Double previousRate = rates.get(e.getKey());
      if (previousRate != null && previousRate != 0 && rate / previousRate > MAX_RATE_INCREASE) {
        rate = previousRate * MAX_RATE_INCREASE;
      }
      rate = Math.min(rate, 1);
      if (rate == 1 && tps == 0) {
        seen.remove(e.getKey()); // no traffic left: forget the signature
        continue;
      }
      lowestRate = Math.min(lowestRate, rate);
      next.put(e.getKey(), rate);
    }
    rates = next;
  }

  /**
   * Zeroes the buckets that fell out of the window and returns the largest count among the 6
   * buckets before {@code current}.
   */
  private static double expireAndMax(double[] buckets, long previous, long current) {
    double max = 0;
    for (long i = previous + 1; i <= previous + BUCKETS; i++) {
      int slot = (int) Math.floorMod(i, (long) BUCKETS);
      if (i < current) {
        buckets[slot] = 0;
        continue;
      }
      max = Math.max(max, buckets[slot]);
      if (i == current) {
        buckets[slot] = 0;
      }
    }
    return max;
  }

  /** Spreads the target evenly; signatures below their share give the rest to the others. */
  private double tpsPerSignature(double[] seenTps) {
    if (seenTps.length == 0) {
      return targetTps;
    }
    double[] sorted = seenTps.clone();
    Arrays.sort(sorted);
    double remaining = targetTps;
    double share = remaining / sorted.length;
    for (int i = 0; i < sorted.length - 1 && sorted[i] < share; i++) {
      remaining -= sorted[i];
      share = remaining / (sorted.length - i - 1);
    }
    return share;
  }
}
