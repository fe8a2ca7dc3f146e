package dev.tracehouse.tracer.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import org.junit.jupiter.api.Test;

class LazyAdviceTest {
  private final AtomicInteger reads = new AtomicInteger();
  private final ClassFileLocator counting =
      new ClassFileLocator() {
        private final ClassFileLocator system = ClassFileLocator.ForClassLoader.ofSystemLoader();

        @Override
        public Resolution locate(String name) throws IOException {
          reads.incrementAndGet();
          return system.locate(name);
        }

        @Override
        public void close() throws IOException {
          system.close();
        }
      };

  @Test
  void readsTheAdviceClassOnlyWhenFirstAsked_andThenKeepsTheAdvice() {
    LazyAdvice lazy = LazyAdvice.of(SampleAdvice.class, counting);
    assertThat(reads).as("nothing read at install").hasValue(0);

    Advice first = lazy.get();
    int readsForOne = reads.get();
    assertThat(readsForOne).isPositive();
    assertThat(lazy.get()).isSameAs(first);
    assertThat(reads).as("not read again").hasValue(readsForOne);
  }

  @Test
  void enterAndExitMayComeFromTwoClasses() {
    Advice advice = LazyAdvice.of(SampleAdvice.class, ExitOnly.class, counting).get();
    assertThat(advice).isNotNull();
  }

  static final class SampleAdvice {
    @Advice.OnMethodEnter
    static void enter() {}

    @Advice.OnMethodExit
    static void exit() {}
  }

  static final class ExitOnly {
    @Advice.OnMethodExit
    static void exit() {}
  }
}
