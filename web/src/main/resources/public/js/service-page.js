// The service page: headline numbers, requests/errors and latency over time, latency distribution,
// resources and time spent in downstream services. Everything follows the shared time window.
import { timeChart, histogramChart } from './charts.js';
import { el, errorBanner } from './dom.js';
import {
  fetchDownstream, fetchLatency, fetchResources, fetchServiceOverview, fetchTimeseries,
} from './stats-api.js';
import {
  DASH, formatApdex, formatLatency, formatPercent, formatRate, formatRequests,
} from './stats-format.js';
import { currentWindow, windowControls } from './time-window.js';

const RESOURCE_COLUMNS = ['Resource', 'Requests', 'Req/s', 'Total time', 'Avg', 'p95', 'p99', 'Errors', 'Error rate'];
const DOWNSTREAM_COLUMNS = ['Service', 'Calls', 'Errors', 'Avg latency', 'Time per request', '% of time'];

export function renderServicePage(root, service) {
  let latestRequest = 0;
  let charts = [];
  let operation = '';
  const operations = el('select', { id: 'operation-filter', onchange: () => { operation = operations.value; refresh(); } });
  const message = el('div');
  const stats = el('section', { class: 'card trace-header', id: 'service-stats' });
  const requestsChart = chartCard('Requests and errors', 'chart-requests');
  const latencyChart = chartCard('Latency', 'chart-latency');
  const distribution = chartCard('Latency distribution', 'chart-distribution');
  const resources = el('tbody');
  const downstream = el('div', { id: 'downstream' });

  root.append(
    el('a', { href: '#/services', class: 'back-link' }, '← All services'),
    el('div', { class: 'page-header', id: 'service-header' },
      el('h1', {}, service),
      el('div', { class: 'toolbar' },
        el('label', { class: 'field' }, el('span', {}, 'Operation'), operations),
        windowControls(() => refresh()),
        el('button', { type: 'button', class: 'button', onclick: () => refresh() }, 'Refresh'))),
    message,
    stats,
    el('div', { class: 'chart-grid' }, requestsChart.card, latencyChart.card),
    distribution.card,
    el('section', { class: 'card chart-card' }, el('h2', { class: 'card-title' }, 'Resources'),
      el('table', { class: 'trace-table', id: 'resource-table' },
        el('thead', {}, el('tr', {}, RESOURCE_COLUMNS.map((c, i) => el('th', { class: i > 0 ? 'num' : '' }, c)))),
        resources)),
    el('section', { class: 'card chart-card' }, el('h2', { class: 'card-title' }, 'Time spent in downstream services'),
      downstream));

  async function refresh() {
    const request = ++latestRequest;
    const window = currentWindow();
    try {
      const [overview, series, latency, rows, calls] = await Promise.all([
        fetchServiceOverview(window, service, operation),
        fetchTimeseries(window, service, operation),
        fetchLatency(window, service, operation),
        fetchResources(window, service, operation),
        fetchDownstream(window, service),
      ]);
      if (request !== latestRequest) return;
      message.replaceChildren();
      fillOperations(operations, overview.operations, operation);
      stats.replaceChildren(headline(overview.measures));
      charts.forEach((c) => c.destroy());
      charts = [
        requestsPlot(requestsChart.body, series),
        latencyPlot(latencyChart.body, series),
        ...(latency.bins.length ? [histogramChart(distribution.body, latency.bins, { formatX: formatLatency, formatY: formatRequests })] : []),
      ];
      distribution.note.textContent = latency.bins.length
        ? `p50 ${formatLatency(latency.measures.p50)} · p95 ${formatLatency(latency.measures.p95)} · p99 ${formatLatency(latency.measures.p99)}`
        : 'No requests in this window.';
      resources.replaceChildren(...(rows.length ? rows.map(resourceRow) : [emptyRow(RESOURCE_COLUMNS.length)]));
      downstream.replaceChildren(downstreamTable(calls));
    } catch (e) {
      if (request === latestRequest) message.replaceChildren(errorBanner(`Could not load ${service}: ${e.message}`));
    }
  }

  refresh();
  return () => {
    latestRequest = -1;
    charts.forEach((c) => c.destroy());
  };
}

function chartCard(title, id) {
  const body = el('div', { class: 'chart', id });
  const note = el('span', { class: 'muted small' });
  return { body, note, card: el('section', { class: 'card chart-card' }, el('h2', { class: 'card-title' }, title, ' ', note), body) };
}

function fillOperations(select, operations, chosen) {
  select.replaceChildren(el('option', { value: '' }, 'All entry operations'),
    ...operations.map((o) => el('option', { value: o.name }, `${o.name} (${formatRequests(o.measures.requests)})`)));
  select.value = chosen;
}

