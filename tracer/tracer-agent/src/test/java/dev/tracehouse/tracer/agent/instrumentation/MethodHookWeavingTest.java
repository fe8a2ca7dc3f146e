package dev.tracehouse.tracer.agent.instrumentation;

import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.argument;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.enterState;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.field;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.originClass;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.originMethod;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.returned;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.self;
import static dev.tracehouse.tracer.agent.instrumentation.HookArgument.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

class MethodHookWeavingTest {
  private static final MethodHook.Selector ANY_INSTANCE =
      (access, name, descriptor) -> (access & Opcodes.ACC_STATIC) == 0 && !name.equals("<init>");
  private static final MethodHook.Selector ANY_STATIC =
      (access, name, descriptor) -> (access & Opcodes.ACC_STATIC) != 0 && !name.equals("<clinit>");

  private static final MethodHook ENTER_EXIT =
      MethodHook.on(ANY_INSTANCE)
          .enter(HookRecorder.class, "enter", self(), originMethod())
          .exit(HookRecorder.class, "exit", enterState(), returned(), thrown());

  @BeforeEach
  void clear() {
    HookRecorder.CALLS.clear();
  }

  @Test
  void exitHookGetsEveryReturnValue_boxed_andTheMethodStillReturnsIt() throws Exception {
    Object sample = woven(ENTER_EXIT);

    assertReturns(sample, "plusOne", 6, 5);
    assertReturns(sample, "sum", 12L, 3L, 4.5, "abcde");
    assertReturns(sample, "half", 1.5, 3.0);
    assertReturns(sample, "third", 1.0f, 3.0f);
    assertReturns(sample, "not", false, true);
    assertReturns(sample, "next", 'b', 'a');
    assertReturns(sample, "small", (byte) 8, (byte) 7);
    assertReturns(sample, "medium", (short) 8, (short) 7);
    assertReturns(sample, "sign", -1, -4);
    assertReturns(sample, "sign", 0, 0);
    assertReturns(sample, "nothing", null);
    Object array = call(sample, "array", 3);
    assertThat((int[]) array).hasSize(3);
    assertThat(lastCall()).containsExactly("exit", "state of array(I)[I", array, null);
  }

  @Test
  void enterHookGetsThisAndTheMethod_beforeTheBodyRuns() throws Exception {
    Object sample = woven(ENTER_EXIT);

    call(sample, "nothing");

    assertThat(HookRecorder.CALLS)
        .containsExactly(
            List.of("enter", sample, "nothing()V"),
            Arrays.asList("exit", "state of nothing()V", null, null));
  }

  @Test
  void exceptionsReachTheExitHook_andAreRethrownUnchanged() throws Exception {
    Object sample = woven(ENTER_EXIT);

    Throwable thrown = thrownBy(sample, "fail", "boom");
    assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("boom");
    assertThat(lastCall())
        .containsExactly("exit", "state of fail(Ljava/lang/String;)V", null, thrown);

    Throwable inLoop = thrownBy(sample, "failInLoop", 3);
    assertThat(inLoop).isExactlyInstanceOf(IllegalStateException.class).hasMessage("round 3");
    assertThat(lastCall()).containsExactly("exit", "state of failInLoop(I)I", null, inLoop);
  }

  @Test
  void theMethodsOwnHandlersCatchFirst() throws Exception {
    Object sample = woven(ENTER_EXIT);

    assertReturns(sample, "echo", "caught", (Object) null);
    assertReturns(sample, "echo", "hi", "hi");
  }

