// The time window and environment the statistics pages share; it survives navigation.
import { el } from './dom.js';

const RANGES = [
  ['now-15m', 'Past 15 minutes'],
  ['now-1h', 'Past hour'],
  ['now-4h', 'Past 4 hours'],
  ['now-1d', 'Past day'],
  ['now-7d', 'Past 7 days'],
];

const state = { from: 'now-1h', env: '' };

/** The window for the API: { from, to, env }. */
export function currentWindow() {
  return { from: state.from, to: 'now', env: state.env };
}

/** The range selector and the env field; onChange runs after either changes. */
export function windowControls(onChange) {
  const range = el('select', { id: 'time-range' },
    RANGES.map(([value, label]) => el('option', { value }, label)));
  range.value = state.from;
  range.addEventListener('change', () => {
    state.from = range.value;
    onChange();
  });
  const env = el('input', { id: 'env-filter', class: 'text-input', placeholder: 'all', value: state.env });
  env.addEventListener('change', () => {
    state.env = env.value.trim();
    onChange();
  });
  return [
    el('label', { class: 'field' }, el('span', {}, 'Time'), range),
    el('label', { class: 'field' }, el('span', {}, 'Env'), env),
  ];
}
