package dev.tracehouse.web;

import dev.tracehouse.store.TraceQuery;
import io.javalin.http.Context;
import java.util.Optional;

/** Reads {@code service}, {@code limit}, {@code from} and {@code to} into a {@link TraceQuery}. */
final class TraceQueryParams {

  static final int DEFAULT_LIMIT = 50;

  private TraceQueryParams() {}

  static TraceQuery parse(Context ctx) {
    String service = ctx.queryParam("service");
    long limit = number(ctx, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > TraceQuery.MAX_LIMIT) {
      throw ApiException.badRequest(
          "limit: must be between 1 and " + TraceQuery.MAX_LIMIT + ", got " + limit);
    }
    long from = number(ctx, "from", 0);
    long to = number(ctx, "to", Long.MAX_VALUE);
    if (from < 0 || to < 0) {
      throw ApiException.badRequest(
          (from < 0 ? "from" : "to") + ": must not be negative (ns since the epoch)");
    }
    if (from > to) {
      throw ApiException.badRequest("from (" + from + ") is after to (" + to + ")");
    }
    return new TraceQuery(Optional.ofNullable(service), from, to, (int) limit);
  }

  private static long number(Context ctx, String name, long defaultValue) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(raw.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          name + ": not a whole number: '" + ApiRoutes.abbreviate(raw) + "'");
    }
  }
}
