package dev.tracehouse.intake.otlp;

import com.google.protobuf.CodedInputStream;
import dev.tracehouse.intake.MalformedPayloadException;
import dev.tracehouse.intake.SpanDecoder;
import dev.tracehouse.intake.internal.TraceChunks;
import dev.tracehouse.model.Span;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Decodes an OTLP/HTTP protobuf {@code ExportTraceServiceRequest} ({@code POST /v1/traces}, {@code
 * application/x-protobuf}) into spans, mapped as described in the module README. Encoding errors
 * carry the offset where protobuf parsing stopped; errors in field values have offset -1.
 */
public final class OtlpProtoDecoder implements SpanDecoder {
  public static final String CONTENT_TYPE = "application/x-protobuf";

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public List<List<Span>> decodeChunks(ByteBuffer body) {
    return TraceChunks.byTraceId(decode(body));
  }

  @Override
  public List<Span> decode(ByteBuffer body) {
    return OtlpSpanMapper.map(parse(body));
  }

  static ExportTraceServiceRequest parse(ByteBuffer body) {
    CodedInputStream in = CodedInputStream.newInstance(body.duplicate());
    try {
      return ExportTraceServiceRequest.parseFrom(in);
    } catch (IOException e) {
      throw new MalformedPayloadException(
          "invalid ExportTraceServiceRequest protobuf: " + e.getMessage(),
          in.getTotalBytesRead(),
          e);
    }
  }
}
