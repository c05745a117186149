/**
 * The runs page's charts, as inline SVG drawn in the browser: the rows per stage (a funnel of bars), the
 * score histogram with the threshold marked, each asset's duration across runs, and one run's timeline.
 * A fragment of `/runs.js` (see runs-script.ts), so it relies on that script's `svg`, `el`, `num`, `ms` and
 * `when` helpers. Written without template literals: it lives inside one.
 */
export const RUNS_CHARTS_SCRIPT = String.raw`
  // Ticks from 0 to at least max, at 1, 2 or 5 times a power of ten.
  function ticks(max, count) {
    if (!(max > 0)) return [0, 1];
    var raw = max / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
    var step = [1, 2, 5, 10].map(function (m) { return m * power; }).find(function (s) { return s >= raw; });
    var values = [];
    for (var v = 0; v < max + step / 2; v += step) values.push(Number(v.toPrecision(12)));
    if (values[values.length - 1] < max) values.push(Number((values[values.length - 1] + step).toPrecision(12)));
    return values;
  }
  function size(root, width, height) {
    root.replaceChildren();
    root.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    root.setAttribute('width', width);
    root.setAttribute('height', height);
  }
  function message(root, width, text) {
    size(root, width, 40);
    root.append(svg('text', { class: 'empty', x: 4, y: 24, text: text }));
  }

  // Rows per stage: one horizontal bar per stage, upstream first; gold's is_match rows drawn inside its bar.
  function drawFunnel(root, stages, scores) {
    var W = 560, LABEL = 190, VALUE = 150, ROW = 46, TOP = 6;
    var barW = W - LABEL - VALUE;
    var max = Math.max.apply(null, stages.map(function (s) { return s.rows || 0; }).concat([1]));
    size(root, W, TOP + stages.length * ROW);
    stages.forEach(function (stage, i) {
      var y = TOP + i * ROW, w = stage.rows ? Math.max(2, stage.rows / max * barW) : 0;
      var isGold = scores && stage.asset === scores.asset;
      var matched = isGold ? Math.max(scores.matches ? 2 : 0, scores.matches / max * barW) : 0;
      var value = stage.rows === null ? 'not materialized' : num(stage.rows) + ' rows' + (isGold ? ' · ' + num(scores.matches) + ' is_match' : '');
      root.append(svg('g', { class: 'stage', 'data-stage': stage.stage, 'data-asset': stage.asset, 'data-rows': stage.rows === null ? '' : stage.rows, 'data-matches': isGold ? scores.matches : null }, [
        svg('title', { text: stage.stage + ': ' + value + (stage.finishedAt ? '\n' + stage.asset + ', materialized ' + when(stage.finishedAt) + ' UTC' : '\n' + stage.asset) }),
        svg('text', { class: 'label', x: 0, y: y + 17, text: stage.stage }),
        svg('text', { x: 0, y: y + 32, text: stage.asset }),
        svg('rect', { class: 'bar', x: LABEL, y: y + 6, width: w, height: 28, rx: 3 }),
        isGold ? svg('rect', { class: 'matched', x: LABEL, y: y + 6, width: matched, height: 28, rx: 3 }) : null,
        svg('text', { class: 'value', x: LABEL + w + 8, y: y + 25, text: value }),
      ]));
    });
  }

  // The score histogram: stacked bars (is_match below, the rest above) and the threshold as a dashed line.
  function drawHistogram(root, scores) {
    var W = 560, H = 260, L = 46, R = 14, T = 26, B = 36;
    if (!scores) return message(root, W, 'gold/matches has not been materialized yet.');
    if (scores.bins.length === 0) return message(root, W, 'gold/matches holds no scores.');
    var plotW = W - L - R, plotH = H - T - B;
    var lo = scores.bins[0].from, hi = scores.bins[scores.bins.length - 1].to;
    var x = function (v) { return L + (v - lo) / (hi - lo) * plotW; };
    var yTicks = ticks(Math.max.apply(null, scores.bins.map(function (b) { return b.count; })), 4);
    var top = yTicks[yTicks.length - 1];
    var y = function (v) { return T + plotH * (1 - v / top); };
    size(root, W, H);
    root.append(svg('g', { class: 'grid' }, yTicks.map(function (v) {
      return svg('g', {}, [svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v) }), svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', text: num(v) })]);
    })));
    var every = Math.ceil(scores.bins.length / 10);
    var digits = scores.binWidth < 0.01 ? 3 : 2;
    root.append(svg('g', { class: 'axis' }, scores.bins.map(function (bin, i) { return bin.from; }).concat([hi]).map(function (edge, i, all) {
      if (i % every !== 0 && i !== all.length - 1) return null;
      return svg('text', { x: x(edge), y: H - B + 16, 'text-anchor': 'middle', text: edge.toFixed(digits) });
    })));
    root.append(svg('text', { x: L + plotW / 2, y: H - 4, 'text-anchor': 'middle', text: 'title score' }));
    scores.bins.forEach(function (bin) {
      var x0 = x(bin.from) + 1, w = Math.max(1, x(bin.to) - x(bin.from) - 2);
      var tip = bin.from.toFixed(digits) + '–' + bin.to.toFixed(digits) + ': ' + num(bin.count) + ' pairs, ' + num(bin.matches) + ' is_match';
      root.append(svg('g', { class: 'bin', 'data-from': bin.from, 'data-to': bin.to, 'data-count': bin.count, 'data-matches': bin.matches }, [
        svg('title', { text: tip }),
        svg('rect', { class: 'matched', x: x0, y: y(bin.matches), width: w, height: y(0) - y(bin.matches) }),
        svg('rect', { class: 'unmatched', x: x0, y: y(bin.count), width: w, height: y(bin.matches) - y(bin.count) }),
        bin.count > 0 ? svg('text', { class: 'value', x: x0 + w / 2, y: y(bin.count) - 4, 'text-anchor': 'middle', text: num(bin.count) }) : null,
      ]));
    });
    if (scores.threshold !== null) {
      var tx = x(scores.threshold);
      root.append(svg('g', { id: 'threshold', 'data-threshold': scores.threshold }, [
        svg('title', { text: 'acceptance threshold ' + scores.threshold + ', as recorded by ' + scores.asset + ' ' + scores.materializationId }),
        svg('line', { x1: tx, x2: tx, y1: T - 14, y2: y(0) }),
        svg('text', { x: tx - 4, y: T - 16, 'text-anchor': 'end', text: 'threshold ' + scores.threshold }),
      ]));
    }
  }

  // One asset's time in a run: from its first slot's start to its last slot's end (partitions overlap).
  function assetDurations(run) {
    var spans = {};
    (run.outcomes || []).forEach(function (o) {
      if (o.type !== 'materialized') return;
      var span = spans[o.asset] || (spans[o.asset] = { start: Infinity, end: 0, slots: 0, rows: 0 });
      span.start = Math.min(span.start, o.waitMs);
      span.end = Math.max(span.end, o.waitMs + o.durationMs);
      span.slots += 1;
      span.rows += o.rows;
    });
    Object.keys(spans).forEach(function (key) { spans[key].ms = spans[key].end - spans[key].start; });
    return spans;
  }

  // Each asset's duration across runs, oldest first: one colour per asset, a point per run that materialized it.
  function drawDurations(root, legend, runs, assetOrder) {
    var W = 1160, H = 300, L = 64, R = 40, T = 14, B = 44;
    legend.replaceChildren();
    var chronological = runs.slice().reverse();
    var spans = chronological.map(assetDurations);
    var keys = assetOrder(spans.flatMap(Object.keys));
    if (keys.length === 0) return message(root, W, 'No run has materialized anything yet.');
    var plotW = W - L - R, plotH = H - T - B, n = chronological.length;
    var x = function (i) { return n === 1 ? L + plotW / 2 : L + i * plotW / (n - 1); };
    var yTicks = ticks(Math.max.apply(null, spans.flatMap(function (s) { return Object.keys(s).map(function (k) { return s[k].ms; }); })), 5);
    var top = yTicks[yTicks.length - 1];
    var y = function (v) { return T + plotH * (1 - v / top); };
    size(root, W, H);
    root.append(svg('g', { class: 'grid' }, yTicks.map(function (v) {
      return svg('g', {}, [svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v) }), svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', text: ms(v) })]);
    })));
    var every = Math.ceil(n / 8);
    root.append(svg('g', { class: 'axis' }, chronological.map(function (run, i) {
      if (i % every !== 0 && i !== n - 1) return null;
      return svg('text', { x: x(i), y: H - B + 16, 'text-anchor': n > 1 && i === n - 1 ? 'end' : 'middle', text: when(run.startedAt).slice(5) });
    })));
    root.append(svg('text', { x: L + plotW / 2, y: H - 6, 'text-anchor': 'middle', text: 'run started (UTC)' }));
    keys.forEach(function (key, index) {
      var colour = SERIES[index % SERIES.length];
      var points = [];
      spans.forEach(function (s, i) { if (s[key]) points.push({ i: i, span: s[key], run: chronological[i] }); });
      var segments = [], current = [];
      points.forEach(function (p, j) {
        if (j > 0 && p.i !== points[j - 1].i + 1) { segments.push(current); current = []; }
        current.push(p);
      });
      segments.push(current);
      root.append(svg('g', { class: 'series', 'data-asset': key, 'data-points': points.length }, segments.filter(function (s) { return s.length > 1; }).map(function (segment) {
        return svg('polyline', { stroke: colour, points: segment.map(function (p) { return x(p.i) + ',' + y(p.span.ms); }).join(' ') });
      }).concat(points.map(function (p) {
        return svg('circle', { cx: x(p.i), cy: y(p.span.ms), r: 4, fill: colour, 'data-run-id': p.run.runId, 'data-ms': p.span.ms }, [
          svg('title', { text: key + ': ' + ms(p.span.ms) + (p.span.slots > 1 ? ' (' + p.span.slots + ' partitions)' : '') + ', ' + num(p.span.rows) + ' rows\nrun ' + p.run.runId + ', started ' + when(p.run.startedAt) + ' UTC' }),
        ]);
      }))));
      var swatch = el('i', { class: 'swatch' });
      swatch.style.background = colour;
      legend.append(el('button', {
        type: 'button', 'data-asset': key,
        onmouseenter: function () { focusSeries(root, key); }, onmouseleave: function () { focusSeries(root, null); },
        onfocus: function () { focusSeries(root, key); }, onblur: function () { focusSeries(root, null); },
      }, [swatch, key]));
    });
  }
  function focusSeries(root, key) {
    root.classList.toggle('focused', key !== null);
    root.querySelectorAll('.series').forEach(function (g) { g.classList.toggle('focus', g.getAttribute('data-asset') === key); });
  }

  // One run's timeline: a row per slot, waiting (light) then running (coloured by outcome), on the run's clock.
  function drawTimeline(run) {
    var W = 1160, LABEL = 250, RIGHT = 120, ROW = 20, TOP = 22;
    var outcomes = (run.outcomes || []).slice().sort(function (a, b) { return a.waitMs - b.waitMs || a.asset.localeCompare(b.asset); });
    var total = Math.max.apply(null, [run.durationMs, 1].concat(outcomes.map(function (o) { return o.waitMs + o.durationMs; })));
    var plotW = W - LABEL - RIGHT;
    var x = function (v) { return LABEL + v / total * plotW; };
    var root = svg('svg', { class: 'timeline', 'data-run-id': run.runId, role: 'img', 'aria-label': 'Timeline of run ' + run.runId });
    size(root, W, TOP + outcomes.length * ROW + 6);
    root.append(svg('g', { class: 'axis' }, ticks(total, 6).filter(function (v) { return v <= total; }).map(function (v) {
      return svg('g', {}, [svg('line', { x1: x(v), x2: x(v), y1: TOP - 4, y2: TOP + outcomes.length * ROW }), svg('text', { x: x(v), y: TOP - 8, 'text-anchor': 'middle', text: ms(v) })]);
    })));
    outcomes.forEach(function (o, i) {
      var y = TOP + i * ROW + 4, label = o.asset + (o.partition ? '[' + o.partition + ']' : '');
      var detail = o.type + (o.type === 'materialized' ? ', ' + num(o.rows) + ' rows' : '') + (o.error ? ': ' + o.error.message : o.reason ? ': ' + o.reason : '');
      root.append(svg('g', { class: 'slot', 'data-asset': o.asset, 'data-partition': o.partition, 'data-type': o.type, 'data-wait-ms': o.waitMs, 'data-duration-ms': o.durationMs }, [
        svg('title', { text: label + '\n' + detail + '\nwaited ' + ms(o.waitMs) + ', ran ' + ms(o.durationMs) + (o.attempts > 1 ? ' in ' + o.attempts + ' attempts' : '') }),
        svg('text', { class: 'name', x: 0, y: y + 9, text: label }),
        svg('rect', { class: 'wait', x: LABEL, y: y, width: Math.max(0, x(o.waitMs) - LABEL), height: 12, fill: OUTCOMES.wait }),
        svg('rect', { class: 'run', x: x(o.waitMs), y: y, width: Math.max(2, x(o.waitMs + o.durationMs) - x(o.waitMs)), height: 12, fill: OUTCOMES[o.type] || OUTCOMES.failed }),
        svg('text', { x: Math.max(x(o.waitMs + o.durationMs), x(o.waitMs) + 2) + 6, y: y + 10, text: o.type === 'materialized' ? ms(o.durationMs) : o.type }),
      ]));
    });
    return root;
  }
`;
