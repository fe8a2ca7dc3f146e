// The details panel (#span-details) for the selected span: ids, timing, error, tags, metrics.
import { el } from './dom.js';
import { formatDuration, formatTimestamp } from './format.js';

const ERROR_TAGS = ['error.type', 'error.message', 'error.msg', 'error.stack'];

export function spanDetailsPanel() {
  return el('aside', { class: 'card details', id: 'span-details' },
    el('div', { class: 'details-empty muted' }, 'Select a span to see its details.'));
}

export function showSpanDetails(panel, span, { traceStart, color }) {
  const meta = Object.entries(span.meta);
  const tags = meta.filter(([key]) => !ERROR_TAGS.includes(key));
  const metrics = Object.entries(span.metrics);
  const parts = [
    el('div', { class: 'details-head' },
      el('div', { class: 'details-service' },
        el('span', { class: 'swatch', style: { background: color } }), span.service),
      el('h2', {}, span.name),
      el('div', { class: 'details-resource mono' }, span.resource)),
    errorBox(span),
    section('Span', keyValues([
      ['span id', span.spanId],
      ['parent id', span.parentId],
      ['trace id', span.traceId],
      ['type', span.type || '—'],
      ['start', `${formatTimestamp(span.start)} (+${formatDuration(span.start - traceStart)})`],
      ['duration', formatDuration(span.duration)],
      ['error', span.error ? 'true' : 'false'],
    ], false)),
    section(`Tags (${tags.length})`, keyValues(tags)),
    section(`Metrics (${metrics.length})`, keyValues(metrics)),
  ];
  // replaceChildren would print a missing part (no error box) as the text "null".
  panel.replaceChildren(...parts.filter((part) => part != null));
  if (window.innerWidth < 1100) panel.scrollIntoView({ block: 'nearest' });
}

function errorBox(span) {
  const { meta } = span;
  const message = meta['error.message'] ?? meta['error.msg'];
  const hasDetail = ERROR_TAGS.some((key) => key in meta);
  if (!span.error && !hasDetail) return null;
  return el('div', { class: 'error-box', id: 'span-error' },
    el('div', { class: 'error-title' }, meta['error.type'] || 'Error'),
    message ? el('div', { class: 'error-message' }, message) : null,
    meta['error.stack'] ? el('pre', { class: 'error-stack' }, meta['error.stack']) : null);
}

function section(title, content) {
  return el('section', { class: 'details-section' }, el('h3', {}, title), content);
}

function keyValues(entries, sorted = true) {
  if (entries.length === 0) return el('div', { class: 'muted small' }, 'None');
  const rows = sorted ? [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : entries;
  return el('table', { class: 'kv' },
    el('tbody', {}, rows.map(([key, value]) => el('tr', {},
      el('th', {}, key),
      el('td', { class: 'mono' }, String(value))))));
}
