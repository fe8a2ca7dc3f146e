package dev.tracehouse.tracer.core.concurrent;

/** Marks a task that already carries a context, so that it is never wrapped twice. */
interface ContextTask {}
