// The console's only script of its own (the policy runs no inline script). It recounts every
// countdown of the page each half minute, as the server writes them (console/Countdown.java):
// 「剩余2小时15分」, and once passed 「已超时3小时」 in red.
(function () {
  'use strict';

  function span(minutes) {
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor(minutes / 60) % 24;
    var mins = minutes % 60;
    var out = '';
    if (days > 0) { out += days + '天'; }
    if (hours > 0) { out += hours + '小时'; }
    if (mins > 0 && days === 0) { out += mins + '分'; }
    return out === '' ? '不到1分' : out;
  }

  function recount() {
    var now = Date.now();
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var due = Date.parse(el.getAttribute('data-due'));
      if (isNaN(due)) { return; }
      var late = due < now;
      var minutes = Math.floor(Math.abs(due - now) / 60000);
      el.textContent = (late ? '已超时' : '剩余') + span(minutes);
      el.classList.toggle('overdue', late);
    });
  }

  // The figures page's ranking chart (ECharts from its WebJar, loaded by that page only): the data
  // come in the element's data-chart attribute. Tooltips as rich text: an HTML tooltip would carry
  // inline style attributes, which the policy refuses.
  function charts() {
    if (typeof window.echarts === 'undefined') { return; }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      var line = data.kind === 'line'; // the trend: months along the axis, a gap where nothing was measured
      var chart = window.echarts.init(el, null, { renderer: 'canvas' }); // the SVG renderer writes style attributes, which the policy refuses
      chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: function (v) {
          return v === null || v === undefined ? '—' : v.toFixed(2) + '%';
        } },
        legend: { top: 0 },
        grid: { left: 48, right: 16, bottom: 72, top: 36 },
        xAxis: { type: 'category', data: data.names, axisLabel: { interval: 0, rotate: line ? 0 : 30 } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: data.series.map(function (s) {
          return { name: s.name, type: line ? 'line' : 'bar', data: s.data, connectNulls: false };
        })
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  // The operator's category tree: a click picks the category in the select (the form's value), and
  // the change event lets htmx recompute the routing preview.
  document.addEventListener('click', function (e) {
    var leaf = e.target.closest ? e.target.closest('[data-category]') : null;
    if (!leaf) { return; }
    var select = document.getElementById('category_code');
    if (!select) { return; }
    select.value = leaf.getAttribute('data-category');
    select.dispatchEvent(new Event('change', { bubbles: true }));
    var tree = document.getElementById('category-tree');
    if (tree) { tree.open = false; }
  });

  // A ringing call's caller panel (swapped in over SSE): the new ticket is for this caller and call.
  function takeCall() {
    var panel = document.querySelector('#caller-panel[data-call-id]:not([data-call-id=""]):not([data-taken])');
    if (!panel) { return; }
    panel.setAttribute('data-taken', 'yes');
    var phone = document.getElementById('citizen_phone');
    var call = document.getElementById('call_id');
    if (phone) { phone.value = panel.getAttribute('data-caller-phone'); }
    if (call) { call.value = panel.getAttribute('data-call-id'); }
    var description = document.getElementById('description');
    if (description) { description.focus(); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    charts();
    recount();
    window.setInterval(recount, 30000);
  });
  // Fragments htmx swaps in carry countdowns too.
  document.addEventListener('htmx:afterSwap', recount);
  document.addEventListener('htmx:afterSwap', takeCall);
}());
