// Orders a trace's spans depth-first, children by start time. Spans whose parent is missing
// (or that sit in a parent cycle) become extra roots, so every span appears exactly once.

const byStart = (a, b) => a.start - b.start || compareIds(a.spanId, b.spanId);

function compareIds(a, b) {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** Returns [{ span, depth, orphan }] in display order. */
export function flattenSpans(spans) {
  const ids = new Set(spans.map((s) => s.spanId));
  const children = new Map();
  const roots = [];
  for (const span of spans) {
    const hasParent = span.parentId !== '0' && span.parentId !== span.spanId && ids.has(span.parentId);
    if (hasParent) {
      if (!children.has(span.parentId)) children.set(span.parentId, []);
      children.get(span.parentId).push(span);
    } else {
      roots.push(span);
    }
  }
  const rows = [];
  const visited = new Set();
  const visit = (root, orphan) => {
    const stack = [{ span: root, depth: 0 }];
    while (stack.length > 0) {
      const { span, depth } = stack.pop();
      if (visited.has(span)) continue;
      visited.add(span);
      rows.push({ span, depth, orphan: orphan && depth === 0 });
      const kids = (children.get(span.spanId) || []).slice().sort(byStart);
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ span: kids[i], depth: depth + 1 });
    }
  };
  roots.sort(byStart).forEach((root) => visit(root, root.parentId !== '0'));
  spans.slice().sort(byStart).forEach((span) => {
    if (!visited.has(span)) visit(span, true);
  });
  return rows;
}
