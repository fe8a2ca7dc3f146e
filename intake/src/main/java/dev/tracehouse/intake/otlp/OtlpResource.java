package dev.tracehouse.intake.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a resource gives each of its spans: service ({@code service.name}), env ({@code
 * deployment.environment.name}, else the older {@code deployment.environment}), version ({@code
 * service.version}), and every other attribute as a tag.
 */
record OtlpResource(
    String service,
    String env,
    String version,
    Map<String, String> meta,
    Map<String, Double> metrics) {

  static OtlpResource of(List<KeyValue> attributes, Set<String> fields) {
    Map<String, AnyValue> index = OtlpSpanMapper.index(attributes);
    Map<String, String> meta = new LinkedHashMap<>();
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (KeyValue kv : attributes) {
      if (!fields.contains(kv.getKey())) {
        OtlpAttributes.put(kv.getKey(), kv.getValue(), meta, metrics);
      }
    }
    String env = OtlpSpanMapper.textOf(index.get("deployment.environment.name"));
    if (env == null) {
      env = OtlpSpanMapper.textOf(index.get("deployment.environment"));
    }
    return new OtlpResource(
        OtlpSpanMapper.textOf(index.get("service.name")),
        env,
        OtlpSpanMapper.textOf(index.get("service.version")),
        meta,
        metrics);
  }
}
