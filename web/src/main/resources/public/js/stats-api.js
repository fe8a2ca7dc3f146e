// Calls to the service statistics API. Every call takes the shared window { from, to, env }.
import { getJson } from './api.js';

function query(window, extra = {}) {
  const params = new URLSearchParams({ from: window.from, to: window.to });
  if (window.env) params.set('env', window.env);
  for (const [key, value] of Object.entries(extra)) {
    if (value != null && value !== '') params.set(key, String(value));
  }
  return params;
}

const servicePath = (service) => `/api/services/${encodeURIComponent(service)}`;

export async function fetchServiceStats(window) {
  return (await getJson(`/api/services?${query(window)}`)).statistics || [];
}

export async function fetchServiceOverview(window, service, operation) {
  return (await getJson(`${servicePath(service)}?${query(window, { operation })}`)).overview;
}

export async function fetchResources(window, service, operation) {
  return (await getJson(`${servicePath(service)}/resources?${query(window, { operation })}`)).resources;
}

export async function fetchTimeseries(window, service, operation) {
  return (await getJson(`${servicePath(service)}/timeseries?${query(window, { operation })}`)).timeseries;
}

export async function fetchLatency(window, service, operation) {
  return (await getJson(`${servicePath(service)}/latency?${query(window, { operation, bins: 30 })}`)).latency;
}

export async function fetchDownstream(window, service) {
  return (await getJson(`${servicePath(service)}/downstream?${query(window)}`)).downstream;
}

export async function fetchServiceMap(window) {
  return (await getJson(`/api/service-map?${query(window)}`)).serviceMap;
}
