// The service list: every service with requests in the window, with its headline statistics.
import { el, errorBanner } from './dom.js';
import { fetchServiceStats } from './stats-api.js';
import { formatApdex, formatLatency, formatPercent, formatRate, formatRequests } from './stats-format.js';
import { currentWindow, windowControls } from './time-window.js';

const COLUMNS = ['Service', 'Requests', 'Req/s', 'Errors', 'Error rate', 'p50', 'p95', 'p99', 'Apdex'];

export function renderServiceList(root) {
  let latestRequest = 0;
  const message = el('div');
  const body = el('tbody');
  root.append(
    el('div', { class: 'page-header' },
      el('h1', {}, 'Services'),
      el('div', { class: 'toolbar' },
        windowControls(() => refresh()),
        el('button', { type: 'button', class: 'button', onclick: () => refresh() }, 'Refresh'))),
    message,
    el('div', { class: 'card' },
      el('table', { class: 'trace-table', id: 'service-table' },
        el('thead', {}, el('tr', {}, COLUMNS.map((c, i) => el('th', { class: i > 0 ? 'num' : '' }, c)))),
        body)));

  async function refresh() {
    const request = ++latestRequest;
    try {
      const rows = await fetchServiceStats(currentWindow());
      if (request !== latestRequest) return;
      message.replaceChildren();
      body.replaceChildren(...(rows.length ? rows.map(serviceRow) : [emptyRow()]));
    } catch (e) {
      if (request === latestRequest) message.replaceChildren(errorBanner(`Could not load services: ${e.message}`));
    }
  }

  refresh();
  return () => { latestRequest = -1; };
}

function emptyRow() {
  return el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'empty' },
    'No requests in this window. Statistics appear about 20 s after traffic arrives.'));
}

function serviceRow({ name, measures: m }) {
  const open = () => { location.hash = `#/services/${encodeURIComponent(name)}`; };
  return el('tr', {
    class: m.errors > 0 ? 'trace-row has-error' : 'trace-row',
    dataset: { service: name },
    tabindex: 0,
    onclick: open,
    onkeydown: (e) => { if (e.key === 'Enter') open(); },
  },
  el('td', {}, el('a', { class: 'service-name', href: `#/services/${encodeURIComponent(name)}` }, name)),
  el('td', { class: 'num mono' }, formatRequests(m.requests)),
  el('td', { class: 'num mono' }, formatRate(m.requestsPerSecond)),
  el('td', { class: 'num mono' }, formatRequests(m.errors)),
  el('td', { class: 'num mono' }, formatPercent(m.errorRate)),
  el('td', { class: 'num mono' }, formatLatency(m.p50)),
  el('td', { class: 'num mono' }, formatLatency(m.p95)),
  el('td', { class: 'num mono' }, formatLatency(m.p99)),
  el('td', { class: 'num mono' }, formatApdex(m.apdex)));
}
