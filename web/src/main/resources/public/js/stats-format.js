// Formatting of statistics: weighted counts, rates, latencies (ns, possibly null) and Apdex.
import { formatDuration } from './format.js';

export const DASH = '—';

export function formatRequests(n) {
  return Number.isInteger(n) ? n.toLocaleString() : n.toLocaleString(undefined, { maximumFractionDigits: 1 });
}

export function formatRate(perSecond) {
  const digits = perSecond >= 10 ? { maximumFractionDigits: 0 } : { maximumSignificantDigits: 2 };
  return `${perSecond.toLocaleString(undefined, digits)}/s`;
}

export function formatPercent(ratio) {
  return `${(ratio * 100).toLocaleString(undefined, { maximumFractionDigits: 2 })} %`;
}

export function formatLatency(ns) {
  return ns == null ? DASH : formatDuration(Math.round(ns));
}

export function formatApdex(score) {
  return score == null ? DASH : score.toFixed(2);
}
