/**
 * Not API: the in-memory evaluation of a {@link dev.tracehouse.query.plan.Plan}. Callers use {@link
 * dev.tracehouse.query.SearchFilters}.
 */
package dev.tracehouse.query.eval;
