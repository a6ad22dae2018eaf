/** Escapes text for HTML element content and quoted attribute values. Every user-supplied string goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** JSON inside <script type="application/json">: `<` escaped so no string can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export const formatNumber = (value: number | null, unit = ''): string => (value === null ? '—' : `${value}${unit}`);
export const formatPercent = (value: number | null): string => (value === null ? '—' : `${Math.round(value * 100)} %`);

export interface ChartSpec {
  kind: 'bar' | 'line';
  labels: string[];
  series: { label: string; data: (number | null)[] }[];
  /** The value axis title, e.g. "hours". */
  unit: string;
}

/**
 * A chart drawn by dashboard.js from the JSON beside it, followed by the same numbers as a table, so the page is
 * readable without colour, without scripts and with a screen reader.
 */
export function chart(id: string, title: string, spec: ChartSpec): string {
  const rows = spec.labels
    .map((label, i) => `<tr><th scope="row">${escapeHtml(label)}</th>${spec.series.map((s) => `<td>${formatNumber(s.data[i] ?? null)}</td>`).join('')}</tr>`)
    .join('');
  return `<section class="chart" aria-labelledby="${id}-title">
<h3 id="${id}-title">${escapeHtml(title)}</h3>
<div class="canvas-box"><canvas id="${id}" role="img" aria-label="${escapeHtml(title)} (numbers in the table below)"></canvas></div>
<script type="application/json" data-chart="${id}">${scriptJson(spec)}</script>
<details open><summary>${escapeHtml(title)}: numbers</summary>
<table data-table-for="${id}"><thead><tr><th scope="col">${spec.labels.length && /^\d{4}-\d{2}$/.test(spec.labels[0]) ? 'Month' : 'Date'}</th>${spec.series.map((s) => `<th scope="col">${escapeHtml(s.label)} (${escapeHtml(spec.unit)})</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody></table></details>
</section>`;
}

/** A headline figure; `data-metric` names the field of GET /api/insights it shows. */
export function figure(metric: string, label: string, value: string, note = ''): string {
  return `<div class="figure"><dt>${escapeHtml(label)}</dt><dd data-metric="${escapeHtml(metric)}">${escapeHtml(value)}</dd>${note ? `<dd class="note">${escapeHtml(note)}</dd>` : ''}</div>`;
}

export interface PageOptions {
  title: string;
  /** Which nav entry is current. */
  current: 'overview' | 'pods' | 'calls' | 'sign-in';
  query: string;
  body: string;
  pods?: { name: string; displayName: string }[];
}

export function layout(options: PageOptions): string {
  const q = options.query ? `?${escapeHtml(options.query)}` : '';
  const nav =
    options.current === 'sign-in'
      ? ''
      : `<nav aria-label="Dashboard"><ul>
<li><a href="/dashboard${q}"${options.current === 'overview' ? ' aria-current="page"' : ''}>Overview</a></li>
${(options.pods ?? []).map((pod) => `<li><a href="/dashboard/pods/${encodeURIComponent(pod.name)}${q}">${escapeHtml(pod.displayName)}</a></li>`).join('\n')}
<li><a href="/dashboard/calls${q}"${options.current === 'calls' ? ' aria-current="page"' : ''}>Calls</a></li>
</ul></nav>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · podbot insights</title>
<link rel="stylesheet" href="/dashboard/assets/dashboard.css">
</head>
<body>
<header><p class="brand">podbot insights</p>${nav}</header>
<main>
<h1>${escapeHtml(options.title)}</h1>
${options.body}
</main>
${options.current === 'sign-in' ? '' : '<script src="/dashboard/assets/chart.umd.min.js"></script>\n<script src="/dashboard/assets/dashboard.js"></script>'}
</body>
</html>
`;
}

export function periodForm(action: string, from: string, to: string): string {
  return `<form class="period" method="get" action="${escapeHtml(action)}">
<label>From <input type="date" name="from" value="${escapeHtml(from)}"></label>
<label>To <input type="date" name="to" value="${escapeHtml(to)}"></label>
<button type="submit">Show</button>
</form>`;
}
