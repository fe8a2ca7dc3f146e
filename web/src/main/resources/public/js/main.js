// Hash router: "#/" is the trace list, "#/trace/<hex id>" the trace view.
import { renderTraceList } from './trace-list.js';
import { renderTraceView } from './trace-view.js';

const app = document.getElementById('app');
let leaveView = () => {};

function route() {
  leaveView();
  app.replaceChildren();
  const match = location.hash.match(/^#\/trace\/([0-9a-fA-F]+)$/);
  leaveView = match ? renderTraceView(app, match[1]) : renderTraceList(app);
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
