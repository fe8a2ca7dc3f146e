// Calls to the JSON API. Errors become exceptions carrying the server's message.

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error || `HTTP ${response.status}`);
  }
  return body;
}

export async function fetchServices() {
  return (await getJson('/api/services')).services;
}

export async function fetchTraces({ service, limit }) {
  const query = new URLSearchParams({ limit: String(limit) });
  if (service) query.set('service', service);
  return (await getJson(`/api/traces?${query}`)).traces;
}

export function fetchTrace(traceId) {
  return getJson(`/api/traces/${encodeURIComponent(traceId)}`);
}
