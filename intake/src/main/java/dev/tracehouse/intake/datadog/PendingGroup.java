package dev.tracehouse.intake.datadog;

import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.model.EncodedSketch;
import dev.tracehouse.model.StatsGroup;
import dev.tracehouse.model.StatsKey;
import java.io.IOException;

/**
 * One row of a {@code /v0.6/stats} bucket as read, before the payload-level env, version and host
 * are known (msgpack maps may list {@code Stats} before {@code Env}).
 */
final class PendingGroup {
  private String service = "";
  private String name = "";
  private String resource = "";
  private String type = "";
  private int httpStatusCode;
  private String spanKind = "";
  private StatsKey.TraceRoot traceRoot = StatsKey.TraceRoot.UNSET;
  private boolean synthetics;
  private double hits;
  private double errors;
  private double topLevelHits;
  private double duration;
  private RawSketch ok = RawSketch.NONE;
  private RawSketch error = RawSketch.NONE;

  /** Protobuf sketch bytes and the body offset they were read at, for error messages. */
  private record RawSketch(byte[] bytes, long offset, String path) {
    static final RawSketch NONE = new RawSketch(new byte[0], 0, "");

    EncodedSketch decode(int indexShift) {
      try {
        return DDSketchProtoReader.read(bytes, indexShift);
      } catch (IllegalArgumentException e) {
        throw new MalformedPayloadException(
            path + ": bad sketch in the bin at byte " + offset + ": " + e.getMessage(), offset, e);
      }
    }
  }

  private PendingGroup() {}

  static PendingGroup read(StatsMsgpackReader in, String path) throws IOException {
    PendingGroup row = new PendingGroup();
    int keys = in.mapHeader();
    for (int k = 0; k < keys; k++) {
      in.at(path);
      String key = in.string();
      in.at(path + "." + key);
      switch (key) {
        case "Service" -> row.service = in.string();
        case "Name" -> row.name = in.string();
        case "Resource" -> row.resource = in.string();
        case "Type" -> row.type = in.string();
        case "HTTPStatusCode" -> row.httpStatusCode = statusCode(in);
        case "SpanKind" -> row.spanKind = in.string();
        case "IsTraceRoot" -> row.traceRoot = traceRoot(in);
        case "Synthetics" -> row.synthetics = in.flag();
        case "Hits" -> row.hits = in.unsigned();
        case "Errors" -> row.errors = in.unsigned();
        case "TopLevelHits" -> row.topLevelHits = in.unsigned();
        case "Duration" -> row.duration = in.unsigned();
        case "OkSummary" -> row.ok = sketch(in, path + ".OkSummary");
        case "ErrorSummary" -> row.error = sketch(in, path + ".ErrorSummary");
        default -> in.skip();
      }
    }
    return row;
  }

  /**
   * The group with the payload-level fields filled in; sketches are decoded here.
   *
   * @throws MalformedPayloadException when a sketch is not a valid protobuf DDSketch
   */
  StatsGroup resolve(String env, String version, String host, int indexShift) {
    StatsKey key =
        new StatsKey(
            env,
            service,
            name,
            resource,
            type,
            httpStatusCode,
            version,
            host,
            synthetics,
            spanKind,
            traceRoot);
    return new StatsGroup(
        key, hits, errors, topLevelHits, duration, ok.decode(indexShift), error.decode(indexShift));
  }

  private static int statusCode(StatsMsgpackReader in) throws IOException {
    long code = in.unsigned();
    if (code > 999) {
      throw in.error("HTTP status code must be 0-999, got " + code);
    }
    return (int) code;
  }

  /** Java sends 1 = root, 2 = not root; absent or 0 = not said. */
  private static StatsKey.TraceRoot traceRoot(StatsMsgpackReader in) throws IOException {
    long value = in.unsigned();
    return switch ((int) Math.min(value, 3)) {
      case 0 -> StatsKey.TraceRoot.UNSET;
      case 1 -> StatsKey.TraceRoot.YES;
      case 2 -> StatsKey.TraceRoot.NO;
      default -> throw in.error("IsTraceRoot must be 0, 1 or 2, got " + value);
    };
  }

  private static RawSketch sketch(StatsMsgpackReader in, String path) throws IOException {
    long at = in.offset();
    return new RawSketch(in.binary(), at, path);
  }
}
