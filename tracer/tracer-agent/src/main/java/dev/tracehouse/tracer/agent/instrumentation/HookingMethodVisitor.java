package dev.tracehouse.tracer.agent.instrumentation;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves one {@link MethodHook} into one method, reading expanded frames ({@code
 * ClassReader.EXPAND_FRAMES}) and writing frames itself, so that no class is loaded to compute
 * them: the enter hook's result goes to a new local just past the method's own ({@code maxLocals}),
 * which every existing frame gets appended; the exit hook runs before each return; when it takes
 * the throwable, the body is covered by catch-all ranges (placed after the method's own handlers,
 * and leaving out the exit code) whose handler calls it and rethrows. The handler's frame lists
 * only the locals the exit hook reads.
 */
final class HookingMethodVisitor extends MethodVisitor {
  private final String owner;
  private final int access;
  private final String name;
  private final String descriptor;
  private final MethodHook hook;
  private final int stateSlot;
  private final int scratchSlot;
  private final List<Label[]> ranges = new ArrayList<>();
  private boolean annotated;
  private boolean active;
  private Label rangeStart;

  /**
   * @param maxLocals the method's {@code max_locals}: the first slot free for the hook's locals
   */
  HookingMethodVisitor(
      MethodVisitor method,
      String owner,
      int access,
      String name,
      String descriptor,
      MethodHook hook,
      int maxLocals) {
    super(Opcodes.ASM9, method);
    this.owner = owner;
    this.access = access;
    this.name = name;
    this.descriptor = descriptor;
    this.hook = hook;
    this.stateSlot = maxLocals;
    this.scratchSlot = maxLocals + 1;
  }

  /** Whether the hooks were woven (the method had code and the annotation asked for). */
  boolean woven() {
    return active;
  }

  @Override
  public org.objectweb.asm.AnnotationVisitor visitAnnotation(String type, boolean visible) {
    if (type.equals(hook.annotation())) {
      annotated = true;
    }
    return super.visitAnnotation(type, visible);
  }

