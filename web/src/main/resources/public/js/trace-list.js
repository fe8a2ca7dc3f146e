// The trace list page: service filter, latest traces, auto-refresh. Rows open the trace view.
import { fetchServices, fetchTraces } from './api.js';
import { el, errorBanner } from './dom.js';
import { formatMillis, formatTimestamp } from './format.js';

const REFRESH_MS = 5000;
const LIMIT = 50;
const COLUMNS = ['Time', 'Service', 'Resource', 'Duration (ms)', 'Spans', 'Errors'];

// Survives navigation to a trace and back.
const state = { service: '', autoRefresh: true };

export function renderTraceList(root) {
  let timer = null;
  let latestRequest = 0;
  const select = el('select', { id: 'service-filter', onchange: () => changeService() });
  const auto = el('input', { type: 'checkbox', id: 'auto-refresh', checked: state.autoRefresh });
  const status = el('span', { class: 'muted small', id: 'list-status' });
  const message = el('div');
  const body = el('tbody');

  root.append(
    el('div', { class: 'page-header' },
      el('h1', {}, 'Traces'),
      el('div', { class: 'toolbar' },
        el('label', { class: 'field' }, el('span', {}, 'Service'), select),
        el('label', { class: 'toggle' }, auto, 'Auto-refresh'),
        el('button', { type: 'button', class: 'button', id: 'refresh', onclick: () => refresh() }, 'Refresh'),
        status)),
    message,
    el('div', { class: 'card' },
      el('table', { class: 'trace-table' },
        el('thead', {}, el('tr', {}, COLUMNS.map((c, i) => el('th', { class: i >= 3 ? 'num' : '' }, c)))),
        body)));

  function changeService() {
    state.service = select.value;
    refresh();
  }

  async function refresh() {
    const request = ++latestRequest;
    try {
      const [services, traces] = await Promise.all([
        fetchServices(),
        fetchTraces({ service: state.service, limit: LIMIT }),
      ]);
      if (request !== latestRequest) return;
      fillServices(select, services);
      fillRows(body, traces);
      message.replaceChildren();
      status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
    } catch (e) {
      if (request === latestRequest) message.replaceChildren(errorBanner(`Could not load traces: ${e.message}`));
    }
  }

  function schedule() {
    clearInterval(timer);
    timer = state.autoRefresh ? setInterval(refresh, REFRESH_MS) : null;
  }

  auto.addEventListener('change', () => {
    state.autoRefresh = auto.checked;
    schedule();
  });
  refresh();
  schedule();
  return () => {
    clearInterval(timer);
    latestRequest = -1;
  };
}

function fillServices(select, services) {
  const wanted = ['', ...services];
  if (state.service && !services.includes(state.service)) wanted.push(state.service);
  const current = [...select.options].map((o) => o.value);
  if (current.join('\n') !== wanted.join('\n')) {
    select.replaceChildren(...wanted.map((s) => el('option', { value: s }, s || 'All services')));
  }
  select.value = state.service;
}

function fillRows(body, traces) {
  if (traces.length === 0) {
    const hint = state.service
      ? `No traces for service "${state.service}" yet.`
      : 'No traces yet. Point a Datadog tracer at this server’s intake (port 8126).';
    body.replaceChildren(el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'empty' }, hint)));
    return;
  }
  const longest = Math.max(...traces.map((t) => t.duration), 1);
  body.replaceChildren(...traces.map((t) => traceRow(t, longest)));
}

function traceRow(trace, longest) {
  const open = () => { location.hash = `#/trace/${trace.traceId}`; };
  const failed = trace.errorCount > 0;
  return el('tr', {
    class: failed ? 'trace-row has-error' : 'trace-row',
    dataset: { traceId: trace.traceId },
    tabindex: 0,
    onclick: open,
    onkeydown: (e) => { if (e.key === 'Enter') open(); },
  },
  el('td', { class: 'mono nowrap' }, formatTimestamp(trace.start)),
  el('td', {}, el('span', { class: 'service-name' }, trace.rootService || '—')),
  el('td', { class: 'resource-cell' },
    el('div', { class: 'resource' }, trace.rootResource || trace.rootName),
    el('div', { class: 'muted small' }, trace.rootName, ` · ${trace.services.join(', ')}`)),
  el('td', { class: 'num' },
    el('div', { class: 'mono' }, formatMillis(trace.duration)),
    el('div', { class: 'mini-bar' }, el('span', { style: { width: `${(trace.duration / longest) * 100}%` } }))),
  el('td', { class: 'num mono' }, trace.spanCount),
  el('td', { class: 'num' }, failed
    ? el('span', { class: 'badge badge-error' }, trace.errorCount)
    : el('span', { class: 'muted mono' }, '0')));
}
