package dev.tracehouse.web;

import dev.tracehouse.query.stats.Durations;
import dev.tracehouse.query.stats.ServiceSelection;
import dev.tracehouse.query.stats.StatsWindow;
import dev.tracehouse.query.time.TimeRange;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the statistics routes' parameters: {@code from}, {@code to} (epoch ms, ISO-8601 or {@code
 * now-15m}; default the last 15 minutes), {@code env}, the {@code {service}} path part, {@code
 * operation}, {@code resource}, {@code interval} and {@code bins}. A bad value is a 400 naming the
 * parameter.
 */
final class StatsParams {

  static final int DEFAULT_BINS = 40;

  private StatsParams() {}

  static StatsWindow window(Context ctx, Instant now) {
    return valid(
        () -> {
          TimeRange range =
              TimeRange.parse(
                  ctx.queryParam("from"), ctx.queryParam("to"), Clock.fixed(now, ZoneOffset.UTC));
          return new StatsWindow(range.fromMs(), range.toMs(), text(ctx, "env"));
        });
  }

  static ServiceSelection selection(Context ctx) {
    return valid(
        () ->
            ServiceSelection.of(ctx.pathParam("service"))
                .withOperation(text(ctx, "operation").orElse(null))
                .withResource(text(ctx, "resource").orElse(null)));
  }

  static Optional<Duration> interval(Context ctx) {
    return valid(() -> text(ctx, "interval").map(i -> Durations.parse("interval", i)));
  }

  static int bins(Context ctx) {
    Optional<String> raw = text(ctx, "bins");
    try {
      return raw.map(Integer::parseInt).orElse(DEFAULT_BINS);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "bins: not a whole number: '" + ApiRoutes.abbreviate(raw.get()) + "'");
    }
  }

  /** A query parameter; absent and blank are the same. */
  static Optional<String> text(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(s -> !s.isEmpty());
  }

  /** Runs a statistics call, turning its argument errors (which name the parameter) into 400s. */
  static <T> T valid(Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
