// The trace view: summary header, service legend, waterfall and the span details panel.
import { fetchServices, fetchTrace } from './api.js';
import { serviceColors } from './colors.js';
import { el, errorBanner } from './dom.js';
import { formatCount, formatDuration, formatTimestamp } from './format.js';
import { showSpanDetails, spanDetailsPanel } from './span-details.js';
import { flattenSpans } from './tree.js';
import { renderWaterfall } from './waterfall.js';

export function renderTraceView(root, traceId) {
  let alive = true;
  const content = el('div', { class: 'muted loading' }, 'Loading trace…');
  root.append(el('a', { href: '#/', class: 'back-link' }, '← All traces'), content);
  Promise.all([fetchTrace(traceId), fetchServices().catch(() => [])])
    .then(([trace, services]) => {
      if (alive) content.replaceWith(traceContent(trace, services));
    })
    .catch((e) => {
      if (alive) content.replaceWith(errorBanner(`Could not load trace ${traceId}: ${e.message}`));
    });
  return () => { alive = false; };
}

function traceContent(trace, knownServices) {
  const rows = flattenSpans(trace.spans);
  const spans = rows.map((r) => r.span);
  const colors = serviceColors([...knownServices, ...spans.map((s) => s.service)]);
  const start = spans.reduce((min, s) => Math.min(min, s.start), Infinity);
  const end = spans.reduce((max, s) => Math.max(max, s.start + s.duration), -Infinity);
  const details = spanDetailsPanel();
  const waterfall = renderWaterfall(rows, {
    start,
    end,
    colors,
    onSelect: (span) => showSpanDetails(details, span, { traceStart: start, color: colors.get(span.service) }),
  });
  return el('div', { class: 'trace-view' },
    header(trace, rows[0].span, start, end),
    legend(spans, colors),
    el('div', { class: 'trace-layout' }, waterfall, details));
}

function header(trace, root, start, end) {
  const errors = trace.spans.filter((s) => s.error).length;
  const services = new Set(trace.spans.map((s) => s.service)).size;
  return el('section', { class: 'trace-header card', id: 'trace-header' },
    el('div', { class: 'trace-title' },
      el('span', { class: 'service-name' }, root.service),
      el('h1', {}, root.resource || root.name),
      el('span', { class: 'muted' }, root.name)),
    el('div', { class: 'stats' },
      stat('Duration', formatDuration(end - start)),
      stat('Spans', trace.spans.length),
      stat('Errors', errors, errors > 0 ? 'stat-error' : ''),
      stat('Services', services),
      stat('Started', formatTimestamp(start)),
      stat('Trace ID', trace.traceId, 'stat-id')));
}

function stat(label, value, extra = '') {
  return el('div', { class: `stat ${extra}` },
    el('div', { class: 'stat-label' }, label),
    el('div', { class: 'stat-value' }, value));
}

function legend(spans, colors) {
  const counts = new Map();
  spans.forEach((s) => counts.set(s.service, (counts.get(s.service) || 0) + 1));
  return el('div', { class: 'legend', id: 'service-legend' },
    [...counts].map(([service, count]) => el('span', { class: 'legend-item', dataset: { service } },
      el('span', { class: 'swatch', style: { background: colors.get(service) } }),
      service || '(no service)',
      el('span', { class: 'muted' }, formatCount(count, 'span')))));
}
