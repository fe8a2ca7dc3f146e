/**
 * Not API: the SQL compilation of a {@link dev.tracehouse.query.plan.Plan}. Callers use {@link
 * dev.tracehouse.query.SearchFilters}.
 */
package dev.tracehouse.query.sql;
