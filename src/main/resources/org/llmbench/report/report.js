// The page's behaviour: the questions table, its filters, the side-by-side view and the charts. Plain ES5 on
// purpose (any current browser, and the headless browser of the tests). Model text is only ever set as
// textContent, never as HTML, so an answer holding <script> or <img onerror> shows as text and runs nothing.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);

  function colour(score) {
    if (score === null || score === undefined) { return '#fff'; }
    var hue = Math.round(score * 1.2); // 0 red .. 120 green
    return 'hsl(' + hue + ', 65%, 85%)';
  }

  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) { el.className = className; }
    return el;
  }

  function failed(row) {
    for (var i = 0; i < row.cells.length; i++) {
      if (row.cells[i] && !row.cells[i].p) { return true; }
    }
    return false;
  }

  function differs(row) {
    var first = null;
    for (var i = 0; i < row.cells.length; i++) {
      var c = row.cells[i];
      var s = c ? c.s : null;
      if (i === 0) { first = s; } else if (s !== first) { return true; }
    }
    return false;
  }

  var body = document.querySelector('#questions-table tbody');
  var rowsByKey = {};

  function renderRows() {
    var phase = document.getElementById('filter-phase').value;
    var tag = document.getElementById('filter-tag').value.trim().toLowerCase();
    var onlyFailed = document.getElementById('filter-failed').checked;
    var onlyChanged = document.getElementById('filter-changed').checked;
    while (body.firstChild) { body.removeChild(body.firstChild); }
    var shown = 0;
    for (var i = 0; i < data.rows.length; i++) {
      var row = data.rows[i];
      if (phase && row.phase !== phase) { continue; }
      if (tag && row.tag.toLowerCase().indexOf(tag) < 0 && row.key.toLowerCase().indexOf(tag) < 0) { continue; }
      if (onlyFailed && !failed(row)) { continue; }
      if (onlyChanged && !differs(row)) { continue; }
      var tr = document.createElement('tr');
      tr.setAttribute('data-key', row.key);
      tr.appendChild(text('td', row.key));
      for (var j = 0; j < row.cells.length; j++) {
        var c = row.cells[j];
        var td = text('td', c ? c.s.toFixed(1) : '-', 'cell');
        td.style.background = colour(c ? c.s : null);
        tr.appendChild(td);
      }
      tr.addEventListener('click', open.bind(null, row, tr));
      body.appendChild(tr);
      rowsByKey[row.key] = tr;
      shown++;
    }
    document.getElementById('shown').textContent = shown + ' of ' + data.rows.length + ' shown';
  }

  function open(row, tr) {
    var previous = document.querySelector('#questions-table tr.open');
    if (previous) { previous.className = ''; }
    tr.className = 'open';
    document.getElementById('detail').hidden = false;
    document.getElementById('detail-title').textContent = row.key;
    document.getElementById('detail-prompt').textContent = row.prompt;
    var answers = document.getElementById('detail-answers');
    while (answers.firstChild) { answers.removeChild(answers.firstChild); }
    for (var j = 0; j < data.columns.length; j++) {
      var c = row.cells[j];
      var box = document.createElement('div');
      box.className = 'answer';
      box.appendChild(text('h4', data.columns[j].label + (c ? ': ' + c.s.toFixed(1) + (c.p ? ' (passed)' : ' (failed)') : ': not run')));
      if (c) {
        if (c.e) { box.appendChild(text('p', 'call failed: ' + c.e)); }
        box.appendChild(text('pre', c.a, 'answer-text'));
        var list = document.createElement('ul');
        for (var k = 0; k < c.r.length; k++) { list.appendChild(text('li', c.r[k])); }
        box.appendChild(list);
      }
      answers.appendChild(box);
    }
  }

  ['filter-phase', 'filter-tag', 'filter-failed', 'filter-changed'].forEach(function (id) {
    var el = document.getElementById(id);
    el.addEventListener('change', renderRows);
    el.addEventListener('input', renderRows);
  });
  renderRows();

  function cdf(values) {
    var points = [];
    for (var i = 0; i < values.length; i++) {
      points.push([values[i], values.length === 1 ? 1 : i / (values.length - 1)]);
    }
    return points;
  }

  function chart(el, option) {
    if (typeof echarts === 'undefined') { return; }
    var instance = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    instance.setOption(option);
    el.setAttribute('data-rendered', 'true');
  }

  var charts = document.querySelectorAll('.chart[data-figure]');
  for (var i = 0; i < charts.length; i++) {
    var el = charts[i];
    var figure = el.getAttribute('data-figure');
    var series = [];
    var any = false;
    for (var j = 0; j < data.columns.length; j++) {
      var values = data.speed[figure][j];
      any = any || values.length > 0;
      series.push({ name: data.columns[j].label, type: 'line', step: 'end', showSymbol: false, data: cdf(values) });
    }
    if (!any) {
      el.appendChild(text('p', el.getAttribute('data-title') + ': nothing measured', 'note'));
      continue;
    }
    chart(el, {
      title: { text: el.getAttribute('data-title'), textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
      xAxis: { type: 'value', scale: true }, yAxis: { type: 'value', min: 0, max: 1, name: 'share' },
      series: series
    });
  }

  var lanesEl = document.getElementById('chart-lanes');
  if (data.lanes.length === 0) {
    lanesEl.appendChild(text('p', 'no parallel phase in these runs', 'note'));
  } else {
    var byModel = {};
    for (var k = 0; k < data.lanes.length; k++) {
      var f = data.lanes[k];
      var name = f.model + ' ' + f.phase;
      (byModel[name] = byModel[name] || []).push([f.lanes, f.completion_tokens_per_s]);
    }
    var laneSeries = [];
    for (var n in byModel) {
      if (Object.prototype.hasOwnProperty.call(byModel, n)) {
        laneSeries.push({ name: n, type: 'line', data: byModel[n].sort(function (a, b) { return a[0] - b[0]; }) });
      }
    }
    chart(lanesEl, {
      title: { text: lanesEl.getAttribute('data-title'), textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
      xAxis: { type: 'value', name: 'lanes', minInterval: 1 }, yAxis: { type: 'value', name: 'tokens/s' },
      series: laneSeries
    });
  }
  // Score against what a model costs: one point per model that measured it, drawn when two or more did. The tooltip
  // is HTML: the model's name is escaped there (a server names its models).
  var costCharts = document.querySelectorAll('.chart[data-cost]');
  for (var q = 0; q < costCharts.length; q++) {
    var costEl = costCharts[q];
    var key = costEl.getAttribute('data-cost');
    var points = [];
    for (var r = 0; r < data.cost.length; r++) {
      var point = data.cost[r];
      if (point[key] !== null && point[key] !== undefined) {
        points.push({ name: point.c, value: [point[key], point.s] });
      }
    }
    if (points.length < 2) {
      costEl.appendChild(text('p', costEl.getAttribute('data-title') + ': needs two or more models that measured it', 'note'));
      continue;
    }
    chart(costEl, {
      title: { text: costEl.getAttribute('data-title'), textStyle: { fontSize: 12 } },
      tooltip: { trigger: 'item', formatter: function (p) { return echarts.format.encodeHTML(p.name) + ': ' + p.value[1].toFixed(1) + ' at ' + p.value[0].toPrecision(3); } },
      xAxis: { type: 'value', scale: true, name: key === 'm' ? 'MiB' : 'J / correct' },
      yAxis: { type: 'value', min: 0, max: 100, name: 'score' },
      series: [{ type: 'scatter', symbolSize: 12, data: points, label: { show: true, position: 'right', formatter: '{b}' } }]
    });
  }

  // How long the page took to become usable, for anyone (and the README's figure) to check.
  if (window.performance && performance.now) {
    document.body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  }
}());
