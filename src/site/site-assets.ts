/**
 * The two static files every page of the site loads: its stylesheet and its search-and-filter
 * script. They are written next to the pages (`assets/`), so the Content-Security-Policy can allow
 * only `'self'`: no inline style or script, nothing from another origin.
 *
 * @internal
 * @module
 */

/** `assets/site.css`: layout for 420 px to wide screens, print rules, colours with at least 4.5:1 contrast. @internal */
export const SITE_CSS = `:root { color-scheme: light; --ink: #1f2328; --muted: #4f5861; --line: #d1d9e0; --panel: #f6f8fa;
  --hit: #116329; --miss: #a40e26; --nocall: #7d4e00; --pending: #4f5861; --void: #4f5861; --accent: #0550ae; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Noto Sans CJK SC", sans-serif; color: var(--ink); background: #fff; overflow-wrap: break-word; }
a { color: var(--accent); } a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; top: 8px; }
.vh { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.top { background: var(--ink); color: #fff; }
header.top .bar { max-width: 1180px; margin: 0 auto; padding: 10px 32px; display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; justify-content: space-between; }
header.top nav { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: baseline; }
header.top a { color: #fff; text-decoration: none; } header.top a:hover, header.top a[aria-current] { text-decoration: underline; }
header.top .brand { font-weight: 700; font-size: 18px; margin-right: 8px; }
form.search { display: flex; gap: 6px; flex: 1 1 220px; max-width: 360px; }
form.search input { flex: 1; min-width: 0; }
input, select, button { font: inherit; font-size: 15px; padding: 5px 8px; border: 1px solid #8c959f; border-radius: 6px; background: #fff; color: var(--ink); }
button { background: var(--panel); cursor: pointer; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 28px; line-height: 1.25; margin: 0 0 6px; } h2 { font-size: 21px; margin: 36px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 17px; margin: 22px 0 8px; }
p.sub { color: var(--muted); margin: 0 0 18px; }
.note { color: var(--muted); font-size: 14px; }
.ok { color: var(--hit); font-weight: 600; } .bad { color: var(--miss); font-weight: 600; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; margin: 12px 0 8px; }
.tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.tile .v { font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.tile .k { color: var(--muted); font-size: 13px; }
.cols { display: grid; grid-template-columns: minmax(0, 380px) minmax(0, 1fr); gap: 28px; align-items: start; }
@media (max-width: 900px) { .cols { grid-template-columns: minmax(0, 1fr); } }
figure { margin: 0 0 12px; } figcaption { color: var(--muted); font-size: 13.5px; margin-top: 4px; }
svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg text { fill: var(--ink); font-size: 11px; } svg .muted { fill: var(--muted); } svg .accent { fill: #0550ae; } svg .good { fill: #116329; }
.scroll { overflow-x: auto; }
@media (max-width: 760px) { .chart svg { max-width: none; } }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 6px 0 14px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
thead th { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date, .date { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.kv { width: 100%; } table.kv th { background: none; font-weight: 400; color: var(--muted); padding-right: 24px; }
dl.facts { display: grid; grid-template-columns: minmax(0, 12em) minmax(0, 1fr); gap: 6px 16px; margin: 8px 0 16px; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
@media (max-width: 560px) { dl.facts { grid-template-columns: minmax(0, 1fr); } dl.facts dd { margin-bottom: 6px; } }
code, .hash { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; word-break: break-all; }
blockquote { margin: 6px 0; padding: 4px 12px; border-left: 3px solid var(--line); }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 12.5px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.b-hit, .b-achieved, .b-resolved { background: #dafbe1; color: var(--hit); } .b-miss, .b-missed { background: #ffebe9; color: var(--miss); }
.b-no-call { background: #fff8c5; color: var(--nocall); } .b-pending, .b-open { background: #fff; color: var(--pending); border-color: var(--line); } .b-overdue { background: #fff8c5; color: #9a6700; border-color: #d4a72c; }
.b-annulled, .b-ambiguous, .b-unscored { background: var(--panel); color: var(--void); border-color: var(--line); }
ul.tags { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 6px; }
ul.tags a { display: inline-block; padding: 0 8px; border: 1px solid var(--line); border-radius: 10px; font-size: 13px; text-decoration: none; }
ul.plain { padding-left: 20px; }
form.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px; margin: 8px 0 12px; }
form.filters label { display: flex; flex-direction: column; font-size: 13.5px; color: var(--muted); gap: 2px; }
form.filters .wide { grid-column: 1 / -1; }
#claims-count { font-weight: 600; }
footer { max-width: 1180px; margin: 40px auto 0; padding: 10px 32px 32px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
@media (max-width: 560px) {
  header.top .bar, main, footer { padding-left: 14px; padding-right: 14px; }
  h1 { font-size: 23px; } h2 { font-size: 19px; }
  th, td { padding: 4px 6px; } thead th { white-space: normal; }
}
@media print {
  header.top, .skip, form.filters, form.search { display: none; }
  body { font-size: 11pt; } main { max-width: none; padding: 0; }
  .table-wrap, .scroll { overflow: visible; } .chart svg { max-width: 100%; }
  a { color: inherit; } h2 { break-after: avoid; } tr, figure { break-inside: avoid; }
}
`;

/**
 * \`assets/site.js\`: the claims page's search and filters, all in the browser (no request, no
 * server): rows carry their facets in \`data-*\` attributes and the text to search in \`data-text\`;
 * the filter form reads its initial values from the query string (\`claims.html?q=copper&tag=ai\`),
 * which is also where every page's search box sends its words.
 *
 * @internal
 */
export const SITE_JS = `(function () {
  'use strict';
  var form = document.getElementById('filters');
  var table = document.getElementById('claims');
  if (!form || !table) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var count = document.getElementById('claims-count');
  var params = new URLSearchParams(window.location.search);
  Array.prototype.forEach.call(form.elements, function (el) {
    if (el.name && params.has(el.name)) el.value = params.get(el.name);
  });
  function value(name) { var el = form.elements.namedItem(name); return el ? el.value.trim() : ''; }
  function apply() {
    var words = value('q').toLowerCase().split(/\\s+/).filter(Boolean);
    var forecaster = value('forecaster'), tag = value('tag'), status = value('status');
    var kind = value('kind'), stance = value('stance'), from = value('from'), to = value('to');
    var shown = 0;
    rows.forEach(function (row) {
      var d = row.dataset;
      var text = d.text || '';
      var match = words.every(function (w) { return text.indexOf(w) >= 0; }) &&
        (!forecaster || d.forecaster === forecaster) &&
        (!tag || (' ' + d.tags + ' ').indexOf(' ' + tag + ' ') >= 0) &&
        (!status || d.status === status) && (!kind || d.kind === kind) && (!stance || d.stance === stance) &&
        (!from || d.due >= from) && (!to || d.due <= to);
      row.hidden = !match;
      if (match) shown += 1;
    });
    if (count) count.textContent = shown === rows.length ? 'All ' + rows.length + ' claims' : shown + ' of ' + rows.length + ' claims';
    // Keep the address in step, so a filtered list can be bookmarked or shared.
    var query = new URLSearchParams();
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name && el.value.trim()) query.set(el.name, el.value.trim()); });
    var search = query.toString();
    try { window.history.replaceState(null, '', search ? '?' + search : window.location.pathname); } catch (e) { /* some file:// pages refuse it */ }
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  apply();
})();
`;