  @Test
  void staticMethods_getTheirClassAndName() throws Exception {
    MethodHook hook =
        MethodHook.on(ANY_STATIC)
            .enter(HookRecorder.class, "enterStatic", originClass(), originMethod())
            .exit(HookRecorder.class, "exitStatic", enterState(), thrown());
    Class<?> woven = wovenClass(hook);

    assertThat(woven.getMethod("staticEcho", String.class).invoke(null, "hey")).isEqualTo("hey!");
    assertThat(HookRecorder.CALLS)
        .containsExactly(
            List.of("enter", woven, "staticEcho(Ljava/lang/String;)Ljava/lang/String;"),
            Arrays.asList("exit", "staticEcho(Ljava/lang/String;)Ljava/lang/String;", null));

    Method fail = woven.getMethod("staticFail", long.class);
    assertThatThrownBy(() -> fail.invoke(null, 7L))
        .hasCauseExactlyInstanceOf(UnsupportedOperationException.class);
    assertThat(lastCall().get(2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void argumentsAndFieldsArePassedWithTheirTypes_boxedWhenTheHookTakesObject() throws Exception {
    MethodHook hook =
        MethodHook.on(MethodHook.Selector.publicInstance(Set.of("sum")))
            .enter(
                HookRecorder.class,
                "enterWithValues",
                argument(0),
                argument(1),
                field("flag", "Z"));
    Object sample = woven(hook);

    assertThat(call(sample, "sum", 3L, 4.5, "abcde")).isEqualTo(12L);

    assertThat(HookRecorder.CALLS).containsExactly(List.of("values", 3L, 4.5, true));
  }

  @Test
  void replacing_storesTheHooksResultInTheArgument_afterTheEnterHook() throws Exception {
    MethodHook hook =
        MethodHook.on(MethodHook.Selector.publicInstance(Set.of("sum")))
            .enter(HookRecorder.class, "enter", self(), originMethod())
            .replacing(2, HookRecorder.class, "longer", enterState(), argument(2))
            .exit(HookRecorder.class, "exit", enterState(), returned(), thrown());
    Object sample = woven(hook);

    assertThat(call(sample, "sum", 3L, 4.5, "abcde")).isEqualTo(14L);

    String method = "sum(JDLjava/lang/String;)J";
    assertThat(HookRecorder.CALLS.get(1)).containsExactly("replace", "state of " + method, "abcde");
    assertThat(lastCall()).containsExactly("exit", "state of " + method, 14L, null);
  }

  @Test
  void exitWithoutThrowable_runsOnReturnsOnly() throws Exception {
    MethodHook hook =
        MethodHook.on(ANY_INSTANCE).exit(HookRecorder.class, "returnedOnly", returned());
    Object sample = woven(hook);

    assertThat(call(sample, "plusOne", 2)).isEqualTo(3);
    thrownBy(sample, "fail", "boom");

    assertThat(HookRecorder.CALLS).containsExactly(List.of("returned", 3));
  }

  @Test
  void annotatedWith_weavesOnlyAnnotatedMethods() throws Exception {
    Object sample =
        woven(
            ENTER_EXIT.annotatedWith("L" + ClassFiles.internalName(HookSample.Marked.class) + ";"));

    call(sample, "plusOne", 1);
    assertThat(HookRecorder.CALLS).isEmpty();
    call(sample, "echo", "x");
    assertThat(HookRecorder.CALLS).hasSize(2);
  }

  @Test
  void aClassWithNoSelectedMethod_isLeftUnchanged() throws Exception {
    MethodHook hook =
        MethodHook.on(MethodHook.Selector.publicInstance(Set.of("absent")))
            .exit(HookRecorder.class, "returnedOnly", returned());

    assertThat(EntryWeaver.weave(ClassFiles.of(HookSample.class), List.of(), List.of(hook)))
        .isNull();
  }

  @Test
  void refusesHooksThatCannotBeWoven() {
    MethodHook on = MethodHook.on(ANY_INSTANCE);
    assertThatThrownBy(() -> on.exit(HookRecorder.class, "notReturningVoid", enterState()))
        .hasMessageContaining("must return void");
    assertThatThrownBy(() -> on.exit(HookRecorder.class, "wrongThrown", returned(), thrown()))
        .hasMessageContaining("cannot take THROWN");
    assertThatThrownBy(() -> on.exit(HookRecorder.class, "exitStatic", enterState(), thrown()))
        .hasMessageContaining("cannot take ENTER_STATE");
    MethodHook objectState =
        on.enter(HookRecorder.class, "enterStatic", originClass(), originMethod());
    assertThatThrownBy(
            () -> objectState.replacing(0, HookRecorder.class, "longer", enterState(), argument(0)))
        .hasMessageContaining("cannot take ENTER_STATE");
    assertThatThrownBy(() -> on.enter(HookRecorder.class, "enter", self(), thrown()))
        .hasMessageContaining("THROWN is for exit hooks");
    assertThatThrownBy(() -> on.enter(HookRecorder.class, "enter", self()))
        .hasMessageContaining("hook takes 2 values, 1 given");
    assertThatThrownBy(() -> on.enter(HookRecorder.class, "missing"))
        .hasMessageContaining("no public static hook");
    assertThatThrownBy(() -> new TypeHooks(Set.of(), null, facts -> true, List.of(on)))
        .hasMessageContaining("without enter or exit");
  }

  private static void assertReturns(Object sample, String method, Object expected, Object... args)
      throws Exception {
    assertThat(call(sample, method, args)).isEqualTo(expected);
    List<Object> exit = lastCall();
    assertThat(exit.get(0)).isEqualTo("exit");
    assertThat(exit.get(2)).isEqualTo(expected);
    assertThat(exit.get(3)).isNull();
  }

  private static List<Object> lastCall() {
    return HookRecorder.CALLS.get(HookRecorder.CALLS.size() - 1);
  }

  private static Throwable thrownBy(Object sample, String method, Object... args) {
    try {
      call(sample, method, args);
    } catch (InvocationTargetException e) {
      return e.getCause();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(method + " did not throw");
  }

  private static Object call(Object sample, String name, Object... args)
      throws ReflectiveOperationException {
    for (Method method : sample.getClass().getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == args.length) {
        return method.invoke(sample, args);
      }
    }
    throw new NoSuchMethodException(name);
  }

  private static Object woven(MethodHook hook) throws Exception {
    return wovenClass(hook).getConstructor().newInstance();
  }

  private static Class<?> wovenClass(MethodHook hook) throws IOException {
    byte[] woven = EntryWeaver.weave(ClassFiles.of(HookSample.class), List.of(), List.of(hook));
    return ClassFiles.defineWoven(HookSample.class, woven);
  }
}
