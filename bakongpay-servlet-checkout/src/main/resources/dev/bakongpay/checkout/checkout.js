// Live status of the checkout card: a countdown and a poll of /status. Everything the shopper reads
// is already in the server-rendered HTML; this only flips the card's data-status.
(function () {
  'use strict';
  var card = document.getElementById('checkout');
  if (!card) return;
  var statusUrl = card.getAttribute('data-status-url');
  var expiresAt = Number(card.getAttribute('data-expires-at'));
  var pollMs = Number(card.getAttribute('data-poll-ms')) || 2000;
  // the shopper's clock may be wrong; count down on the server's
  var skew = Number(card.getAttribute('data-server-now')) - Date.now();
  var countdown = document.getElementById('countdown');
  var inFlight = false, pollTimer = null, tickTimer = null;

  function status() { return card.getAttribute('data-status'); }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function show(s) {
    if (!s || s === status()) return;
    card.setAttribute('data-status', s);
    if (s !== 'PENDING') {
      clearInterval(tickTimer);
      clearTimeout(pollTimer);
    }
  }

  function tick() {
    var left = Math.max(0, Math.floor((expiresAt - (Date.now() + skew)) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), sec = left % 60;
    if (countdown) countdown.textContent = (h > 0 ? h + ':' + pad(m) : pad(m)) + ':' + pad(sec);
    if (left === 0 && status() === 'PENDING') poll();
  }

  function poll() {
    if (inFlight || status() !== 'PENDING') return;
    inFlight = true;
    clearTimeout(pollTimer);
    var xhr = new XMLHttpRequest();
    xhr.open('GET', statusUrl, true);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      inFlight = false;
      if (xhr.status === 200) {
        try { show(JSON.parse(xhr.responseText).status); } catch (e) { /* keep the last state */ }
      }
      // back off on errors so a broken server is not hammered by every open tab
      if (status() === 'PENDING') pollTimer = setTimeout(poll, xhr.status === 200 ? pollMs : pollMs * 3);
    };
    xhr.send();
  }

  if (status() === 'PENDING') {
    tick();
    tickTimer = setInterval(tick, 1000);
    pollTimer = setTimeout(poll, pollMs);
  }
})();
