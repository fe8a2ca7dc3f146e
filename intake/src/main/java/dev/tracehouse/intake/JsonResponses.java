package dev.tracehouse.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes the JSON bodies of the intake's responses. */
final class JsonResponses {
  static final String JSON = "application/json";

  /** What the real agent answers when it keeps everything (spec/agent-intake.md section 4). */
  private static final byte[] KEEP_ALL_RATES =
      "{\"rate_by_service\":{\"service:,env:\":1}}".getBytes(StandardCharsets.UTF_8);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonResponses() {}

  static void json(Context ctx, int status, byte[] body) {
    ctx.status(status).contentType(JSON).result(body);
  }

  static void rates(Context ctx) {
    json(ctx, 200, KEEP_ALL_RATES);
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
