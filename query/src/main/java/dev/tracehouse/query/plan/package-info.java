/**
 * Not API: the bound form of a query ({@link dev.tracehouse.query.plan.Plan}) shared by the
 * evaluator and the SQL compiler. Callers use {@link dev.tracehouse.query.SearchFilters}.
 */
package dev.tracehouse.query.plan;
