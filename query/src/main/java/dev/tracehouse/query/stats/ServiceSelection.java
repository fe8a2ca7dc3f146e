package dev.tracehouse.query.stats;

import dev.tracehouse.model.StatsKey;
import dev.tracehouse.store.StatsQuery;
import java.util.Objects;
import java.util.Optional;

/**
 * The requests a service page shows: the service-entry spans of one service, optionally of one
 * operation name and one resource.
 *
 * @param service service name
 * @param operation only this operation name; empty for every entry operation
 * @param resource only this resource; empty for every one
 */
public record ServiceSelection(
    String service, Optional<String> operation, Optional<String> resource) {

  /**
   * @throws IllegalArgumentException naming {@code service} when it is blank
   */
  public ServiceSelection {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service: must not be empty");
    }
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(resource, "resource");
  }

  /** Every entry span of {@code service}. */
  public static ServiceSelection of(String service) {
    return new ServiceSelection(service, Optional.empty(), Optional.empty());
  }

  /** This selection, narrowed to {@code operation}; null for every operation. */
  public ServiceSelection withOperation(String operation) {
    return new ServiceSelection(service, Optional.ofNullable(operation), resource);
  }

  /** This selection, narrowed to {@code resource}; null for every resource. */
  public ServiceSelection withResource(String resource) {
    return new ServiceSelection(service, operation, Optional.ofNullable(resource));
  }

  StatsQuery query(StatsWindow window) {
    return window.statsQuery().withService(service).withResource(resource.orElse(null));
  }

  boolean matches(StatsKey key) {
    return key.service().equals(service)
        && operation.map(key.name()::equals).orElse(true)
        && resource.map(key.resource()::equals).orElse(true);
  }
}