function headline(m) {
  return el('div', { class: 'stats' },
    stat('Requests', formatRequests(m.requests)),
    stat('Req/s', formatRate(m.requestsPerSecond)),
    stat('Errors', formatRequests(m.errors), m.errors > 0 ? 'stat-error' : ''),
    stat('Error rate', formatPercent(m.errorRate), m.errors > 0 ? 'stat-error' : ''),
    stat('Avg', formatLatency(m.avg)),
    stat('p50', formatLatency(m.p50)),
    stat('p95', formatLatency(m.p95)),
    stat('p99', formatLatency(m.p99)),
    stat('Max', formatLatency(m.max)),
    stat('Apdex', formatApdex(m.apdex)));
}

function stat(label, value, extra = '') {
  return el('div', { class: `stat ${extra}`, dataset: { stat: label } },
    el('div', { class: 'stat-label' }, label),
    el('div', { class: 'stat-value' }, value));
}

function requestsPlot(container, series) {
  const times = series.points.map((p) => p.time);
  return timeChart(container, {
    times,
    format: formatRequests,
    series: [
      { label: 'Requests', values: series.points.map((p) => p.measures.requests), color: '#5b3fd1', bars: true },
      { label: 'Errors', values: series.points.map((p) => p.measures.errors), color: '#d92d20', bars: true },
    ],
  });
}

function latencyPlot(container, series) {
  const pick = (key) => series.points.map((p) => p.measures[key]);
  return timeChart(container, {
    times: series.points.map((p) => p.time),
    format: formatLatency,
    series: [
      { label: 'p50', values: pick('p50'), color: '#14b8a6' },
      { label: 'p95', values: pick('p95'), color: '#f59e0b' },
      { label: 'p99', values: pick('p99'), color: '#ec4899' },
    ],
  });
}

function resourceRow({ name, measures: m }) {
  return el('tr', { class: m.errors > 0 ? 'has-error' : '', dataset: { resource: name } },
    el('td', { class: 'resource-cell' }, el('div', { class: 'resource' }, name || DASH)),
    el('td', { class: 'num mono nowrap' }, formatRequests(m.requests)),
    el('td', { class: 'num mono nowrap' }, formatRate(m.requestsPerSecond)),
    el('td', { class: 'num mono nowrap' }, formatLatency(m.totalTime)),
    el('td', { class: 'num mono nowrap' }, formatLatency(m.avg)),
    el('td', { class: 'num mono nowrap' }, formatLatency(m.p95)),
    el('td', { class: 'num mono nowrap' }, formatLatency(m.p99)),
    el('td', { class: 'num mono nowrap' }, formatRequests(m.errors)),
    el('td', { class: 'num mono nowrap' }, formatPercent(m.errorRate)));
}

function downstreamTable(d) {
  if (d.callees.length === 0) {
    return el('div', { class: 'empty' }, 'This service calls no other service in this window.');
  }
  const rows = d.callees.map((c) => el('tr', { dataset: { callee: c.service } },
    el('td', {}, el('a', { class: 'service-name', href: `#/services/${encodeURIComponent(c.service)}` }, c.service)),
    el('td', { class: 'num mono nowrap' }, formatRequests(c.calls)),
    el('td', { class: 'num mono nowrap' }, formatRequests(c.errors)),
    el('td', { class: 'num mono nowrap' }, formatLatency(c.avgLatency)),
    el('td', { class: 'num mono nowrap' }, formatLatency(c.avgTimePerRequest)),
    el('td', { class: 'num' }, percentBar(c.percentOfTime))));
  rows.push(el('tr', { dataset: { callee: '' } },
    el('td', { class: 'muted' }, `${d.service} itself`),
    el('td', {}), el('td', {}), el('td', {}),
    el('td', { class: 'num mono nowrap' }, d.requests > 0 ? formatLatency(d.selfTime / d.requests) : DASH),
    el('td', { class: 'num' }, percentBar(d.selfPercent))));
  return el('table', { class: 'trace-table', id: 'downstream-table' },
    el('thead', {}, el('tr', {}, DOWNSTREAM_COLUMNS.map((c, i) => el('th', { class: i > 0 ? 'num' : '' }, c)))),
    el('tbody', {}, rows));
}

function percentBar(percent) {
  return el('div', {},
    el('div', { class: 'mono' }, `${percent.toFixed(1)} %`),
    el('div', { class: 'mini-bar' }, el('span', { style: { width: `${Math.min(percent, 100)}%` } })));
}

function emptyRow(columns) {
  return el('tr', {}, el('td', { colspan: columns, class: 'empty' }, 'No requests in this window.'));
}
