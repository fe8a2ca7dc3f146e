package dev.tracehouse.pipeline.normalize;

/**
 * Why the normaliser changed a span it kept. Where the Datadog agent counts the same fix, {@link
 * #tag()} is the agent's {@code reason:} tag (for example {@code service_empty}); the others are
 * ours (RATIONALE.md, "Normalisation").
 */
public enum FixReason {
  SERVICE_EMPTY("service_empty"),
  SERVICE_TRUNCATE("service_truncate"),
  SERVICE_INVALID("service_invalid"),
  SPAN_NAME_EMPTY("span_name_empty"),
  SPAN_NAME_TRUNCATE("span_name_truncate"),
  SPAN_NAME_INVALID("span_name_invalid"),
  RESOURCE_EMPTY("resource_empty"),
  RESOURCE_TRUNCATE("resource_truncate"),
  TYPE_TRUNCATE("type_truncate"),
  INVALID_DURATION("invalid_duration"),
  INVALID_START_DATE("invalid_start_date"),
  FUTURE_START_DATE("future_start_date"),
  INVALID_HTTP_STATUS_CODE("invalid_http_status_code"),
  PARENT_ID_SELF("parent_id_self"),
  DUPLICATE_SPAN_ID("duplicate_span_id"),
  META_KEY_TRUNCATE("meta_key_truncate"),
  META_VALUE_TRUNCATE("meta_value_truncate"),
  METRIC_KEY_TRUNCATE("metric_key_truncate"),
  INVALID_METRIC_VALUE("invalid_metric_value"),
  INVALID_UTF8("invalid_utf8"),
  CONTROL_CHARACTER("control_character");

  private final String tag;

  FixReason(String tag) {
    this.tag = tag;
  }

  /** The reason as a lower-case tag, stable for metrics and the status page. */
  public String tag() {
    return tag;
  }
}
