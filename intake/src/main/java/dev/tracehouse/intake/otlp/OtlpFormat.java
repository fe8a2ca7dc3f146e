package dev.tracehouse.intake.otlp;

import java.util.Locale;

/** The two OTLP/HTTP encodings, chosen by the request's {@code Content-Type}. */
enum OtlpFormat {
  PROTOBUF(OtlpProtoDecoder.CONTENT_TYPE),
  JSON(OtlpJsonDecoder.CONTENT_TYPE);

  final String contentType;

  OtlpFormat(String contentType) {
    this.contentType = contentType;
  }

  /** The format of a {@code Content-Type} header (parameters ignored); null when neither. */
  static OtlpFormat of(String contentTypeHeader) {
    if (contentTypeHeader == null) {
      return null;
    }
    int semicolon = contentTypeHeader.indexOf(';');
    String mediaType =
        (semicolon < 0 ? contentTypeHeader : contentTypeHeader.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    for (OtlpFormat format : values()) {
      if (format.contentType.equals(mediaType)) {
        return format;
      }
    }
    return null;
  }
}
