package dev.tracehouse.query.stats;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.ServiceEdge;
import dev.tracehouse.model.ServiceMapBucket;
import dev.tracehouse.model.StatsBucket;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Spans and calls written down one by one, turned into stats buckets and service-map edges the way
 * the pipeline's concentrator builds them (10 s buckets by end time, weighted counters, unweighted
 * 1 % DDSketches), with exact reference answers computed from the raw values.
 */
final class Workload {

  static final long BUCKET_NS = 10_000_000_000L;

  /** One stats-eligible span. */
  record Request(
      String env,
      String service,
      String operation,
      String resource,
      long endNs,
      long duration,
      boolean error,
      double weight,
      boolean topLevel) {}

  /** One parent/child pair across services. */
  record Call(
      String env,
      String caller,
      String callee,
      long endNs,
      long duration,
      boolean error,
      double weight) {}

  final List<Request> requests = new ArrayList<>();
  final List<Call> calls = new ArrayList<>();

  /** Stats buckets, one group per distinct key and bucket. */
  List<StatsBucket> buckets() {
    Map<Long, Map<StatsKey, List<Request>>> byBucket = new TreeMap<>();
    for (Request r : requests) {
      StatsKey key =
          new StatsKey(
              r.env,
              r.service,
              r.operation,
              r.resource,
              "web",
              200,
              "",
              "",
              false,
              "server",
              StatsKey.TraceRoot.UNSET);
      byBucket
          .computeIfAbsent(bucketOf(r.endNs), b -> new LinkedHashMap<>())
          .computeIfAbsent(key, k -> new ArrayList<>())
          .add(r);
    }
    List<StatsBucket> out = new ArrayList<>();
    byBucket.forEach(
        (start, groups) -> {
          List<StatsGroup> list = new ArrayList<>();
          groups.forEach((key, rs) -> list.add(group(key, rs)));
          out.add(new StatsBucket(start, BUCKET_NS, list));
        });
    return out;
  }

  /** Service-map buckets, one edge per distinct (env, caller, callee) and bucket. */
  List<ServiceMapBucket> edges() {
    Map<Long, Map<List<String>, List<Call>>> byBucket = new TreeMap<>();
    for (Call c : calls) {
      byBucket
          .computeIfAbsent(bucketOf(c.endNs), b -> new LinkedHashMap<>())
          .computeIfAbsent(List.of(c.env, c.caller, c.callee), k -> new ArrayList<>())
          .add(c);
    }
    List<ServiceMapBucket> out = new ArrayList<>();
    byBucket.forEach(
        (start, edges) -> {
          List<ServiceEdge> list = new ArrayList<>();
          edges.forEach((key, cs) -> list.add(edge(key, cs)));
          out.add(new ServiceMapBucket(start, BUCKET_NS, list));
        });
    return out;
  }

  List<Request> select(Predicate<Request> filter) {
    return requests.stream().filter(filter).toList();
  }

  List<Call> selectCalls(Predicate<Call> filter) {
    return calls.stream().filter(filter).toList();
  }

  static double weight(List<Request> rs) {
    return rs.stream().mapToDouble(Request::weight).sum();
  }

  static double errors(List<Request> rs) {
    return rs.stream().filter(Request::error).mapToDouble(Request::weight).sum();
  }

  static double durationSum(List<Request> rs) {
    return rs.stream().mapToDouble(r -> r.weight * r.duration).sum();
  }

  /** Exact weighted nearest rank: the smallest duration whose cumulative weight reaches q·W. */
  static double quantile(List<Request> rs, double q) {
    List<Request> sorted =
        rs.stream().sorted((a, b) -> Long.compare(a.duration, b.duration)).toList();
    double target = q * weight(rs) * (1 - Distribution.RANK_TOLERANCE);
    double cumulative = 0;
    for (Request r : sorted) {
      cumulative += r.weight;
      if (cumulative >= target) {
        return r.duration;
      }
    }
    throw new IllegalArgumentException("no values");
  }

  /** Exact Apdex with threshold {@code t} ns, errors judged by duration. */
  static double apdex(List<Request> rs, long t) {
    double score = 0;
    for (Request r : rs) {
      if (r.duration < t) {
        score += r.weight;
      } else if (r.duration <= 4 * t) {
        score += r.weight / 2;
      }
    }
    return score / weight(rs);
  }

  private static long bucketOf(long endNs) {
    return Math.floorDiv(endNs, BUCKET_NS) * BUCKET_NS;
  }

  private static StatsGroup group(StatsKey key, List<Request> rs) {
    DDSketch ok = sketch();
    DDSketch failed = sketch();
    double topLevel = 0;
    for (Request r : rs) {
      (r.error ? failed : ok).accept(r.duration);
      topLevel += r.topLevel ? r.weight : 0;
    }
    return new StatsGroup(
        key, weight(rs), errors(rs), topLevel, durationSum(rs), encode(ok), encode(failed));
  }

  private static ServiceEdge edge(List<String> key, List<Call> cs) {
    DDSketch latency = sketch();
    double calls = 0;
    double errors = 0;
    double sum = 0;
    for (Call c : cs) {
      latency.accept(c.duration);
      calls += c.weight;
      errors += c.error ? c.weight : 0;
      sum += c.weight * c.duration;
    }
    return new ServiceEdge(key.get(0), key.get(1), key.get(2), calls, errors, sum, encode(latency));
  }

  /** The pipeline's sketch layout: 1 % relative accuracy, at most 2048 bins. */
  static DDSketch sketch() {
    return DDSketches.logarithmicCollapsingLowestDense(0.01, 2048);
  }

  static EncodedSketch encode(DDSketch sketch) {
    if (sketch.isEmpty()) {
      return EncodedSketch.EMPTY;
    }
    GrowingByteArrayOutput out = GrowingByteArrayOutput.withDefaultInitialCapacity();
    try {
      sketch.encode(out, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new EncodedSketch(out.trimmedCopy());
  }
}
