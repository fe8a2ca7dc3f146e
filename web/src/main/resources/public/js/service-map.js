// The service map: services in columns from callers (left) to callees (right), edges labelled
// with calls and p95. Drawn as SVG; a node opens its service page.
import { el, errorBanner } from './dom.js';
import { fetchServiceMap } from './stats-api.js';
import { formatLatency, formatPercent, formatRequests } from './stats-format.js';
import { currentWindow, windowControls } from './time-window.js';

const SVG = 'http://www.w3.org/2000/svg';
const NODE_W = 240;
const NODE_H = 58;
const COL_GAP = 200;
const ROW_GAP = 36;

export function renderServiceMap(root) {
  let latestRequest = 0;
  const message = el('div');
  const canvas = el('section', { class: 'card map-card', id: 'service-map' });
  root.append(
    el('div', { class: 'page-header' },
      el('h1', {}, 'Service map'),
      el('div', { class: 'toolbar' },
        windowControls(() => refresh()),
        el('button', { type: 'button', class: 'button', onclick: () => refresh() }, 'Refresh'))),
    message,
    canvas);

  async function refresh() {
    const request = ++latestRequest;
    try {
      const map = await fetchServiceMap(currentWindow());
      if (request !== latestRequest) return;
      message.replaceChildren();
      canvas.replaceChildren(map.nodes.length ? drawMap(map) : el('div', { class: 'empty' }, 'No services in this window.'));
    } catch (e) {
      if (request === latestRequest) message.replaceChildren(errorBanner(`Could not load the service map: ${e.message}`));
    }
  }

  refresh();
  return () => { latestRequest = -1; };
}

/** Column of each service: the longest chain of callers leading to it (cycles are cut). */
function columns(nodes, edges) {
  const column = new Map(nodes.map((n) => [n.service, 0]));
  for (let round = 0; round < nodes.length; round++) {
    let changed = false;
    for (const e of edges) {
      const next = column.get(e.caller) + 1;
      if (e.caller !== e.callee && next > column.get(e.callee) && next < nodes.length) {
        column.set(e.callee, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return column;
}

function drawMap({ nodes, edges }) {
  const column = columns(nodes, edges);
  const rows = new Map();
  const position = new Map();
  for (const node of nodes) {
    const c = column.get(node.service);
    const r = rows.get(c) || 0;
    rows.set(c, r + 1);
    position.set(node.service, { x: 20 + c * (NODE_W + COL_GAP), y: 20 + r * (NODE_H + ROW_GAP) });
  }
  const width = 40 + (Math.max(...column.values()) + 1) * (NODE_W + COL_GAP) - COL_GAP;
  const height = 40 + Math.max(...rows.values()) * (NODE_H + ROW_GAP) - ROW_GAP;
  const svg = svgEl('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'map' });
  svg.append(svgEl('defs', {}, svgEl('marker', {
    id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto',
  }, svgEl('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#9aa3b2' }))));
  const most = Math.max(...edges.map((e) => e.calls), 1);
  edges.forEach((e) => svg.append(edgeShape(e, position.get(e.caller), position.get(e.callee), most)));
  nodes.forEach((n) => svg.append(nodeShape(n, position.get(n.service))));
  return svg;
}

function edgeShape(edge, from, to, most) {
  const x1 = from.x + NODE_W;
  const y1 = from.y + NODE_H / 2;
  const x2 = to.x;
  const y2 = to.y + NODE_H / 2;
  const bend = Math.max(40, Math.abs(x2 - x1) / 2);
  const path = `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`;
  const label = `${formatRequests(edge.calls)} calls · p95 ${formatLatency(edge.p95)}`;
  return svgEl('g', { class: edge.errors > 0 ? 'map-edge has-error' : 'map-edge', 'data-edge': `${edge.caller}>${edge.callee}` },
    svgEl('path', { d: path, 'stroke-width': 1.5 + 3 * Math.log1p(edge.calls) / Math.log1p(most), 'marker-end': 'url(#arrow)' }),
    svgEl('text', { x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 6, 'text-anchor': 'middle' }, label));
}

function nodeShape(node, at) {
  const m = node.measures;
  const detail = m.requests > 0
    ? `${formatRequests(m.requests)} req · ${formatPercent(m.errorRate)} err · p95 ${formatLatency(m.p95)}`
    : 'no entry spans';
  const group = svgEl('g', {
    class: m.errors > 0 ? 'map-node has-error' : 'map-node', 'data-service': node.service, tabindex: 0,
  },
  svgEl('rect', { x: at.x, y: at.y, width: NODE_W, height: NODE_H, rx: 8 }),
  svgEl('text', { x: at.x + 12, y: at.y + 23, class: 'map-name' }, node.service),
  svgEl('text', { x: at.x + 12, y: at.y + 43, class: 'map-detail' }, detail));
  const open = () => { location.hash = `#/services/${encodeURIComponent(node.service)}`; };
  group.addEventListener('click', open);
  group.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
  return group;
}

function svgEl(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child instanceof Node ? child : String(child));
  return node;
}