  @Override
  public void visitCode() {
    super.visitCode();
    active = hook.annotation() == null || annotated;
    if (!active) {
      return;
    }
    if (hook.enter() != null) {
      call(hook.enter(), hook.enterArguments(), false);
      if (hook.keepsState()) {
        super.visitVarInsn(Opcodes.ASTORE, stateSlot);
      }
    }
    if (hook.replacement() != null) {
      replaceArgument(hook.replacement());
    }
    if (hook.exit() != null && hook.exitOnThrowable()) {
      rangeStart = new Label();
      super.visitLabel(rangeStart);
    }
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    if (!active || !hook.keepsState()) {
      super.visitFrame(type, numLocal, local, numStack, stack);
      return;
    }
    List<Object> locals = new ArrayList<>();
    int slots = 0;
    for (int i = 0; i < numLocal; i++) {
      locals.add(local[i]);
      slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    padTo(locals, slots);
    super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), numStack, stack);
  }

  @Override
  public void visitInsn(int opcode) {
    if (active && hook.exit() != null && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      boolean covered = hook.exitOnThrowable();
      if (covered) {
        Label end = new Label();
        super.visitLabel(end);
        ranges.add(new Label[] {rangeStart, end});
      }
      Type returnType = Type.getReturnType(descriptor);
      if (returnType.getSort() != Type.VOID && takesReturned()) {
        super.visitInsn(returnType.getSize() == 2 ? Opcodes.DUP2 : Opcodes.DUP);
        super.visitVarInsn(returnType.getOpcode(Opcodes.ISTORE), scratchSlot);
      }
      call(hook.exit(), hook.exitArguments(), false);
      super.visitInsn(opcode);
      if (covered) {
        rangeStart = new Label();
        super.visitLabel(rangeStart);
      }
      return;
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    if (!active) {
      super.visitMaxs(maxStack, maxLocals);
      return;
    }
    if (hook.exit() != null && hook.exitOnThrowable()) {
      Label handler = new Label();
      super.visitLabel(handler);
      ranges.add(new Label[] {rangeStart, handler});
      List<Object> locals = handlerLocals();
      super.visitFrame(
          Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {"java/lang/Throwable"});
      super.visitVarInsn(Opcodes.ASTORE, scratchSlot);
      call(hook.exit(), hook.exitArguments(), true);
      super.visitVarInsn(Opcodes.ALOAD, scratchSlot);
      super.visitInsn(Opcodes.ATHROW);
      for (Label[] range : ranges) {
        if (range[0].getOffset() < range[1].getOffset()) {
          super.visitTryCatchBlock(range[0], range[1], handler, "java/lang/Throwable");
        }
      }
    }
    int replacementArguments =
        hook.replacement() == null ? 0 : hook.replacement().arguments().size();
    int hookStack =
        2 * (hook.enterArguments().size() + hook.exitArguments().size() + replacementArguments) + 4;
    super.visitMaxs(maxStack + hookStack, Math.max(maxLocals, scratchSlot + 2));
  }

  /** {@code arg = (ArgType) replacement(...)}. */
  private void replaceArgument(MethodHook.Replacement replacement) {
    Type[] parameters = Type.getArgumentTypes(descriptor);
    if (replacement.index() >= parameters.length
        || parameters[replacement.index()].getSort() < Type.ARRAY) {
      throw new IllegalArgumentException(
          "no reference argument " + replacement.index() + " in " + name + descriptor);
    }
    call(replacement.hook(), replacement.arguments(), false);
    Type parameter = parameters[replacement.index()];
    if (!parameter.equals(Type.getType(replacement.hook().getReturnType()))) {
      super.visitTypeInsn(Opcodes.CHECKCAST, parameter.getInternalName());
    }
    super.visitVarInsn(Opcodes.ASTORE, slotOf(replacement.index()));
  }

  private int slotOf(int argumentIndex) {
    Type[] parameters = Type.getArgumentTypes(descriptor);
    int slot = (access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
    for (int i = 0; i < argumentIndex; i++) {
      slot += parameters[i].getSize();
    }
    return slot;
  }

  private boolean takesReturned() {
    return hook.exitArguments().stream()
        .anyMatch(each -> each.kind() == HookArgument.Kind.RETURNED);
  }

  /** Locals of the handler's frame: those the exit hook reads, then the state; others TOP. */
  private List<Object> handlerLocals() {
    List<Object> locals = new ArrayList<>();
    boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
    if (!isStatic) {
      locals.add(
          exitReads(HookArgument.Kind.THIS) || exitReads(HookArgument.Kind.FIELD)
              ? owner
              : Opcodes.TOP);
    }
    int slots = locals.size();
    Type[] parameters = Type.getArgumentTypes(descriptor);
    for (int i = 0; i < parameters.length; i++) {
      int index = i;
      boolean read =
          hook.exitArguments().stream()
              .anyMatch(each -> each.kind() == HookArgument.Kind.ARGUMENT && each.index() == index);
      if (read) {
        locals.add(frameType(parameters[i]));
      } else {
        for (int s = 0; s < parameters[i].getSize(); s++) {
          locals.add(Opcodes.TOP);
        }
      }
      slots += parameters[i].getSize();
    }
    padTo(locals, slots);
    return locals;
  }

  /** Pads {@code locals} (covering {@code slots}) with TOP up to the state slot, then the state. */
  private void padTo(List<Object> locals, int slots) {
    if (!hook.keepsState()) {
      return;
    }
    for (int s = slots; s < stateSlot; s++) {
      locals.add(Opcodes.TOP);
    }
    locals.add(Type.getInternalName(hook.enter().getReturnType()));
  }

  private boolean exitReads(HookArgument.Kind kind) {
    return hook.exitArguments().stream().anyMatch(each -> each.kind() == kind);
  }

  /** Pushes the hook's arguments and calls it ({@code thrown}: on the exception path). */
  private void call(java.lang.reflect.Method target, List<HookArgument> arguments, boolean thrown) {
    Class<?>[] types = target.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      push(arguments.get(i), types[i], thrown);
    }
    super.visitMethodInsn(
        Opcodes.INVOKESTATIC,
        Type.getInternalName(target.getDeclaringClass()),
        target.getName(),
        Type.getMethodDescriptor(target),
        false);
  }

  private void push(HookArgument argument, Class<?> parameter, boolean thrown) {
    switch (argument.kind()) {
      case THIS -> {
        requireInstance(argument);
        super.visitVarInsn(Opcodes.ALOAD, 0);
      }
      case ARGUMENT -> {
        Type[] parameters = Type.getArgumentTypes(descriptor);
        if (argument.index() >= parameters.length) {
          throw new IllegalArgumentException(
              "no argument " + argument.index() + " in " + owner + "#" + name + descriptor);
        }
        Type type = parameters[argument.index()];
        super.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slotOf(argument.index()));
        convert(type, parameter);
      }
      case FIELD -> {
        requireInstance(argument);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitFieldInsn(Opcodes.GETFIELD, owner, argument.field(), argument.descriptor());
        convert(Type.getType(argument.descriptor()), parameter);
      }
      case ORIGIN_CLASS -> super.visitLdcInsn(Type.getObjectType(owner));
      case ORIGIN_METHOD -> super.visitLdcInsn(name + descriptor);
      case ENTER_STATE -> super.visitVarInsn(Opcodes.ALOAD, stateSlot);
      case RETURNED -> {
        Type returnType = Type.getReturnType(descriptor);
        if (thrown || returnType.getSort() == Type.VOID) {
          super.visitInsn(Opcodes.ACONST_NULL);
        } else {
          super.visitVarInsn(returnType.getOpcode(Opcodes.ILOAD), scratchSlot);
          convert(returnType, parameter);
        }
      }
      case THROWN -> {
        if (thrown) {
          super.visitVarInsn(Opcodes.ALOAD, scratchSlot);
        } else {
          super.visitInsn(Opcodes.ACONST_NULL);
        }
      }
    }
  }

  private void requireInstance(HookArgument argument) {
    if ((access & Opcodes.ACC_STATIC) != 0) {
      throw new IllegalArgumentException(
          argument.kind() + " in static method " + owner + "#" + name + descriptor);
    }
  }

  /** Boxes a primitive passed as a reference; refuses any other mismatch of primitives. */
  private void convert(Type value, Class<?> parameter) {
    Type wanted = Type.getType(parameter);
    boolean valuePrimitive = value.getSort() < Type.ARRAY;
    if (valuePrimitive && !parameter.isPrimitive()) {
      Type boxed = Boxing.of(value);
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          boxed.getInternalName(),
          "valueOf",
          Type.getMethodDescriptor(boxed, value),
          false);
    } else if (valuePrimitive != parameter.isPrimitive()
        || (valuePrimitive && !value.equals(wanted))) {
      throw new IllegalArgumentException(
          "hook parameter " + parameter.getName() + " cannot take " + value + " in " + name);
    }
  }

  private static Object frameType(Type type) {
    return switch (type.getSort()) {
      case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> Opcodes.INTEGER;
      case Type.FLOAT -> Opcodes.FLOAT;
      case Type.LONG -> Opcodes.LONG;
      case Type.DOUBLE -> Opcodes.DOUBLE;
      case Type.ARRAY -> type.getDescriptor();
      default -> type.getInternalName();
    };
  }
}
