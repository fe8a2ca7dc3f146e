package dev.tracehouse.intake.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.metrics.v1.Metric;

/**
 * The OTLP signals this listener accepts but does not store yet: their items are counted and
 * reported back as rejected in a partial success, never dropped silently.
 */
enum OtlpSignal {
  LOGS("/v1/logs", "log records", "logrecords", "rejectedLogRecords"),
  METRICS("/v1/metrics", "data points", "datapoints", "rejectedDataPoints");

  final String path;
  private final String items;
  private final String jsonArrayKey;
  private final String jsonRejectedField;

  OtlpSignal(String path, String items, String jsonArrayKey, String jsonRejectedField) {
    this.path = path;
    this.items = items;
    this.jsonArrayKey = jsonArrayKey;
    this.jsonRejectedField = jsonRejectedField;
  }

  /** The normalised JSON key of the arrays whose elements are counted. */
  String jsonArrayKey() {
    return jsonArrayKey;
  }

  String jsonRejectedField() {
    return jsonRejectedField;
  }

  String notStoredMessage(long rejected) {
    return "tracehouse does not store OTLP "
        + name().toLowerCase(java.util.Locale.ROOT)
        + " yet: "
        + rejected
        + " "
        + items
        + " rejected";
  }

  /** Counts the items of a protobuf request. */
  long count(byte[] body) throws InvalidProtocolBufferException {
    if (this == LOGS) {
      return ExportLogsServiceRequest.parseFrom(body).getResourceLogsList().stream()
          .flatMap(r -> r.getScopeLogsList().stream())
          .mapToLong(s -> s.getLogRecordsCount())
          .sum();
    }
    return ExportMetricsServiceRequest.parseFrom(body).getResourceMetricsList().stream()
        .flatMap(r -> r.getScopeMetricsList().stream())
        .flatMap(s -> s.getMetricsList().stream())
        .mapToLong(OtlpSignal::dataPoints)
        .sum();
  }

  private static long dataPoints(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      case DATA_NOT_SET -> 0;
    };
  }

  byte[] protobufResponse(long rejected, String message) {
    if (this == LOGS) {
      return ExportLogsServiceResponse.newBuilder()
          .setPartialSuccess(
              ExportLogsPartialSuccess.newBuilder()
                  .setRejectedLogRecords(rejected)
                  .setErrorMessage(message))
          .build()
          .toByteArray();
    }
    return ExportMetricsServiceResponse.newBuilder()
        .setPartialSuccess(
            ExportMetricsPartialSuccess.newBuilder()
                .setRejectedDataPoints(rejected)
                .setErrorMessage(message))
        .build()
        .toByteArray();
  }
}
