package dev.tracehouse.tracer.core;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Encodes trace chunks as the msgpack body of {@code PUT /v0.4/traces}, straight from the finished
 * spans (on the writer thread). Adds what spans do not store themselves: the tracer-wide meta
 * {@code language}, {@code env}, {@code version} and {@code DD_TAGS} (a span's own tag of that name
 * wins), and on each chunk's local root the trace-level {@code _dd.p.dm}, {@code _dd.p.tid}, {@code
 * _dd.p.ksr}, {@code _sampling_priority_v1} and {@code process_id}, plus on the trace's local root
 * the sampling rates {@code _dd.agent_psr}, {@code _dd.rule_psr}, {@code _dd.limit_psr} (these win
 * over a span's own tags). {@link V05Encoder} reuses the chunk loop and the meta and metrics, with
 * strings written as string-table indexes.
 */
final class V04Encoder {

  static final String LANGUAGE = "jvm";
  private static final double PROCESS_ID = ProcessHandle.current().pid();
  private static final String DECISION_MAKER = "_dd.p.dm";
  private static final String TRACE_ID_HIGH = "_dd.p.tid";
  private static final String KNUTH_RATE = "_dd.p.ksr";

  /** In this order: priority, process id, and the local root's agent, rule and limit rates. */
  private static final String[] TRACE_METRICS = {
    "_sampling_priority_v1", "process_id", "_dd.agent_psr", "_dd.rule_psr", "_dd.limit_psr"
  };

  private static final byte[] TRACE_ID = MsgPackOutput.encodedString("trace_id");
  private static final byte[] SPAN_ID = MsgPackOutput.encodedString("span_id");
  private static final byte[] PARENT_ID = MsgPackOutput.encodedString("parent_id");
  private static final byte[] NAME = MsgPackOutput.encodedString("name");
  private static final byte[] SERVICE = MsgPackOutput.encodedString("service");
  private static final byte[] RESOURCE = MsgPackOutput.encodedString("resource");
  private static final byte[] TYPE = MsgPackOutput.encodedString("type");
  private static final byte[] START = MsgPackOutput.encodedString("start");
  private static final byte[] DURATION = MsgPackOutput.encodedString("duration");
  private static final byte[] ERROR = MsgPackOutput.encodedString("error");
  private static final byte[] META = MsgPackOutput.encodedString("meta");
  private static final byte[] METRICS = MsgPackOutput.encodedString("metrics");

  private V04Encoder() {}

  /**
   * Appends an array of chunks to {@code out}, each an array of span maps with the 12 v0.4 keys,
   * local root first.
   */
  static void encode(List<List<CoreSpan>> chunks, MsgPackOutput out) {
    encodeChunks(chunks, out, V04Encoder::encodeSpan);
  }

  /** Writes one span; {@code chunkRoot} is true for the first span of its chunk. */
  interface SpanEncoder {
    void encode(MsgPackOutput out, CoreSpan span, boolean chunkRoot, Scratch scratch);
  }

  /**
   * Writes a string: inline (v0.4, {@link MsgPackOutput#string}) or as an index into the payload's
   * string table (v0.5).
   */
  interface Strings {
    void write(MsgPackOutput out, String value);
  }

  /** The array of chunks, each an array of spans written by {@code spans}, local root first. */
  static void encodeChunks(List<List<CoreSpan>> chunks, MsgPackOutput out, SpanEncoder spans) {
    Scratch scratch = new Scratch();
    out.arrayHeader(chunks.size());
    for (List<CoreSpan> chunk : chunks) {
      out.arrayHeader(chunk.size());
      CoreSpan root = localRoot(chunk);
      spans.encode(out, root, true, scratch);
      for (CoreSpan span : chunk) {
        if (span != root) {
          spans.encode(out, span, false, scratch);
        }
      }
    }
  }

  /** Work arrays reused for every span of one {@link #encodeChunks} call. */
  static final class Scratch {
    private String[] meta = new String[0];
    private final double[] metrics = new double[TRACE_METRICS.length];

    /** Room for the extra meta pairs of {@code span}. */
    private String[] meta(CoreSpan span) {
      int pairs = 6 + span.tracer().config().tags().size();
      if (meta.length < 2 * pairs) {
        meta = new String[2 * pairs];
      }
      return meta;
    }
  }

  private static void encodeSpan(MsgPackOutput out, CoreSpan span, boolean root, Scratch scratch) {
    out.mapHeader(12);
    out.raw(TRACE_ID);
    out.uint64(span.trace().traceIdLow());
    out.raw(SPAN_ID);
    out.uint64(span.spanId());
    out.raw(PARENT_ID);
    out.uint64(span.parentId());
    out.raw(NAME);
    out.string(span.name());
    out.raw(SERVICE);
    out.string(span.service());
    out.raw(RESOURCE);
    out.string(span.resource());
    out.raw(TYPE);
    if (span.type() == null) {
      out.nil();
    } else {
      out.string(span.type());
    }
    out.raw(START);
    out.uint64(span.startNanos());
    out.raw(DURATION);
    out.uint64(span.duration());
    out.raw(ERROR);
    out.int32(span.error());
    out.raw(META);
    writeMeta(out, span, root, scratch, MsgPackOutput::string);
    out.raw(METRICS);
    writeMetrics(out, span, root, scratch, MsgPackOutput::string);
  }

  /**
   * The span's own meta, then the tracer-wide meta it does not set itself, then (on a chunk's root)
   * the trace-level tags, which replace the span's own tags of those names.
   */
  static void writeMeta(
      MsgPackOutput out, CoreSpan span, boolean root, Scratch scratch, Strings strings) {
    String[] extra = scratch.meta(span);
    SpanTags tags = span.tags();
    TracerConfig config = span.tracer().config();
    int defaults = addIfAbsent(extra, 0, tags, "language", LANGUAGE);
    defaults = addIfAbsent(extra, defaults, tags, "env", config.env());
    defaults = addIfAbsent(extra, defaults, tags, "version", config.version());
    for (Map.Entry<String, String> tag : config.tags().entrySet()) {
      defaults = addIfAbsent(extra, defaults, tags, tag.getKey(), tag.getValue());
    }
    int end = defaults;
    if (root) {
      PendingTrace trace = span.trace();
      SamplingDecision sampling = trace.sampling();
      end = add(extra, end, DECISION_MAKER, sampling.decisionMaker());
      end =
          add(
              extra,
              end,
              TRACE_ID_HIGH,
              trace.traceIdHigh() == 0 ? null : Hex.of(trace.traceIdHigh()));
      end = add(extra, end, KNUTH_RATE, sampling.knuthRate());
    }
    int own = 0;
    for (int i = 0; i < tags.metaSize(); i++) {
      own += replaced(extra, defaults, end, tags.metaKey(i)) ? 0 : 1;
    }
    out.mapHeader(own + end / 2);
    for (int i = 0; i < tags.metaSize(); i++) {
      if (!replaced(extra, defaults, end, tags.metaKey(i))) {
        strings.write(out, tags.metaKey(i));
        strings.write(out, tags.metaValue(i));
      }
    }
    for (int i = 0; i < end; i += 2) {
      strings.write(out, extra[i]);
      strings.write(out, extra[i + 1]);
    }
  }

  /**
   * The span's own metrics; on a chunk's root also the sampling priority and process id, and on the
   * trace's local root the rates of the sampling decision (these replace the span's own).
   */
  static void writeMetrics(
      MsgPackOutput out, CoreSpan span, boolean root, Scratch scratch, Strings strings) {
    double[] trace = scratch.metrics;
    SpanTags tags = span.tags();
    Arrays.fill(trace, Double.NaN);
    if (root) {
      SamplingDecision sampling = span.trace().sampling();
      trace[0] = sampling.priority();
      trace[1] = PROCESS_ID;
      if (span.trace().localRoot() == span) {
        trace[2] = sampling.agentRate();
        trace[3] = sampling.ruleRate();
        trace[4] = sampling.limitRate();
      }
    }
    int own = 0;
    for (int i = 0; i < tags.metricSize(); i++) {
      own += isTraceMetric(tags.metricKey(i), root) ? 0 : 1;
    }
    int added = 0;
    for (double value : trace) {
      added += Double.isNaN(value) ? 0 : 1;
    }
    out.mapHeader(own + added);
    for (int i = 0; i < tags.metricSize(); i++) {
      if (!isTraceMetric(tags.metricKey(i), root)) {
        strings.write(out, tags.metricKey(i));
        out.float64(tags.metricValue(i));
      }
    }
    for (int i = 0; i < trace.length; i++) {
      if (!Double.isNaN(trace[i])) {
        strings.write(out, TRACE_METRICS[i]);
        out.float64(trace[i]);
      }
    }
  }

  private static int add(String[] pairs, int end, String key, String value) {
    if (value == null) {
      return end;
    }
    pairs[end] = key;
    pairs[end + 1] = value;
    return end + 2;
  }

  /** Appends the pair unless the value is null or the span has its own tag {@code key}. */
  private static int addIfAbsent(String[] pairs, int end, SpanTags tags, String key, String value) {
    if (value == null || tags.metaIndex(key) >= 0) {
      return end;
    }
    pairs[end] = key;
    pairs[end + 1] = value;
    return end + 2;
  }

  /** True when {@code key} is among the pairs {@code [from, to)}, which replace the span's tag. */
  private static boolean replaced(String[] pairs, int from, int to, String key) {
    for (int i = from; i < to; i += 2) {
      if (pairs[i].equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** On a chunk's root, the trace-level metrics replace the span's own of the same name. */
  private static boolean isTraceMetric(String key, boolean root) {
    if (root) {
      for (String traceMetric : TRACE_METRICS) {
        if (traceMetric.equals(key)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The earliest-started span whose parent is not in the chunk. */
  private static CoreSpan localRoot(List<CoreSpan> chunk) {
    if (chunk.size() == 1) {
      return chunk.get(0);
    }
    long[] ids = new long[chunk.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = chunk.get(i).spanId();
    }
    Arrays.sort(ids);
    CoreSpan root = null;
    for (CoreSpan span : chunk) {
      boolean parentOutside = Arrays.binarySearch(ids, span.parentId()) < 0;
      if (parentOutside && (root == null || span.startNanos() < root.startNanos())) {
        root = span;
      }
    }
    return root == null ? chunk.get(0) : root;
  }
}
