package dev.tracehouse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Acceptance: malformed trace payloads earn a 400 with a JSON error; the server keeps serving. */
@ExtendWith(DemoStackExtension.class)
class MalformedPayloadIT {

  private static final Map<String, byte[]> MALFORMED =
      Map.of(
          "not msgpack", "this is not msgpack".getBytes(),
          "truncated", new byte[] {(byte) 0x91, (byte) 0x91, (byte) 0x8c, (byte) 0xa7, 's'},
          "a map instead of an array of traces", new byte[] {(byte) 0x81, (byte) 0xa1, 'a', 1},
          "a span that is not a map", new byte[] {(byte) 0x91, (byte) 0x91, 0x05},
          "an array header claiming 4 billion items",
              new byte[] {(byte) 0xdd, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff},
          "empty body", new byte[0]);

  @Test
  void malformedPayloads_get400AndServerKeepsServing(DemoStack demo) {
    MALFORMED.forEach(
        (what, body) -> {
          Http.Reply reply = Http.put(demo.intake("/v0.4/traces"), "application/msgpack", body);
          assertThat(reply.status()).as(what + ": " + reply.body()).isEqualTo(400);
          assertThat(reply.json().path("error").asText()).as(what).isNotBlank();
        });

    Http.Reply probe =
        Http.put(
            demo.intake("/v0.4/traces"),
            "application/msgpack",
            new byte[] {(byte) 0x92, (byte) 0x90, (byte) 0x90});
    assertThat(probe.status()).isEqualTo(200);
    assertThat(Http.get(demo.intake("/info")).status()).isEqualTo(200);
    assertThat(Http.get(demo.web("/api/services")).status()).isEqualTo(200);
  }

  @Test
  void unknownPath_gets404(DemoStack demo) {
    Http.Reply reply =
        Http.put(demo.intake("/v9.9/traces"), "application/msgpack", new byte[] {(byte) 0x90});
    assertThat(reply.status()).isEqualTo(404);
  }
}
