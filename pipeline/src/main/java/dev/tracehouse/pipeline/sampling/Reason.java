package dev.tracehouse.pipeline.sampling;

import java.util.Locale;

/**
 * Why a span was stored, written to its meta {@value #META_KEY}. The values follow the {@code
 * ingestion_reason} column of {@code spec/apm-model.md} section 7, plus {@code analyzed} for legacy
 * App Analytics events.
 */
public enum Reason {
  /** Kept by an automatic priority: tracer default or agent rate (mechanisms 0, 1, 2). */
  AUTO,
  /** Kept by a user sampling rule, local or remote (mechanisms 3, 6, 7). */
  RULE,
  /** Kept by a manual keep in code (mechanism 4), or USER_KEEP without a decision maker. */
  MANUAL,
  /** Kept for an AppSec security event (mechanism 5). */
  APPSEC,
  /** Kept alone by a single-span sampling rule of a dropped chunk (mechanism 8). */
  SINGLE_SPAN,
  /** Kept by the error sampler after the priority decision dropped the chunk. */
  ERROR,
  /** Kept by the rare sampler. */
  RARE,
  /** An analyzed span (APM event) of a dropped chunk, kept alone. */
  ANALYZED;

  /** The meta key that records the reason on every stored span. */
  public static final String META_KEY = "_dd.ingestion_reason";

  /** The tag value: the lower-case name ({@code single_span} for {@link #SINGLE_SPAN}). */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason for a chunk kept by its priority, from its {@code _dd.p.dm} value. */
  static Reason ofDecisionMaker(String decisionMaker, int priority) {
    switch (decisionMaker) {
      case "-0":
      case "-1":
      case "-2":
        return AUTO;
      case "-3":
      case "-6":
      case "-7":
        return RULE;
      case "-4":
        return MANUAL;
      case "-5":
        return APPSEC;
      default:
        return priority >= 2 ? MANUAL : AUTO;
    }
  }
}
