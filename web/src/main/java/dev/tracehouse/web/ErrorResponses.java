package dev.tracehouse.web;

import dev.tracehouse.store.StoreException;
import dev.tracehouse.store.UnsupportedQueryException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.lang.System.Logger.Level;
import java.util.Map;

/** The one exception handler: every failure becomes a status and {@code {"error": "..."}}. */
final class ErrorResponses {

  private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

  private ErrorResponses() {}

  static void handle(Exception e, Context ctx) {
    if (e instanceof ApiException api) {
      respond(ctx, api.status(), api.getMessage());
    } else if (e instanceof HttpResponseException http) {
      respond(ctx, http.getStatus(), http.getMessage());
    } else if (e instanceof UnsupportedQueryException unsupported) {
      respond(ctx, 400, "the store cannot answer this query: " + unsupported.getMessage());
    } else if (e instanceof StoreException store && store.isOverCapacity()) {
      respond(ctx, 503, "the store is over capacity: " + store.getMessage());
    } else if (e instanceof StoreException store) {
      LOG.log(Level.WARNING, "store failed on " + ctx.method() + " " + ctx.path(), store);
      respond(ctx, 500, "the store failed: " + store.getMessage());
    } else {
      LOG.log(Level.ERROR, "unexpected failure on " + ctx.method() + " " + ctx.path(), e);
      respond(ctx, 500, "internal error");
    }
  }

  private static void respond(Context ctx, int status, String message) {
    ctx.status(status);
    Json.write(ctx, Map.of("error", message == null ? "" : message));
  }
}
