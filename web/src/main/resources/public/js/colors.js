// One colour per service, assigned in order of first appearance so a trace's services differ.

const PALETTE = [
  '#3b82f6', '#8b5cf6', '#14b8a6', '#f59e0b', '#ec4899',
  '#22c55e', '#6366f1', '#0ea5e9', '#a16207', '#64748b',
];

export function serviceColors(services) {
  const colors = new Map();
  for (const service of services) {
    if (!colors.has(service)) colors.set(service, PALETTE[colors.size % PALETTE.length]);
  }
  return colors;
}
