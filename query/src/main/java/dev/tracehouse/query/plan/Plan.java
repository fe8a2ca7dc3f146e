package dev.tracehouse.query.plan;

import java.util.List;
import java.util.OptionalLong;

/**
 * A query bound to one event kind: which values of the event are looked at ({@link Source}) and
 * what they must satisfy ({@link Check}). The in-memory evaluator and the SQL compiler both walk
 * this tree, so they share every decision made while binding.
 */
public sealed interface Plan {

  /** Every event. */
  record All() implements Plan {}

  /** No event. */
  record None() implements Plan {}

  /** Every operand holds. */
  record And(List<Plan> operands) implements Plan {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** Some operand holds. */
  record Or(List<Plan> operands) implements Plan {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** The operand does not hold. */
  record Not(Plan operand) implements Plan {}

  /** Some value of {@code source} passes {@code check} (never true when there is no value). */
  record Test(Source source, Check check) implements Plan {}

  /**
   * The event's trace id: low 64 bits equal, and the high 64 bits too when {@code high} is present.
   */
  record TraceIdIs(OptionalLong high, long low) implements Plan {}

  /** The event's trace id is present. */
  record HasTraceId() implements Plan {}

  /** The span's id. */
  record SpanIdIs(long id) implements Plan {}
}
