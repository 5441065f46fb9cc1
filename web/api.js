// Calls kg-server's JSON gateway (/api/v1/<endpoint>, protobuf's JSON
// mapping). With tokens on, the server answers 401 until the browser holds
// a kg_token cookie: the first 401 asks for a token once and retries.

let pending = 0;

// How many calls are in flight: tests wait for 0.
export function pendingCalls() {
  return pending;
}

export class ApiError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

async function post(endpoint, body) {
  const response = await fetch(`api/v1/${endpoint}`, {
    method: 'POST',
    headers: {'Content-Type': 'application/json'},
    body: JSON.stringify(body),
  });
  const json = await response.json().catch(() => ({}));
  return {status: response.status, json};
}

export async function call(endpoint, body = {}) {
  pending++;
  try {
    let {status, json} = await post(endpoint, body);
    if (status === 401) {
      const token = window.prompt('This kg server needs a token:');
      if (token) {
        document.cookie = `kg_token=${encodeURIComponent(token)}; path=/; SameSite=Strict`;
        ({status, json} = await post(endpoint, body));
      }
    }
    if (status !== 200) throw new ApiError(json.code || status, json.message || '');
    return json;
  } finally {
    pending--;
  }
}

// The request field for "as of the end of `year`"; null means now.
export function asOfDate(year) {
  return year == null ? undefined : {year};
}

export function formatDate(date) {
  if (!date || !date.year) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return [date.year, date.month && pad(date.month), date.day && pad(date.day)]
      .filter(Boolean).join('-');
}

// A property Value (types.proto) as text.
export function formatValue(value) {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return String(value.intValue);
  if (value.doubleValue !== undefined) return String(value.doubleValue);
  if (value.boolValue !== undefined) return String(value.boolValue);
  if (value.dateValue !== undefined) return formatDate(value.dateValue);
  if (value.listValue !== undefined) {
    return (value.listValue.values || []).map(formatValue).join(', ');
  }
  return '';
}
