// Hash router: "#/" is the trace list, "#/trace/<hex id>" the trace view, "#/services" the
// service list, "#/services/<name>" a service page, "#/service-map" the service map.
import { renderServiceMap } from './service-map.js';
import { renderServicePage } from './service-page.js';
import { renderServiceList } from './services.js';
import { renderTraceList } from './trace-list.js';
import { renderTraceView } from './trace-view.js';

const app = document.getElementById('app');
let leaveView = () => {};

function route() {
  leaveView();
  app.replaceChildren();
  const hash = location.hash;
  const trace = hash.match(/^#\/trace\/([0-9a-fA-F]+)$/);
  const service = hash.match(/^#\/services\/(.+)$/);
  if (trace) leaveView = renderTraceView(app, trace[1]);
  else if (service) leaveView = renderServicePage(app, decodeURIComponent(service[1]));
  else if (hash === '#/services') leaveView = renderServiceList(app);
  else if (hash === '#/service-map') leaveView = renderServiceMap(app);
  else leaveView = renderTraceList(app);
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', route);
route();
