package dev.tracehouse.tracer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * W3C trace context: {@code traceparent: 00-<32 hex trace id>-<16 hex span id>-<flags>} and {@code
 * tracestate} led by Datadog's {@code dd=} member ({@code s:<priority>;p:<span hex>;t.dm:<dm>;
 * t.tid:<high hex>}), followed by the other vendors' members received from upstream. Extraction
 * never throws; an unusable {@code tracestate} is dropped while a valid {@code traceparent} is
 * kept.
 */
final class TraceContextPropagator {

  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";

  /** W3C limits: list members, and the length we accept and send. */
  static final int MAX_MEMBERS = 32;

  static final int MAX_TRACESTATE_LENGTH = 512;

  private static final int TRACEPARENT_LENGTH = 55;

  private TraceContextPropagator() {}

  static void inject(CoreSpan span, Map<String, String> headers) {
    PendingTrace trace = span.trace();
    SamplingDecision sampling = trace.sampling();
    int priority = sampling.priority();
    String spanHex = Hex.of(span.spanId());
    headers.put(
        TRACEPARENT,
        "00-"
            + Hex.of(trace.traceIdHigh())
            + Hex.of(trace.traceIdLow())
            + "-"
            + spanHex
            + (priority > 0 ? "-01" : "-00"));
    StringBuilder state = new StringBuilder("dd=s:").append(priority).append(";p:").append(spanHex);
    if (sampling.decisionMaker() != null) {
      state.append(";t.dm:").append(sampling.decisionMaker());
    }
    if (trace.traceIdHigh() != 0) {
      state.append(";t.tid:").append(Hex.of(trace.traceIdHigh()));
    }
    if (sampling.knuthRate() != null) {
      state.append(";t.ksr:").append(sampling.knuthRate());
    }
    int members = 1;
    for (String member : members(trace.vendorState())) {
      if (members == MAX_MEMBERS || state.length() + 1 + member.length() > MAX_TRACESTATE_LENGTH) {
        break;
      }
      state.append(',').append(member);
      members++;
    }
    headers.put(TRACESTATE, state.toString());
  }

  static Optional<SpanContext> extract(Function<String, String> header) {
    String parent = header.apply(TRACEPARENT);
    if (parent == null) {
      return Optional.empty();
    }
    parent = parent.trim();
    if (!validTraceparent(parent)) {
      return Optional.empty();
    }
    long high = Hex.parse(parent.substring(3, 19));
    long low = Hex.parse(parent.substring(19, 35));
    long spanId = Hex.parse(parent.substring(36, 52));
    if (low == 0 || spanId == 0) {
      return Optional.empty();
    }
    boolean sampled = (Integer.parseInt(parent.substring(53, 55), 16) & 1) == 1;
    List<String> vendors = new ArrayList<>();
    String dd = splitState(header.apply(TRACESTATE), vendors);
    Map<String, String> ddValues = DdMember.parse(dd);
    int priority = priority(sampled, ddValues.get("s"));
    String decisionMaker = DatadogPropagator.parseDecisionMaker(ddValues.get("t.dm"));
    return Optional.of(
        new SpanContext(high, low, spanId, priority, decisionMaker, String.join(",", vendors)));
  }

  /**
   * Version, ids and flags in lower-case hex; version ff is invalid; 00 has nothing after flags.
   */
  private static boolean validTraceparent(String value) {
    if (value.length() < TRACEPARENT_LENGTH
        || value.charAt(2) != '-'
        || value.charAt(35) != '-'
        || value.charAt(52) != '-') {
      return false;
    }
    String version = value.substring(0, 2);
    if (!Hex.isHex(version, 2, false) || version.equals("ff")) {
      return false;
    }
    if (value.length() > TRACEPARENT_LENGTH
        && (version.equals("00") || value.charAt(TRACEPARENT_LENGTH) != '-')) {
      return false;
    }
    return Hex.isHex(value.substring(3, 35), 32, false)
        && Hex.isHex(value.substring(36, 52), 16, false)
        && Hex.isHex(value.substring(53, 55), 2, false);
  }

  /**
   * Splits {@code tracestate} into the {@code dd} member's value (returned, or null) and the other
   * members (added to {@code vendors}); nothing at all when the header is oversize, has more than
   * 32 members or a member without {@code key=value}.
   */
  private static String splitState(String state, List<String> vendors) {
    if (state == null || state.length() > MAX_TRACESTATE_LENGTH) {
      return null;
    }
    String dd = null;
    List<String> others = new ArrayList<>();
    int count = 0;
    for (String member : members(state)) {
      int eq = member.indexOf('=');
      if (eq <= 0 || eq == member.length() - 1 || ++count > MAX_MEMBERS) {
        return null;
      }
      if (member.substring(0, eq).equals("dd")) {
        dd = member.substring(eq + 1);
      } else {
        others.add(member);
      }
    }
    vendors.addAll(others);
    return dd;
  }

  private static List<String> members(String state) {
    List<String> members = new ArrayList<>();
    for (String member : state.split(",")) {
      String trimmed = member.trim();
      if (!trimmed.isEmpty()) {
        members.add(trimmed);
      }
    }
    return members;
  }

  /** {@code s:} when it agrees with the sampled flag, else 1 (sampled) or 0 (not sampled). */
  private static int priority(boolean sampled, String ddPriority) {
    int fallback = sampled ? 1 : 0;
    if (!isSmallInteger(ddPriority)) {
      return fallback;
    }
    int priority = Integer.parseInt(ddPriority);
    return (priority > 0) == sampled ? priority : fallback;
  }

  /** An optional {@code -} and 1 or 2 digits (checked by hand: no regex per request). */
  private static boolean isSmallInteger(String value) {
    if (value == null) {
      return false;
    }
    int digits = value.startsWith("-") ? 1 : 0;
    if (value.length() - digits < 1 || value.length() - digits > 2) {
      return false;
    }
    for (int i = digits; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
