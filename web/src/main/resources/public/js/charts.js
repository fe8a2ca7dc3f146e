// uPlot charts (served from the uPlot WebJar; its version appears only here).
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const CSS = '/webjars/uplot/1.6.30/dist/uPlot.min.css';
const HEIGHT = 220;

if (!document.querySelector(`link[href="${CSS}"]`)) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: CSS }));
}

function width(container) {
  return Math.max(container.clientWidth - 24, 320);
}

/**
 * A time chart: times in ms; each series { label, values, color, bars } (null values are gaps);
 * format turns a y value into axis and legend text.
 */
export function timeChart(container, { times, series, format }) {
  const opts = {
    width: width(container),
    height: HEIGHT,
    scales: { x: { time: true } },
    series: [{}, ...series.map((s) => ({
      label: s.label,
      stroke: s.color,
      fill: s.bars ? `${s.color}99` : undefined,
      width: s.bars ? 0 : 2,
      paths: s.bars ? uPlot.paths.bars({ size: [0.7, 40] }) : undefined,
      spanGaps: false,
      value: (u, v) => (v == null ? '—' : format(v)),
    }))],
    axes: [{}, { size: 70, values: (u, splits) => splits.map(format) }],
  };
  return new uPlot(opts, [times.map((t) => t / 1000), ...series.map((s) => s.values)], container);
}

/**
 * The latency histogram: one bar per bin, labelled by the bin's lower bound, the bin's errors drawn
 * over the bottom of its bar.
 */
export function histogramChart(container, bins, { formatX, formatY }) {
  const opts = {
    width: width(container),
    height: HEIGHT,
    scales: { x: { time: false } },
    series: [
      { value: (u, i) => (bins[i] ? `${formatX(bins[i].from)} – ${formatX(bins[i].to)}` : '') },
      { label: 'Requests', stroke: '#3b82f6', fill: '#3b82f699', width: 0,
        paths: uPlot.paths.bars({ size: [0.9, 60] }), value: (u, v) => formatY(v) },
      { label: 'Errors', stroke: '#d92d20', fill: '#d92d2099', width: 0,
        paths: uPlot.paths.bars({ size: [0.9, 60] }), value: (u, v) => formatY(v) },
    ],
    axes: [
      { values: (u, splits) => splits.map((i) => (Number.isInteger(i) && bins[i] ? formatX(bins[i].from) : '')) },
      { size: 60, values: (u, splits) => splits.map(formatY) },
    ],
  };
  const data = [
    bins.map((b, i) => i),
    bins.map((b) => b.count),
    bins.map((b) => b.errors),
  ];
  return new uPlot(opts, data, container);
}
