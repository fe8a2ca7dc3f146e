package dev.tracehouse.demo.cafe;

import io.javalin.config.RoutesConfig;
import io.javalin.http.BadGatewayResponse;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;

/** The cafe's HTTP endpoints. Errors are thrown as Javalin responses and rendered as JSON. */
final class CafeApi {

  static final int MAX_NAME_LENGTH = 64;

  private final CafeDatabase database;
  private final Matchmaker matchmaker;

  CafeApi(CafeDatabase database, Matchmaker matchmaker) {
    this.database = database;
    this.matchmaker = matchmaker;
  }

  void register(RoutesConfig routes) {
    routes.get("/ping", ctx -> ctx.json(Map.of("status", "ok")));
    routes.get("/beers", ctx -> ctx.json(Map.of("beers", database.beers())));
    routes.get("/donuts", ctx -> ctx.json(Map.of("donuts", database.donuts())));
    routes.get("/beers/{name}", this::beer);
    routes.get("/donuts/{name}", this::donut);
    routes.get("/pair/beer", this::pairBeer);
  }

  private void beer(Context ctx) {
    ctx.json(findBeer(checkedName(ctx.pathParam("name"))));
  }

  private void donut(Context ctx) {
    String name = checkedName(ctx.pathParam("name"));
    ctx.json(
        database
            .donut(name)
            .orElseThrow(() -> new NotFoundResponse("no donut named '" + name + "'")));
  }

  private void pairBeer(Context ctx) {
    String name = ctx.queryParam("name");
    if (name == null || name.isBlank()) {
      throw new BadRequestResponse("missing query parameter 'name'");
    }
    Beer beer = findBeer(checkedName(name.trim()));
    try {
      ctx.json(Map.of("match", matchmaker.bestMatch(beer)));
    } catch (Matchmaker.NoMatchException e) {
      throw new BadGatewayResponse("taster failed for every candidate");
    }
  }

  private Beer findBeer(String name) {
    return database
        .beer(name)
        .orElseThrow(() -> new NotFoundResponse("no beer named '" + name + "'"));
  }

  private static String checkedName(String name) {
    if (name.length() > MAX_NAME_LENGTH) {
      throw new BadRequestResponse("name must be at most " + MAX_NAME_LENGTH + " characters");
    }
    return name;
  }
}
