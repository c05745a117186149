/**
 * The runs page's script (vanilla JS, no dependencies), served as `/runs.js`. It reads `GET /runs?limit=50`
 * (the run summaries, newest first) and `GET /report` (rows per stage, the score histogram), lists the runs
 * (a click shows a run's timeline; `#<run id>` opens one) and draws the charts of runs-charts-script.ts.
 * Data is only ever inserted as text, never as HTML. Written without template literals: it lives inside one.
 */
import { PAGE_HELPERS_SCRIPT } from './page-helpers-script.ts';
import { RUNS_CHARTS_SCRIPT } from './runs-charts-script.ts';
import { OUTCOME_COLOURS, SERIES_COLOURS } from './runs-styles.ts';

export const RUNS_LIMIT = 50;

const SCRIPT = String.raw`
'use strict';
(function () {
  var OUTCOMES = __OUTCOME_COLOURS__;
  var SERIES = __SERIES_COLOURS__;
  var LIMIT = __RUNS_LIMIT__;
  var LAYER_ORDER = ['raw', 'intermediate', 'gold', 'metrics'];
  var state = { runs: [], open: {} };

  ${PAGE_HELPERS_SCRIPT}
  function layerRank(key) { var i = LAYER_ORDER.indexOf(key.split('/')[0]); return i === -1 ? LAYER_ORDER.length : i; }
  // Asset keys once each, by layer, then by when they first ran, then by name.
  function assetOrder(keys) {
    var first = {};
    keys.forEach(function (key, i) { if (!(key in first)) first[key] = i; });
    return Object.keys(first).sort(function (a, b) { return layerRank(a) - layerRank(b) || a.localeCompare(b); });
  }

  async function getJson(url) {
    var response = await fetch(url, { headers: { Accept: 'application/json' } });
    var body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      var error = (body && body.error) || { code: 'HTTP_' + response.status, message: response.statusText };
      throw new Error(error.code + ': ' + error.message);
    }
    return body;
  }
  ${RUNS_CHARTS_SCRIPT}

  // What the runs table shows of a run summary.
  function factsOf(run) {
    var outcomes = run.outcomes || [];
    var count = function (types) { return outcomes.filter(function (o) { return types.indexOf(o.type) >= 0; }).length; };
    var failed = outcomes.find(function (o) { return o.type === 'failed'; }) || outcomes.find(function (o) { return o.type === 'upstream-failed'; });
    return {
      materialized: count(['materialized']),
      skipped: count(['skipped']),
      failed: count(['failed', 'upstream-failed']),
      rows: outcomes.reduce(function (sum, o) { return sum + (o.type === 'materialized' ? o.rows : 0); }, 0),
      failure: failed ? failureOf(failed) : '',
    };
  }

  // The slot, then why it failed (unless the message already starts by naming it).
  function failureOf(o) {
    var slot = o.asset + (o.partition ? '[' + o.partition + ']' : '');
    var why = o.error ? o.error.message : o.reason || o.type;
    return why.indexOf(o.asset) === 0 ? why : slot + ': ' + why;
  }

  function renderRuns() {
    var body = document.querySelector('#runs tbody');
    if (state.runs.length === 0) {
      body.replaceChildren(el('tr', {}, [el('td', { colspan: 9, class: 'empty', id: 'runs-empty', text: 'No runs yet: materialize something (medallion materialize, or the lineage page).' })]));
      return;
    }
    body.replaceChildren.apply(body, state.runs.flatMap(function (run) {
      var facts = factsOf(run);
      var selection = run.selection + (run.partition ? ' [' + run.partition + ']' : '') + (run.force === true ? ' --force' : Array.isArray(run.force) && run.force.length > 0 ? ' (forced: ' + run.force.join(', ') + ')' : '');
      var row = el('tr', {
        class: 'run', id: 'run-' + run.runId, 'data-run-id': run.runId, tabindex: 0, 'aria-expanded': state.open[run.runId] ? 'true' : 'false',
        onclick: function () { toggle(run.runId); },
        onkeydown: function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(run.runId); } },
      }, [
        el('td', { title: run.runId }, [el('span', { class: 'toggle', text: state.open[run.runId] ? '▾' : '▸' }), when(run.startedAt)]),
        el('td', { class: 'duration', text: ms(run.durationMs) }),
        el('td', {}, [el('code', { text: selection })]),
        el('td', {}, [el('span', { class: 'badge ' + run.status, text: run.status })]),
        el('td', { class: 'num materialized', text: num(facts.materialized) }),
        el('td', { class: 'num skipped', text: num(facts.skipped) }),
        el('td', { class: 'num failed', text: num(facts.failed) }),
        el('td', { class: 'num rows', text: num(facts.rows) }),
        el('td', { class: 'failure', text: facts.failure }),
      ]);
      if (!state.open[run.runId]) return [row];
      return [row, el('tr', { class: 'timeline-row', 'data-run-id': run.runId }, [el('td', { colspan: 9 }, [timelineOf(run)])])];
    }));
  }

  // A list may carry summaries without their outcomes; then the run is read on its own.
  function timelineOf(run) {
    if (run.outcomes) return drawTimeline(run);
    var holder = el('p', { class: 'empty', text: 'Loading run ' + run.runId + '…' });
    getJson('/runs/' + encodeURIComponent(run.runId)).then(function (body) {
      var full = body && body.outcomes ? body : body && body.run;
      holder.replaceWith(full && full.outcomes ? drawTimeline(full) : el('p', { class: 'error', text: 'Run ' + run.runId + ' has no outcomes.' }));
    }, function (e) { holder.replaceWith(el('p', { class: 'error', text: e.message })); });
    return holder;
  }

  function toggle(runId) {
    state.open[runId] = !state.open[runId];
    if (state.open[runId] && location.hash !== '#' + runId) history.replaceState(null, '', '#' + runId);
    renderRuns();
  }

  async function loadRuns() {
    var error = document.getElementById('runs-error');
    try {
      var body = await getJson('/runs?limit=' + LIMIT);
      state.runs = body.runs || [];
      error.hidden = !(body.unreadable && body.unreadable.length);
      error.textContent = body.unreadable && body.unreadable.length ? 'Unreadable run summaries (not shown): ' + body.unreadable.join(', ') : '';
      renderRuns();
      drawDurations(document.getElementById('durations'), document.getElementById('durations-legend'), state.runs, assetOrder);
      var countOf = function (status) { return state.runs.filter(function (r) { return r.status === status; }).length; };
      // Interrupted runs were stopped, not broken (their assets resume next run): counted apart from failed.
      var interrupted = countOf('interrupted');
      document.getElementById('summary').textContent = state.runs.length === 0 ? 'No runs yet' :
        state.runs.length + ' recent runs · ' + countOf('failed') + ' failed' + (interrupted > 0 ? ' · ' + interrupted + ' interrupted' : '') +
        ' · latest ' + when(state.runs[0].startedAt) + ' UTC';
    } catch (e) {
      error.hidden = false;
      error.textContent = 'Could not load the runs: ' + e.message;
      document.getElementById('summary').textContent = '';
    }
  }

  async function loadReport() {
    var error = document.getElementById('report-error');
    try {
      var report = await getJson('/report');
      error.hidden = true;
      drawFunnel(document.getElementById('funnel'), report.stages, report.scores);
      drawHistogram(document.getElementById('histogram'), report.scores);
      var s = report.scores;
      document.getElementById('scores-caption').textContent = s ? s.asset + ' · ' + num(s.rows) + ' rows · ' + num(s.matches) + ' is_match · ' + when(s.finishedAt) + ' UTC' : '';
    } catch (e) {
      error.hidden = false;
      error.textContent = 'Could not load the report: ' + e.message;
    }
  }

  async function load() {
    await Promise.all([loadRuns(), loadReport()]);
    document.body.setAttribute('data-loaded', 'true');
  }

  document.getElementById('refresh').addEventListener('click', load);
  var opened = decodeURIComponent(location.hash.slice(1));
  if (opened) state.open[opened] = true;
  load().then(function () {
    var row = opened && document.getElementById('run-' + opened);
    if (row) row.scrollIntoView({ block: 'start' });
  });
})();
`;

export const RUNS_SCRIPT = SCRIPT
  .replace('__OUTCOME_COLOURS__', JSON.stringify(OUTCOME_COLOURS))
  .replace('__SERIES_COLOURS__', JSON.stringify(SERIES_COLOURS))
  .replace('__RUNS_LIMIT__', String(RUNS_LIMIT));
