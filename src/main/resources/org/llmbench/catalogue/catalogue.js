// The catalogue's behaviour: filters, the leaderboard per model, the runs table, the compare view and the charts,
// all computed here from the rows the page carries (one per model of each run, read from its ledger). Plain ES5 on
// purpose (any current browser, and the headless browser of the tests). Text from submissions (models, handles,
// devices) is only ever set as textContent, never as HTML.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('catalogue-data').textContent);
  var NONE = '(not recorded)';
  var CLASSES = { 'cpu': 'CPU', 'discrete-gpu': 'discrete GPU', 'unified-memory': 'unified memory' };
  var MEMORY = [8, 16, 32, 64, 128, 256];

  function el(tag, value, className) {
    var e = document.createElement(tag);
    if (value !== undefined && value !== null) { e.textContent = value; }
    if (className) { e.className = className; }
    return e;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function fixed(v, digits) { return v === null || v === undefined ? '-' : v.toFixed(digits); }

  function value(row, field) {
    var v = row[field];
    return v === null || v === undefined || v === '' ? NONE : String(v);
  }

  // Filters: one select per field, filled with the values the rows hold.
  var selects = { 'filter-class': 'deviceClass', 'filter-quant': 'quant', 'filter-os': 'os', 'filter-runtime': 'runtime',
    'filter-provider': 'provider', 'filter-harness': 'harness', 'filter-settings': 'settings' };

  function fill(select, values, labels) {
    select.appendChild(el('option', 'all')).value = '';
    for (var i = 0; i < values.length; i++) {
      var o = el('option', labels && labels[values[i]] ? labels[values[i]] : values[i]);
      o.value = values[i];
      select.appendChild(o);
    }
  }

  function distinct(field) {
    var seen = {};
    var out = [];
    for (var i = 0; i < data.rows.length; i++) {
      var v = value(data.rows[i], field);
      if (!seen[v]) { seen[v] = true; out.push(v); }
    }
    return out.sort();
  }

  for (var id in selects) {
    if (Object.prototype.hasOwnProperty.call(selects, id)) {
      fill(document.getElementById(id), distinct(selects[id]), id === 'filter-class' ? CLASSES : null);
    }
  }
  var memorySelect = document.getElementById('filter-memory');
  fill(memorySelect, MEMORY.map(String), (function () {
    var l = {};
    MEMORY.forEach(function (m) { l[m] = m + ' GB'; });
    return l;
  }()));

  function keep(row) {
    for (var id in selects) {
      if (Object.prototype.hasOwnProperty.call(selects, id)) {
        var wanted = document.getElementById(id).value;
        if (wanted && value(row, selects[id]) !== wanted) { return false; }
      }
    }
    var model = document.getElementById('filter-model').value.trim().toLowerCase();
    if (model && row.model.toLowerCase().indexOf(model) < 0) { return false; }
    var memory = memorySelect.value;
    if (memory && (row.memoryGb === null || row.memoryGb > Number(memory) + 0.5)) { return false; }
    return !document.getElementById('filter-verified').checked || row.verified;
  }

  function kept() {
    var out = [];
    for (var i = 0; i < data.rows.length; i++) {
      if (keep(data.rows[i])) { out.push(data.rows[i]); }
    }
    return out;
  }

  // Aggregates over runs: a score is the mean of the runs' scores with the mean half-width of their intervals (the
  // runs share their questions, so that error does not shrink with more runs); speeds are medians of the runs' medians.
  function score(figs) {
    if (figs.length === 0) { return null; }
    var s = 0;
    var hw = 0;
    for (var i = 0; i < figs.length; i++) { s += figs[i].s; hw += figs[i].hw; }
    return { s: s / figs.length, hw: hw / figs.length, n: figs.length };
  }

  function median(values) {
    var v = values.filter(function (x) { return x !== null && x !== undefined; }).sort(function (a, b) { return a - b; });
    if (v.length === 0) { return null; }
    var mid = Math.floor(v.length / 2);
    return { v: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, n: v.length };
  }

  function normalised(row) {
    return row.total.tps !== null && row.bandwidthGbS ? row.total.tps / row.bandwidthGbS * 100 : null;
  }

  function footprint(field) {
    return function (r) { return r.footprint ? r.footprint[field] : null; };
  }

  function aggregate(rows) {
    var byModel = {};
    var order = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (!byModel[r.model]) { byModel[r.model] = []; order.push(r.model); }
      byModel[r.model].push(r);
    }
    return order.map(function (model) {
      var runs = byModel[model];
      var phases = {};
      data.phases.forEach(function (p) {
        phases[p] = score(runs.filter(function (r) { return r.phases[p]; }).map(function (r) { return r.phases[p]; }));
      });
      var settings = {};
      runs.forEach(function (r) { settings[r.settings] = true; });
      return {
        model: model, runs: runs.length, settings: Object.keys(settings).length, verified: runs.filter(function (r) { return r.verified; }).length,
        total: score(runs.map(function (r) { return r.total; })), phases: phases,
        ttft: median(runs.map(function (r) { return r.total.ttft; })), tps: median(runs.map(function (r) { return r.total.tps; })),
        norm: median(runs.map(normalised)), lat: median(runs.map(function (r) { return r.total.lat; })),
        mem: median(runs.map(footprint('memoryPeakGb'))), vram: median(runs.map(footprint('vramPeakGb'))),
        jpq: median(runs.map(footprint('joulesPerQuestion'))), tpj: median(runs.map(footprint('tokensPerJoule')))
      };
    }).sort(function (a, b) { return b.total.s - a.total.s || (a.model < b.model ? -1 : 1); });
  }

  function scoreCell(agg, className) {
    var td = el('td', null, 'num' + (className ? ' ' + className : ''));
    if (!agg) { td.textContent = '-'; return td; }
    td.appendChild(el('span', agg.s.toFixed(1), 's'));
    td.appendChild(document.createTextNode(' \u00b1 ' + agg.hw.toFixed(1) + ' '));
    td.appendChild(el('span', 'n=' + agg.n, 'n'));
    return td;
  }

  function medianCell(m, digits) {
    var td = el('td', null, 'num');
    if (!m) { td.textContent = '-'; return td; }
    td.appendChild(el('span', m.v.toFixed(digits), 's'));
    td.appendChild(document.createTextNode(' '));
    td.appendChild(el('span', 'n=' + m.n, 'n'));
    return td;
  }

  function head(table, names) {
    var thead = table.querySelector('thead');
    clear(thead);
    var tr = el('tr');
    names.forEach(function (n) { tr.appendChild(el('th', n)); });
    thead.appendChild(tr);
  }

  function chart(node, option) {
    if (typeof echarts === 'undefined') { return; }
    var old = echarts.getInstanceByDom(node);
    if (old) { old.dispose(); }
    clear(node);
    var instance = echarts.init(node, null, { renderer: 'svg' });
    option.animation = false;
    instance.setOption(option);
    node.setAttribute('data-rendered', 'true');
  }

  function renderBoard() {
    var rows = kept();
    var runs = {};
    rows.forEach(function (r) { runs[r.run] = true; });
    document.getElementById('shown').textContent = Object.keys(runs).length + ' runs, ' + rows.length + ' model results shown';
    var board = aggregate(rows);
    var table = document.getElementById('board');
    head(table, ['model', 'runs', 'verified', 'settings'].concat(['weighted total']).concat(data.phases)
      .concat(['TTFT p50, ms', 'tokens/s p50', 'tokens/s per 100 GB/s', 'latency p50, ms', 'peak memory, GB',
        'peak VRAM, GB', 'joules / question', 'tokens / joule']));
    var body = table.querySelector('tbody');
    clear(body);
    board.forEach(function (b) {
      var tr = el('tr');
      tr.setAttribute('data-model', b.model);
      tr.appendChild(el('td', b.model, 'model'));
      tr.appendChild(el('td', String(b.runs), 'num runs'));
      tr.appendChild(el('td', String(b.verified), 'num verified-count'));
      var mixed = el('td', b.settings === 1 ? '1' : b.settings + ' (mixed)', 'num settings' + (b.settings === 1 ? '' : ' unverified'));
      mixed.title = 'distinct settings (suites, options, weights) behind this row: scores are comparable only within one';
      tr.appendChild(mixed);
      tr.appendChild(scoreCell(b.total, 'total'));
      data.phases.forEach(function (p) { tr.appendChild(scoreCell(b.phases[p], 'phase')); });
      tr.appendChild(medianCell(b.ttft, 0));
      tr.appendChild(medianCell(b.tps, 1));
      tr.appendChild(medianCell(b.norm, 2));
      tr.appendChild(medianCell(b.lat, 0));
      tr.appendChild(medianCell(b.mem, 2));
      tr.appendChild(medianCell(b.vram, 2));
      tr.appendChild(medianCell(b.jpq, 1));
      tr.appendChild(medianCell(b.tpj, 1));
      body.appendChild(tr);
    });
    if (board.length === 0) {
      var none = el('tr');
      var cell = el('td', data.rows.length === 0 ? 'No run on this page yet.' : 'No run matches the filters.', 'empty');
      cell.colSpan = 99;
      none.appendChild(cell);
      body.appendChild(none);
    }
    var withBandwidth = rows.filter(function (r) { return r.bandwidthGbS; }).length;
    document.getElementById('normalised-note').textContent = withBandwidth === 0
      ? 'No run shown records its memory bandwidth in hardware.json, so no speed is normalised (nothing is estimated).'
      : 'Tokens/s per 100 GB/s: each run\'s median tokens/s over the memory bandwidth its hardware.json records (the GPU\'s on a '
        + 'discrete-GPU machine, else the main memory\'s): token generation reads the weights once per token, so this '
        + 'compares runtimes across machines. ' + (rows.length - withBandwidth) + ' of ' + rows.length
        + ' results record no bandwidth and are left blank, not estimated.';
    renderRuns(rows);
    var top = board.slice(0, 30);
    chart(document.getElementById('chart-board'), {
      title: { text: 'weighted total per model (mean of runs)', textStyle: { fontSize: 12 } },
      tooltip: {}, grid: { bottom: 90 },
      xAxis: { type: 'category', data: top.map(function (b) { return b.model; }), axisLabel: { rotate: 40 } },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ type: 'bar', data: top.map(function (b) { return Number(b.total.s.toFixed(1)); }) }]
    });
  }

  function renderRuns(rows) {
    var table = document.getElementById('runs');
    head(table, ['date', 'model', 'handle / device', 'device class', 'quantization', 'memory', 'OS', 'runtime', 'provider',
      'harness', 'settings', 'weighted total', 'peak memory', 'energy', 'verified', 'report']);
    var body = table.querySelector('tbody');
    clear(body);
    var sorted = rows.slice().sort(function (a, b) { return b.total.s - a.total.s || (a.run < b.run ? -1 : 1); });
    sorted.forEach(function (r) {
      var tr = el('tr');
      tr.setAttribute('data-run', r.run);
      tr.appendChild(el('td', r.date));
      tr.appendChild(el('td', r.model));
      tr.appendChild(el('td', r.handle + ' / ' + r.device));
      tr.appendChild(el('td', CLASSES[r.deviceClass] || r.deviceClass));
      tr.appendChild(el('td', value(r, 'quant')));
      tr.appendChild(el('td', (r.memoryGb === null ? '?' : r.memoryGb + ' GB') + (r.vramGb ? ' + ' + r.vramGb + ' GB VRAM' : '')));
      tr.appendChild(el('td', value(r, 'os')));
      tr.appendChild(el('td', value(r, 'runtime')));
      tr.appendChild(el('td', value(r, 'provider')));
      tr.appendChild(el('td', value(r, 'harness')));
      tr.appendChild(el('td', r.settings, 'settings'));
      tr.appendChild(scoreCell({ s: r.total.s, hw: r.total.hw, n: 1 }, 'total'));
      var f = r.footprint || {};
      tr.appendChild(el('td', f.memoryPeakGb ? f.memoryPeakGb + ' GB' + (f.vramPeakGb ? ' + ' + f.vramPeakGb + ' GB VRAM' : '')
        + ' (' + f.memorySource + ')' : '-', 'num'));
      tr.appendChild(el('td', f.joulesPerQuestion ? f.joulesPerQuestion.toFixed(1) + ' J/question (' + f.energySource + ')' : '-', 'num'));
      var v = el('td', r.verified ? 'verified' : 'not verified', r.verified ? 'verified' : 'unverified');
      v.title = r.verdict || '';
      tr.appendChild(v);
      var link = el('a', 'report.html');
      link.href = r.link;
      var td = el('td');
      td.appendChild(link);
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  // Compare: each side is a model on a device class (or on any), over the runs the filters keep.
  function side(prefix, rows) {
    var model = document.getElementById(prefix + '-model').value;
    var cls = document.getElementById(prefix + '-class').value;
    var picked = rows.filter(function (r) { return r.model === model && (!cls || r.deviceClass === cls); });
    var agg = aggregate(picked);
    return { label: model + ' on ' + (cls ? CLASSES[cls] : 'any device'), agg: agg.length ? agg[0] : null };
  }

  function renderCompare() {
    var rows = kept();
    document.getElementById('shown').textContent = rows.length + ' model results shown';
    var a = side('a', rows);
    var b = side('b', rows);
    var table = document.getElementById('compare-table');
    head(table, ['', a.label, b.label, 'B - A']);
    var body = table.querySelector('tbody');
    clear(body);
    function line(name, fa, fb, digits, kind) {
      var tr = el('tr');
      tr.setAttribute('data-figure', name);
      tr.appendChild(el('th', name));
      if (kind === 'score') {
        tr.appendChild(scoreCell(fa));
        tr.appendChild(scoreCell(fb));
        tr.appendChild(el('td', fa && fb ? (fb.s - fa.s >= 0 ? '+' : '') + (fb.s - fa.s).toFixed(1) : '-', 'num delta'));
      } else {
        tr.appendChild(medianCell(fa, digits));
        tr.appendChild(medianCell(fb, digits));
        tr.appendChild(el('td', fa && fb ? (fb.v - fa.v >= 0 ? '+' : '') + (fb.v - fa.v).toFixed(digits) : '-', 'num delta'));
      }
      body.appendChild(tr);
    }
    var A = a.agg || { phases: {} };
    var B = b.agg || { phases: {} };
    line('runs', A.runs ? { v: A.runs, n: A.runs } : null, B.runs ? { v: B.runs, n: B.runs } : null, 0, 'median');
    line('weighted total', A.total, B.total, 1, 'score');
    data.phases.forEach(function (p) { line(p, A.phases[p], B.phases[p], 1, 'score'); });
    line('TTFT p50, ms', A.ttft, B.ttft, 0, 'median');
    line('tokens/s p50', A.tps, B.tps, 1, 'median');
    line('tokens/s per 100 GB/s', A.norm, B.norm, 2, 'median');
    line('latency p50, ms', A.lat, B.lat, 0, 'median');
    line('peak memory, GB', A.mem, B.mem, 2, 'median');
    line('joules / question', A.jpq, B.jpq, 1, 'median');
    var names = ['weighted total'].concat(data.phases);
    function bars(agg) {
      return names.map(function (n) {
        var f = n === 'weighted total' ? (agg && agg.total) : (agg && agg.phases[n]);
        return f ? Number(f.s.toFixed(1)) : null;
      });
    }
    chart(document.getElementById('chart-compare'), {
      title: { text: 'score per phase', textStyle: { fontSize: 12 } }, tooltip: {}, legend: { bottom: 0 },
      xAxis: { type: 'category', data: names }, yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ name: 'A: ' + a.label, type: 'bar', data: bars(a.agg) }, { name: 'B: ' + b.label, type: 'bar', data: bars(b.agg) }]
    });
  }

  var render = renderBoard;
  if (document.body.getAttribute('data-kind') === 'compare') {
    render = renderCompare;
    var models = distinct('model');
    var classes = distinct('deviceClass');
    ['a', 'b'].forEach(function (prefix, i) {
      var m = document.getElementById(prefix + '-model');
      models.forEach(function (name) { m.appendChild(el('option', name)).value = name; });
      m.value = models[Math.min(i, models.length - 1)] || '';
      var c = document.getElementById(prefix + '-class');
      c.appendChild(el('option', 'any')).value = '';
      classes.forEach(function (name) { c.appendChild(el('option', CLASSES[name] || name)).value = name; });
      m.addEventListener('change', render);
      c.addEventListener('change', render);
    });
  }
  ['filter-model', 'filter-verified', 'filter-memory'].concat(Object.keys(selects)).forEach(function (id) {
    var e = document.getElementById(id);
    e.addEventListener('change', render);
    e.addEventListener('input', render);
  });
  render();
  // How long the page took to become usable, for anyone (and the catalogue's scale figures) to check.
  if (window.performance && performance.now) {
    document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  }
}());
