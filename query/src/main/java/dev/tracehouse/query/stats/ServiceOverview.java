package dev.tracehouse.query.stats;

import java.util.List;

/**
 * A service's headline numbers and the operations of its entry spans (for the service page's
 * operation selector).
 *
 * @param service service name
 * @param measures over the selected entry spans
 * @param operations every entry operation of the service in the window, most requests first
 */
public record ServiceOverview(String service, Measures measures, List<Row> operations) {

  public ServiceOverview {
    operations = List.copyOf(operations);
  }
}
