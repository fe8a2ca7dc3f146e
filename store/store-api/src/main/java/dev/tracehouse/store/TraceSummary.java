package dev.tracehouse.store;

import dev.tracehouse.model.TraceId;
import java.util.List;

/**
 * One row of a trace list.
 *
 * @param traceId the trace
 * @param rootService service of the root span (the earliest span when no root was stored)
 * @param rootName operation name of that span
 * @param rootResource resource of that span
 * @param start earliest span start, ns since epoch
 * @param duration latest span end minus earliest start, ns
 * @param spanCount number of stored spans
 * @param errorCount number of error spans
 * @param services every service in the trace, sorted
 */
public record TraceSummary(
    TraceId traceId,
    String rootService,
    String rootName,
    String rootResource,
    long start,
    long duration,
    int spanCount,
    int errorCount,
    List<String> services) {

  public TraceSummary {
    services = List.copyOf(services);
  }
}
