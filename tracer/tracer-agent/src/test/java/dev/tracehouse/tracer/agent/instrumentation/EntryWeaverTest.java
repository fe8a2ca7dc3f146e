package dev.tracehouse.tracer.agent.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntryWeaverTest {

  @Test
  void replacesTheFirstArgumentOfHookedMethods_beforeTheirCodeRuns() throws Exception {
    Object executor = wovenExecutor(Runnable.class, "mark").getConstructor().newInstance();
    Runnable task = () -> {};

    executor.getClass().getMethod("execute", Runnable.class).invoke(executor, task);
    executor.getClass().getMethod("execute", Runnable.class, int.class).invoke(executor, task, 3);

    List<Object> seen = seen(executor);
    assertThat(seen).hasSize(4); // the second method loops: one entry per round
    assertThat(seen).allSatisfy(each -> assertThat(each).isInstanceOf(Marked.class));
    assertThat(((Marked) seen.get(0)).task).isSameAs(task);
  }

  @Test
  void leavesOtherMethodsAlone() throws Exception {
    Object executor = wovenExecutor(Runnable.class, "mark").getConstructor().newInstance();
    Runnable task = () -> {};

    executor.getClass().getMethod("submit", Runnable.class).invoke(executor, task);
    executor.getClass().getMethod("execute", String.class).invoke(executor, "sql");
    executor
        .getClass()
        .getMethod("executeStatic", List.class, Runnable.class)
        .invoke(null, seen(executor), task);

    assertThat(seen(executor)).containsExactly(task, "sql", task);
  }

  @Test
  void refusesAHookWithAnotherSignature() {
    assertRefused("wrongReturn");
    assertRefused("missing");
  }

  private static void assertRefused(String hook) {
    assertThatThrownBy(
            () ->
                ArgumentHook.of(
                    Executor.class.getName(), Set.of("execute"), Hooks.class, hook, Runnable.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(hook);
  }

  @Test
  void transformerTouchesOnlyHookedClasses() throws Exception {
    EntryWeaver weaver =
        new EntryWeaver(
            List.of(
                ArgumentHook.of(
                    Executor.class.getName(),
                    Set.of("execute"),
                    Hooks.class,
                    "mark",
                    Runnable.class)));

    assertThat(weaver.transform(null, "some/Other", null, null, ClassFiles.of(Executor.class)))
        .isNull();
    assertThat(
            weaver.transform(
                null,
                ClassFiles.internalName(Executor.class),
                null,
                null,
                ClassFiles.of(Executor.class)))
        .isNotNull();
  }

  private static Class<?> wovenExecutor(Class<?> type, String hook) throws IOException {
    ArgumentHook argumentHook =
        ArgumentHook.of(Executor.class.getName(), Set.of("execute"), Hooks.class, hook, type);
    byte[] woven = EntryWeaver.weave(ClassFiles.of(Executor.class), List.of(argumentHook));
    return ClassFiles.defineWoven(Executor.class, woven);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> seen(Object executor) throws ReflectiveOperationException {
    return (List<Object>) executor.getClass().getField("seen").get(executor);
  }

  /** What the hook returns. */
  public static final class Marked implements Runnable {
    final Runnable task;

    Marked(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      task.run();
    }
  }

  /** Hooks, right and wrong. */
  public static final class Hooks {
    private Hooks() {}

    public static Runnable mark(Runnable task) {
      return new Marked(task);
    }

    public static Object wrongReturn(Runnable task) {
      return task;
    }
  }

  /** The class woven: public instance methods named execute get the hook. */
  public static final class Executor {
    public final List<Object> seen = new ArrayList<>();

    public void execute(Runnable task) {
      seen.add(task);
    }

    public void execute(Runnable task, int times) {
      for (int i = 0; i < times; i++) { // branches: the class's stack map frames must stay valid
        if (i % 2 == 0) {
          seen.add(task);
        } else {
          seen.add(task);
        }
      }
    }

    public void execute(String sql) {
      seen.add(sql);
    }

    public void submit(Runnable task) {
      seen.add(task);
    }

    public static void executeStatic(List<Object> seen, Runnable task) {
      seen.add(task);
    }
  }
}
