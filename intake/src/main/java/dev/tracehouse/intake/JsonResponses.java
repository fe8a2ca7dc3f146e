package dev.tracehouse.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the JSON bodies of the intake's responses. */
final class JsonResponses {
  static final String JSON = "application/json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonResponses() {}

  static void json(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType(JSON).result(body);
  }

  /** {@code {"rate_by_service": {...}}} (spec/agent-intake.md section 4). */
  static void rates(Context ctx, Map<String, Double> rateByService) {
    json(ctx, 200, write(Map.of("rate_by_service", rateByService)));
  }

  /** {@code {"error": message}}. */
  static void error(Context ctx, int status, String message) {
    json(ctx, status, write(Map.of("error", message)));
  }

  /** 400 with {@code {"error": message, "offset": n}}. */
  static void malformed(Context ctx, MalformedPayloadException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.getMessage());
    body.put("offset", e.offset());
    json(ctx, 400, write(body));
  }

  private static byte[] write(Map<String, ?> body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response body", e);
    }
  }
}
