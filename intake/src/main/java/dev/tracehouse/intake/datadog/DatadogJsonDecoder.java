package dev.tracehouse.intake.datadog;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.model.Span;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Decodes a JSON body of the v0.4 layout (what the real agent accepts on {@code /v0.3} and {@code
 * /v0.4} when {@code Content-Type} is JSON): an array of chunks, each an array of span objects with
 * the same keys as {@link DatadogV04Decoder}. Ids are JSON integers up to 2^64-1, parsed as
 * unsigned decimal text (never through a double); times may also be floats. Streaming, so memory
 * stays proportional to the spans, not to the parse.
 */
public final class DatadogJsonDecoder implements SpanDecoder {
  public static final String CONTENT_TYPE = "application/json";

  /** Spans nest 4 levels; native span events about 9. */
  private static final int MAX_NESTING = 32;

  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
              .build());

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public List<List<Span>> decodeChunks(ByteBuffer body) {
    Objects.requireNonNull(body, "body");
    if (!body.hasRemaining()) {
      throw new MalformedPayloadException("empty body: expected a JSON array of traces", 0);
    }
    byte[] bytes = new byte[body.remaining()];
    body.duplicate().get(bytes);
    JsonTraceReader reader = null;
    try (JsonParser parser = MAPPER.createParser(bytes)) {
      reader = new JsonTraceReader(parser, MAPPER);
      return reader.read();
    } catch (JsonProcessingException e) {
      long offset = e.getLocation() == null ? 0 : e.getLocation().getByteOffset();
      String where = reader == null ? "payload" : reader.where();
      throw new MalformedPayloadException(
          where + ": invalid JSON: " + e.getOriginalMessage(),
          Math.max(0, Math.min(offset, bytes.length)),
          e);
    } catch (IOException e) {
      throw new MalformedPayloadException("cannot read the JSON body: " + e.getMessage(), 0, e);
    }
  }
}
