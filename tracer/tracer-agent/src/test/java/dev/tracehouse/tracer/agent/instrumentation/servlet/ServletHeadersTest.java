package dev.tracehouse.tracer.agent.instrumentation.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracehouse.tracer.core.Propagation;
import dev.tracehouse.tracer.core.PropagationStyle;
import dev.tracehouse.tracer.core.SpanContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ServletHeadersTest {

  /** Stands for the servlet API's {@code HttpServletRequest}: a public interface with getHeader. */
  public interface Request {
    String getHeader(String name);
  }

  /** An interface without {@code getHeader}. */
  public interface NotARequest {
    String getMethod();
  }

  /** A request whose header names match in any case, as servlet containers do; records lookups. */
  private static final class FakeRequest implements Request {
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<String> asked = new ArrayList<>();

    FakeRequest(Map<String, String> headers) {
      this.headers.putAll(headers);
    }

    @Override
    public String getHeader(String name) {
      asked.add(name);
      return headers.get(name);
    }
  }

  private final Propagation propagation =
      new Propagation(
          List.of(PropagationStyle.DATADOG),
          List.of(PropagationStyle.DATADOG, PropagationStyle.TRACECONTEXT));

  @Test
  void apply_callsGetHeaderOfTheRequest() {
    FakeRequest request = new FakeRequest(Map.of("X-Datadog-Trace-Id", "5"));

    ServletHeaders headers = ServletHeaders.of(Request.class, request);

    assertThat(headers.apply("x-datadog-trace-id")).isEqualTo("5");
    assertThat(headers.apply("traceparent")).isNull();
  }

  @Test
  void extract_readsTheContextStraightFromTheRequest() {
    FakeRequest request =
        new FakeRequest(
            Map.of(
                "X-Datadog-Trace-Id", "5",
                "X-Datadog-Parent-Id", "6",
                "X-Datadog-Sampling-Priority", "2",
                "X-Datadog-Tags", "_dd.p.dm=-4"));

    SpanContext context =
        propagation.extract(ServletHeaders.of(Request.class, request)).orElseThrow();

    assertThat(context).isEqualTo(new SpanContext(0, 5, 6, 2, "-4"));
  }

  @Test
  void extract_asksOnlyForTheHeadersTheStylesNeed() {
    FakeRequest request = new FakeRequest(Map.of("Accept", "*/*"));

    assertThat(propagation.extract(ServletHeaders.of(Request.class, request))).isEmpty();
    assertThat(request.asked).containsExactly("x-datadog-trace-id", "traceparent");
  }

  @Test
  void of_rejectsARequestOfAnotherType() {
    assertThatThrownBy(() -> ServletHeaders.of(Request.class, "not a request"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Request.class.getName());
  }

  @Test
  void of_rejectsAnApiWithoutGetHeader() {
    NotARequest request = () -> "GET";

    assertThatThrownBy(() -> ServletHeaders.of(NotARequest.class, request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no public String getHeader(String)");
  }

  @Test
  void apply_passesOnWhatGetHeaderThrows() {
    Request failing =
        name -> {
          throw new IllegalStateException("request already recycled");
        };

    assertThatThrownBy(() -> ServletHeaders.of(Request.class, failing).apply("traceparent"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("request already recycled");
  }
}
