package dev.tracehouse.query.eval;

import dev.tracehouse.model.TraceId;
import dev.tracehouse.query.plan.Source;
import java.util.List;
import java.util.Optional;

/** The values of one event as the {@link Evaluator} sees them. */
public interface Row {

  /** String values of {@code source}, as stored (not lower-cased). */
  List<String> strings(Source source);

  /** Numeric values of {@code source}, possibly NaN or infinite. */
  List<Double> numbers(Source source);

  Optional<TraceId> traceId();

  /** The span id, 0 for events without one. */
  long spanId();
}
