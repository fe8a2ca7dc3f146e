package dev.tracehouse.demo.taster;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code GET /taste?beer=..&donut=..}: scores a pairing from 1 to 10.
 *
 * <p>Tasting a stout throws on purpose: it is the bug that workshop attendees find by following the
 * trace from the cafe into the taster.
 */
final class TasteHandler implements Handler {

  static final int MIN_SCORE = 1;
  static final int MAX_SCORE = 10;

  @Override
  public void handle(Context ctx) {
    String beer = requiredParam(ctx, "beer");
    String donut = requiredParam(ctx, "donut");
    if (beer.equalsIgnoreCase("stout")) {
      throw new IllegalStateException("this beer is too bitter to pair with " + donut);
    }
    int score = ThreadLocalRandom.current().nextInt(MIN_SCORE, MAX_SCORE + 1);
    ctx.json(Map.of("score", score));
  }

  private static String requiredParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      throw new BadRequestResponse("missing query parameter '" + name + "'");
    }
    return value.trim();
  }
}
