/**
 * The lineage page's script (vanilla JS, no dependencies), served as `/lineage.js`. It reads `GET /lineage`
 * and lays the graph out left to right by layer (raw → intermediate → gold → metrics; assets that depend on
 * others of their own layer get a further column), colours each node by status, shows `GET /assets/:key`
 * for the clicked node, and POSTs `/assets/:key/materialize` with the token the user types. Data is only
 * ever inserted as text, never as HTML. Written without template literals: it lives inside one.
 */
import { STATUS_COLOURS } from './lineage-styles.ts';
import { PAGE_HELPERS_SCRIPT } from './page-helpers-script.ts';

const SCRIPT = String.raw`
'use strict';
(function () {
  var COLOURS = __STATUS_COLOURS__;
  var LAYER_ORDER = ['raw', 'intermediate', 'gold', 'metrics'];
  var NODE_W = 196, NODE_H = 48, COL_GAP = 56, ROW_GAP = 18, BAND_TOP = 34, PAD = 16;
  var state = { lineage: null, selected: null, token: '', positions: {} };

  ${PAGE_HELPERS_SCRIPT}
  function assetPath(key) { return '/assets/' + key.split('/').map(encodeURIComponent).join('/'); }
  function layerRank(layer) { var i = LAYER_ORDER.indexOf(layer); return i === -1 ? LAYER_ORDER.length : i; }
  function nameOf(key) { return key.slice(key.indexOf('/') + 1); }
  function short(version) { return version ? String(version).slice(0, 10) : ''; }

  async function getJson(url, init) {
    var response = await fetch(url, init);
    var body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      var error = (body && body.error) || { code: 'HTTP_' + response.status, message: response.statusText };
      var failure = new Error(error.code + ': ' + error.message);
      failure.status = response.status;
      throw failure;
    }
    return body;
  }

  // Layout: one band per layer, in layer order; inside a band, a column per depth within the layer.
  function layout(lineage) {
    var byKey = {};
    lineage.assets.forEach(function (node) { byKey[node.key] = node; });
    var depth = {};
    function depthOf(key) {
      if (depth[key] !== undefined) return depth[key];
      var node = byKey[key];
      var d = 0;
      node.upstream.forEach(function (up) { if (byKey[up] && byKey[up].layer === node.layer) d = Math.max(d, depthOf(up) + 1); });
      return (depth[key] = d);
    }
    var layers = Array.from(new Set(lineage.assets.map(function (n) { return n.layer; })));
    layers.sort(function (a, b) { return layerRank(a) - layerRank(b) || a.localeCompare(b); });
    var columns = [], bands = [];
    layers.forEach(function (layer) {
      var members = lineage.assets.filter(function (n) { return n.layer === layer; });
      var count = 1 + Math.max.apply(null, members.map(function (n) { return depthOf(n.key); }));
      bands.push({ layer: layer, first: columns.length, count: count });
      for (var d = 0; d < count; d++) columns.push(members.filter(function (n) { return depthOf(n.key) === d; }));
    });
    var positions = {};
    var tallest = Math.max.apply(null, columns.map(function (c) { return c.length; }));
    var height = BAND_TOP + tallest * (NODE_H + ROW_GAP) + PAD;
    columns.forEach(function (column, index) {
      // Order by the mean row of the upstream already placed, so edges cross less.
      column.sort(function (a, b) { return meanRow(a) - meanRow(b) || a.key.localeCompare(b.key); });
      var offset = (tallest - column.length) * (NODE_H + ROW_GAP) / 2;
      column.forEach(function (node, row) {
        positions[node.key] = { x: PAD + index * (NODE_W + COL_GAP), y: BAND_TOP + offset + row * (NODE_H + ROW_GAP), row: row };
      });
    });
    function meanRow(node) {
      var rows = node.upstream.map(function (up) { return positions[up] ? positions[up].y : null; }).filter(function (y) { return y !== null; });
      return rows.length === 0 ? Infinity : rows.reduce(function (s, y) { return s + y; }, 0) / rows.length;
    }
    return { positions: positions, bands: bands, width: PAD * 2 + columns.length * NODE_W + (columns.length - 1) * COL_GAP, height: height };
  }

  function renderGraph() {
    var lineage = state.lineage;
    var plan = layout(lineage);
    state.positions = plan.positions;
    var root = document.getElementById('graph');
    root.replaceChildren();
    root.setAttribute('width', plan.width);
    root.setAttribute('height', plan.height);
    root.setAttribute('viewBox', '0 0 ' + plan.width + ' ' + plan.height);
    root.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    root.append(svg('defs', {}, [svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#9aa3b2' })])]));
    plan.bands.forEach(function (band) {
      var x = PAD / 2 + band.first * (NODE_W + COL_GAP);
      var w = band.count * (NODE_W + COL_GAP) - COL_GAP + PAD;
      root.append(svg('g', { class: 'band', 'data-layer': band.layer }, [
        svg('rect', { x: x, y: 4, width: w, height: plan.height - 8, rx: 10 }),
        svg('text', { x: x + 10, y: 22, text: band.layer }),
      ]));
    });
    lineage.edges.forEach(function (edge) {
      var a = plan.positions[edge.from], b = plan.positions[edge.to];
      if (!a || !b) return;
      var x1 = a.x + NODE_W, y1 = a.y + NODE_H / 2, x2 = b.x - 2, y2 = b.y + NODE_H / 2, mid = (x1 + x2) / 2;
      root.append(svg('path', { class: 'edge', 'data-from': edge.from, 'data-to': edge.to, d: 'M' + x1 + ',' + y1 + ' C' + mid + ',' + y1 + ' ' + mid + ',' + y2 + ' ' + x2 + ',' + y2, 'marker-end': 'url(#arrow)' }));
    });
    lineage.assets.forEach(function (node) {
      var p = plan.positions[node.key];
      var status = node.status || 'missing';
      var colour = COLOURS[status] || COLOURS.missing;
      var meta = status + (node.partitions ? ' · ' + node.partitions.length + ' partitions' : '');
      var group = svg('g', {
        class: 'node ' + status, 'data-key': node.key, 'data-status': status, tabindex: 0, role: 'button',
        'aria-label': node.key + ': ' + status, transform: 'translate(' + p.x + ',' + p.y + ')',
        onclick: function () { select(node.key); },
        onkeydown: function (event) { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); select(node.key); } },
      }, [
        svg('title', { text: node.key + (node.description ? ' — ' + node.description : '') }),
        svg('rect', { width: NODE_W, height: NODE_H, rx: 8, fill: colour.fill, stroke: colour.stroke }),
        svg('text', { class: 'name', x: 12, y: 20, text: nameOf(node.key) }),
        svg('text', { class: 'meta', x: 12, y: 37, text: meta }),
      ]);
      root.append(group);
    });
    var counts = { fresh: 0, stale: 0, missing: 0 };
    lineage.assets.forEach(function (n) { counts[n.status || 'missing'] = (counts[n.status || 'missing'] || 0) + 1; });
    document.getElementById('summary').textContent = lineage.assets.length + ' assets · ' + counts.fresh + ' fresh · ' + counts.stale + ' stale · ' + counts.missing + ' missing';
    highlight();
  }

  function highlight() {
    document.querySelectorAll('#graph .node').forEach(function (node) { node.classList.toggle('selected', node.getAttribute('data-key') === state.selected); });
    document.querySelectorAll('#graph .edge').forEach(function (edge) {
      edge.classList.toggle('active', edge.getAttribute('data-from') === state.selected || edge.getAttribute('data-to') === state.selected);
    });
  }

  async function loadGraph() {
    var error = document.getElementById('graph-error');
    try {
      state.lineage = await getJson('/lineage?format=json');
      error.hidden = true;
      renderGraph();
    } catch (e) {
      error.hidden = false;
      error.textContent = 'Could not load the lineage: ' + e.message;
    }
  }

  async function select(key) {
    state.selected = key;
    highlight();
    if (location.hash !== '#' + key) history.replaceState(null, '', '#' + key);
    var panel = document.getElementById('details');
    panel.replaceChildren(el('p', { class: 'hint', text: 'Loading ' + key + '…' }));
    try {
      var asset = await getJson(assetPath(key));
      if (state.selected === key) renderDetails(asset);
    } catch (e) {
      panel.replaceChildren(el('h2', { text: key }), el('p', { class: 'error', text: e.message }));
    }
  }

  function links(refs) {
    if (refs.length === 0) return el('p', { class: 'empty', text: 'none' });
    return el('div', { class: 'links' }, refs.map(function (ref) {
      return el('button', { type: 'button', 'data-link': ref.key, onclick: function () { select(ref.key); } }, [el('span', { class: 'badge ' + ref.status, text: ref.status }), ' ' + ref.key]);
    }));
  }

  function table(headers, rows, numeric) {
    return el('table', {}, [
      el('thead', {}, [el('tr', {}, headers.map(function (h) { return el('th', { text: h }); }))]),
      el('tbody', {}, rows.map(function (cells) {
        return el('tr', {}, cells.map(function (cell, i) { return el('td', { class: numeric.indexOf(i) >= 0 ? 'num' : null }, [cell instanceof Node ? cell : document.createTextNode(cell == null ? '' : String(cell))]); }));
      })),
    ]);
  }

  function renderDetails(asset) {
    var last = asset.lastMaterialization;
    var facts = [['layer', asset.layer], ['group', asset.group], ['code version', asset.codeVersion]];
    if (asset.partitions) facts.push(['partitions', asset.partitions.join(', ')]);
    if (last) facts.push(['last materialized', when(last.finishedAt) + ' UTC'], ['rows', num(last.rows)], ['data version', short(last.dataVersion)]);
    var panel = document.getElementById('details');
    var parts = [
      el('h2', { text: asset.key }),
      el('span', { class: 'badge ' + asset.status, id: 'detail-status', text: asset.status }),
      asset.description ? el('p', { text: asset.description }) : null,
      el('dl', {}, facts.flatMap(function (f) { return [el('dt', { text: f[0] }), el('dd', { text: f[1] })]; })),
      asset.causes.length > 0 ? el('h3', { text: 'Why it is stale' }) : null,
      asset.causes.length > 0 ? el('ul', { id: 'causes' }, asset.causes.map(function (c) { return el('li', { text: c.category + ': ' + c.reason + (c.partition ? ' [' + c.partition + ']' : '') }); })) : null,
      asset.rootCauses.length > 0 && asset.causes.some(function (c) { return c.category === 'upstream'; }) ? el('h3', { text: 'Root causes' }) : null,
      asset.rootCauses.length > 0 && asset.causes.some(function (c) { return c.category === 'upstream'; }) ? el('ul', {}, asset.rootCauses.map(function (c) { return el('li', { text: c.asset + (c.partition ? '[' + c.partition + ']' : '') + ' — ' + c.category + ': ' + c.reason }); })) : null,
      el('h3', { text: 'Upstream' }), links(asset.upstream),
      el('h3', { text: 'Downstream' }), links(asset.downstream),
      asset.partitionStatuses ? el('h3', { text: 'Partitions' }) : null,
      asset.partitionStatuses ? table(['partition', 'status', 'finished (UTC)', 'rows'], asset.partitionStatuses.map(function (p) {
        return [p.partition, el('span', { class: 'badge ' + p.status, text: p.status }), p.lastMaterialization ? when(p.lastMaterialization.finishedAt) : '', p.lastMaterialization ? num(p.lastMaterialization.rows) : ''];
      }), [3]) : null,
      el('h3', { text: 'Materialization history' }),
      asset.history.length === 0 ? el('p', { class: 'empty', id: 'history-empty', text: 'Never materialized.' }) : el('div', { id: 'history' }, [table(
        ['finished (UTC) / run', 'status', 'rows', 'time', 'data'],
        asset.history.map(function (h) {
          var finished = el('div', {}, [
            el('span', { class: 'when', text: when(h.finishedAt) + (h.partition ? ' [' + h.partition + ']' : '') }),
            el('div', {}, [el('code', { class: 'run', text: h.runId })]),
          ]);
          return [finished, el('span', { class: 'badge ' + h.status, text: h.status, title: h.error ? h.error.message : null }), num(h.rows), ms(h.durationMs), el('code', { text: short(h.dataVersion).slice(0, 8), title: h.dataVersion })];
        }), [2, 3])]),
      el('h3', { text: 'Materialize' }),
      materializeForm(asset),
    ];
    panel.replaceChildren.apply(panel, parts.filter(function (part) { return part !== null; }));
  }

  function materializeForm(asset) {
    var token = el('input', { type: 'password', id: 'token', autocomplete: 'off', placeholder: 'MEDALLION_API_TOKEN', value: state.token, oninput: function () { state.token = token.value; } });
    var mode = el('select', { id: 'run-mode' }, [el('option', { value: 'in-process', text: 'in-process (wait for the run)' }), el('option', { value: 'inngest', text: 'Inngest (send the request event)' })]);
    var partition = el('select', { id: 'partition' }, [el('option', { value: '', text: 'all partitions' })].concat((asset.partitions || []).map(function (p) { return el('option', { value: p, text: p }); })));
    var force = el('input', { type: 'checkbox', id: 'force' });
    var result = el('div', { id: 'materialize-result', role: 'status' });
    var button = el('button', { type: 'submit', class: 'primary', id: 'materialize', text: 'Materialize ' + asset.key + ' and what it needs' });
    async function submit(event) {
      event.preventDefault();
      button.disabled = true;
      result.className = '';
      result.textContent = mode.value === 'in-process' ? 'Running…' : 'Sending…';
      var body = { run: mode.value };
      if (partition.value) body.partition = partition.value;
      if (force.checked) body.force = true;
      var headers = { 'Content-Type': 'application/json' };
      if (state.token) headers.Authorization = 'Bearer ' + state.token;
      try {
        var outcome = await getJson(assetPath(asset.key) + '/materialize', { method: 'POST', headers: headers, body: JSON.stringify(body) });
        result.textContent = describeOutcome(outcome);
        result.className = outcome.status === 'failed' ? 'error' : 'ok';
        await loadGraph();
        if (state.selected === asset.key) {
          var fresh = await getJson(assetPath(asset.key));
          renderDetails(fresh);
          var again = document.getElementById('materialize-result');
          again.textContent = result.textContent;
          again.className = result.className;
        }
      } catch (e) {
        result.className = 'error';
        result.textContent = e.message;
      } finally {
        button.disabled = false;
      }
    }
    var partitionLabel = asset.partitions ? el('label', {}, ['Partition', partition]) : null;
    return el('form', { id: 'materialize-form', onsubmit: submit }, [
      el('label', {}, ['API token', token]),
      el('label', {}, ['Run', mode]),
      partitionLabel,
      el('label', { class: 'inline' }, [force, 'force (even what is fresh)']),
      button,
      result,
    ]);
  }

  function describeOutcome(outcome) {
    if (outcome.mode === 'inngest') return 'Sent ' + outcome.event.name + (outcome.ids && outcome.ids.length ? ' (' + outcome.ids.join(', ') + ')' : '') + '. Inngest runs it; refresh to follow.';
    var lines = ['Run ' + outcome.runId + ' ' + outcome.status + ' in ' + ms(outcome.durationMs) + ': ' + outcome.materialized.length + ' materialized, ' + outcome.skipped.length + ' skipped, ' + outcome.failed.length + ' failed.'];
    outcome.outcomes.forEach(function (o) { lines.push('  ' + o.type + '  ' + o.asset + (o.partition ? '[' + o.partition + ']' : '') + (o.reason ? ' — ' + o.reason : '') + (o.error ? ' — ' + o.error.message : '')); });
    return lines.join('\n');
  }

  document.getElementById('refresh').addEventListener('click', async function () {
    await loadGraph();
    if (state.selected) select(state.selected);
  });
  loadGraph().then(function () {
    var key = decodeURIComponent(location.hash.slice(1));
    if (key && state.positions[key]) select(key);
  });
})();
`;

export const LINEAGE_SCRIPT = SCRIPT.replace('__STATUS_COLOURS__', JSON.stringify(STATUS_COLOURS));
