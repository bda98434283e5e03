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

  document.addEventListener('DOMContentLoaded', function () {
    recount();
    window.setInterval(recount, 30000);
  });
  // Fragments htmx swaps in carry countdowns too.
  document.addEventListener('htmx:afterSwap', recount);
}());
