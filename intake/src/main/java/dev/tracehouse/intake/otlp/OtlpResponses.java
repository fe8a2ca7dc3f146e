package dev.tracehouse.intake.otlp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bodies the OTLP listener answers with, in the request's encoding. Success: an empty {@code
 * Export*ServiceResponse} (zero bytes, or {@code {}}). Errors: for protobuf requests a {@code
 * google.rpc.Status} message (gRPC code + message), as the OTLP/HTTP spec asks; for JSON requests
 * and requests of no known type the project's JSON {@code {"error": "...", "offset": n}}.
 */
final class OtlpResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

  private OtlpResponses() {}

  static void ok(Context ctx, OtlpFormat format) {
    body(ctx, 200, format, format == OtlpFormat.PROTOBUF ? new byte[0] : EMPTY_JSON);
  }

  /** 200 with a partial success: {@code rejected} items of the signal were not kept. */
  static void partial(Context ctx, OtlpFormat format, OtlpSignal signal, long rejected) {
    String message = signal.notStoredMessage(rejected);
    if (format == OtlpFormat.PROTOBUF) {
      body(ctx, 200, format, signal.protobufResponse(rejected, message));
      return;
    }
    Map<String, Object> partial = new LinkedHashMap<>();
    partial.put(signal.jsonRejectedField(), Long.toString(rejected));
    partial.put("errorMessage", message);
    body(ctx, 200, format, json(Map.of("partialSuccess", partial)));
  }

  /** An error; {@code offset} is left out of JSON when negative (unknown). */
  static void error(Context ctx, int status, OtlpFormat format, String message, long offset) {
    if (format == OtlpFormat.PROTOBUF) {
      body(ctx, status, format, rpcStatus(grpcCode(status), message));
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (offset >= 0) {
      body.put("offset", offset);
    }
    body(ctx, status, OtlpFormat.JSON, json(body));
  }

  private static int grpcCode(int status) {
    return switch (status) {
      case 400, 415 -> 3; // INVALID_ARGUMENT
      case 413, 429 -> 8; // RESOURCE_EXHAUSTED
      case 503 -> 14; // UNAVAILABLE
      case 404 -> 12; // UNIMPLEMENTED
      default -> 13; // INTERNAL
    };
  }

  /** {@code google.rpc.Status}: field 1 int32 code, field 2 string message. */
  private static byte[] rpcStatus(int code, String message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeInt32(1, code);
      out.writeBytes(2, ByteString.copyFromUtf8(message));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void body(Context ctx, int status, OtlpFormat format, byte[] body) {
    ctx.status(status).contentType(format.contentType).result(body);
  }

  private static byte[] json(Map<String, ?> body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a response body", e);
    }
  }
}
