package dev.tracehouse.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The derived Datadog names for spans without them. */
class SemanticNamesTest {
  @Test
  void operationName_messagingAndRpc_followTheConventions() {
    Map<String, String> kafka =
        Map.of(
            "messaging.system",
            "kafka",
            "messaging.operation",
            "publish",
            "messaging.destination.name",
            "orders");
    Map<String, String> grpc =
        Map.of("rpc.system", "grpc", "rpc.service", "Cafe", "rpc.method", "Order");

    assertThat(SemanticNames.operationName("producer", kafka::get)).isEqualTo("kafka.publish");
    assertThat(SemanticNames.resource("producer", kafka::get, "x")).isEqualTo("publish orders");
    assertThat(SemanticNames.type("producer", kafka::get)).isEqualTo("queue");
    assertThat(SemanticNames.operationName("server", grpc::get)).isEqualTo("grpc.server.request");
    assertThat(SemanticNames.resource("server", grpc::get, "x")).isEqualTo("Cafe/Order");
  }

  @Test
  void type_databases_mapToDatadogTypes() {
    assertThat(SemanticNames.type("client", Map.of("db.system", "redis")::get)).isEqualTo("redis");
    assertThat(SemanticNames.type("client", Map.of("db.system.name", "sqlite")::get))
        .isEqualTo("sql");
    assertThat(SemanticNames.type("client", Map.of("db.system", "couchbase")::get)).isEqualTo("db");
    assertThat(SemanticNames.type("internal", Map.<String, String>of()::get)).isEmpty();
  }

  @Test
  void resource_withoutAnything_fallsBackToTheOperationName() {
    assertThat(SemanticNames.resource("consumer", Map.<String, String>of()::get, ""))
        .isEqualTo("consumer");
  }
}
