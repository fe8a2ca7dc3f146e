/**
 * The search syntax: {@link dev.tracehouse.query.lang.QueryParser} turns text into a {@link
 * dev.tracehouse.query.lang.Query}, or a {@link dev.tracehouse.query.lang.QueryParseException} with
 * the offset of the error.
 */
package dev.tracehouse.query.lang;
