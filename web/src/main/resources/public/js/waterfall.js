// The waterfall: one row per span, indented by depth, with a bar on the trace's time axis.
import { el } from './dom.js';
import { formatDuration } from './format.js';

const TICKS = 4;
const INDENT_PX = 16;

export function renderWaterfall(rows, { start, end, colors, onSelect }) {
  const total = Math.max(end - start, 1);
  let selected = null;
  const select = (row, span) => {
    selected?.classList.remove('is-selected');
    selected = row;
    row.classList.add('is-selected');
    onSelect(span);
  };
  const body = el('div', { class: 'wf-body' },
    rows.map(({ span, depth, orphan }) => spanRow(span, depth, orphan, { start, total, colors, select })));
  return el('section', { class: 'card waterfall', id: 'waterfall' }, axis(total), body);
}

function axis(total) {
  const ticks = [];
  for (let i = 0; i <= TICKS; i++) {
    const at = (i / TICKS) * 100;
    ticks.push(el('span', { class: 'wf-tick', style: i === TICKS ? { right: '0' } : { left: `${at}%` } },
      i === 0 ? '0' : formatDuration(Math.round((total * i) / TICKS))));
  }
  return el('div', { class: 'wf-row wf-axis' },
    el('div', { class: 'wf-label' }, 'Service · Operation · Resource'),
    el('div', { class: 'wf-timeline' }, ticks));
}

function spanRow(span, depth, orphan, { start, total, colors, select }) {
  const left = ((span.start - start) / total) * 100;
  const width = Math.max((span.duration / total) * 100, 0.2);
  const color = colors.get(span.service);
  const row = el('div', {
    class: span.error ? 'wf-row wf-span is-error' : 'wf-row wf-span',
    dataset: { spanId: span.spanId, service: span.service },
    tabindex: 0,
    role: 'button',
    onclick: () => select(row, span),
    onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(row, span); } },
  },
  el('div', { class: 'wf-label', style: { paddingLeft: `${10 + depth * INDENT_PX}px` } },
    el('span', { class: 'swatch', style: { background: color } }),
    el('span', { class: 'wf-service' }, span.service),
    el('span', { class: 'wf-name' }, span.name),
    span.resource && span.resource !== span.name
      ? el('span', { class: 'wf-resource', title: span.resource }, span.resource) : null,
    span.error ? el('span', { class: 'badge badge-error' }, 'error') : null,
    orphan ? el('span', { class: 'badge badge-muted', title: 'Parent span not found in this trace' }, 'orphan') : null),
  el('div', { class: 'wf-timeline' },
    el('div', { class: 'wf-bar', style: { left: `${left}%`, width: `${width}%`, background: span.error ? '' : color } }),
    durationLabel(span.duration, left, width)));
  return row;
}

// Right of the bar when there is room, else left of it, else inside it.
function durationLabel(duration, left, width) {
  const text = formatDuration(duration);
  if (left + width < 80) return el('span', { class: 'wf-duration', style: { left: `calc(${left + width}% + 6px)` } }, text);
  if (left > 15) return el('span', { class: 'wf-duration', style: { right: `calc(${100 - left}% + 6px)` } }, text);
  return el('span', { class: 'wf-duration wf-duration-inside', style: { right: `calc(${100 - left - width}% + 6px)` } }, text);
}
