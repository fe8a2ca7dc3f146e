package dev.tracehouse.tracer.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeStackTest {

  private final CoreTracer tracer = InMemoryWriter.tracer(new InMemoryWriter());
  private final ScopeStack stack = new ScopeStack();

  private List<CoreSpan> pushSpans(int count) {
    List<CoreSpan> spans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CoreSpan span = tracer.startDetached("span" + i);
      stack.push(span);
      spans.add(span);
    }
    return spans;
  }

  @Test
  void push_growsBeyondFirstCapacity() {
    List<CoreSpan> spans = pushSpans(20);

    assertThat(stack.active()).isSameAs(spans.get(19));
  }

  @Test
  void remove_takesSpanOutOfTheMiddleKeepingOrder() {
    List<CoreSpan> spans = pushSpans(3);

    stack.remove(spans.get(1));
    stack.remove(spans.get(2));

    assertThat(stack.active()).isSameAs(spans.get(0));
  }

  @Test
  void active_skipsFinishedSpansOnTop() {
    List<CoreSpan> spans = pushSpans(3);

    spans.get(2).close();
    spans.get(1).close();

    assertThat(stack.active()).isSameAs(spans.get(0));
    spans.get(0).close();
    assertThat(stack.active()).isNull();
  }

  @Test
  void active_keepsAResumedSpanThatFinished() {
    CoreSpan handedOver = tracer.startDetached("handed over");
    stack.pushResumed(handedOver);

    handedOver.close();

    assertThat(stack.active()).isSameAs(handedOver);
  }

  @Test
  void truncateAt_removesTheSpanAndEverythingActivatedAfterIt() {
    List<CoreSpan> spans = pushSpans(2);
    CoreSpan handedOver = tracer.startDetached("handed over");
    stack.pushResumed(handedOver);
    pushSpans(2);

    stack.truncateAt(handedOver);

    assertThat(stack.active()).isSameAs(spans.get(1));
  }

  @Test
  void remove_keepsTheResumedMarkOfTheSpansAbove() {
    List<CoreSpan> spans = pushSpans(1);
    CoreSpan handedOver = tracer.startDetached("handed over");
    stack.pushResumed(handedOver);
    handedOver.close();

    stack.remove(spans.get(0));

    assertThat(stack.active()).isSameAs(handedOver);
  }

  @Test
  void isOwnedByCurrentThread_isFalseOnAnotherThread() throws InterruptedException {
    boolean[] owned = new boolean[1];
    Thread other = new Thread(() -> owned[0] = stack.isOwnedByCurrentThread());
    other.start();
    other.join();

    assertThat(owned[0]).isFalse();
    assertThat(stack.isOwnedByCurrentThread()).isTrue();
  }
}
