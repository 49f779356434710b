// Live status of the checkout card: a countdown and a poll of /status. Everything the shopper reads
// is already in the server-rendered HTML; this only flips the card's data-status, data-late and
// data-mismatch.
(function () {
  'use strict';
  var card = document.getElementById('checkout');
  if (!card) return;
  var statusUrl = card.getAttribute('data-status-url');
  var expiresAt = Number(card.getAttribute('data-expires-at'));
  // a payment made in the last seconds may be confirmed after the expiry: an expired card is
  // watched until the server's late window ends (its /status then says final)
  var lateUntil = Number(card.getAttribute('data-late-until')) || expiresAt;
  var pollMs = Number(card.getAttribute('data-poll-ms')) || 2000;
  var settled = false;
  // the shopper's clock may be wrong; count down on the server's
  var skew = Number(card.getAttribute('data-server-now')) - Date.now();
  var countdown = document.getElementById('countdown');
  var inFlight = false, pollTimer = null, tickTimer = null;

  function status() { return card.getAttribute('data-status'); }

  function now() { return Date.now() + skew; }

  function watching() {
    var s = status();
    return !settled && (s === 'PENDING' || (s === 'EXPIRED' && now() < lateUntil));
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function show(d) {
    if (d.late === true) card.setAttribute('data-late', 'true');
    if (typeof d.mismatch === 'string') card.setAttribute('data-mismatch', d.mismatch);
    if (typeof d.lateUntil === 'string' && !isNaN(Date.parse(d.lateUntil))) lateUntil = Date.parse(d.lateUntil);
    if (d.final === true) settled = true;
    if (d.status && d.status !== status()) card.setAttribute('data-status', d.status);
    if (status() !== 'PENDING') clearInterval(tickTimer);
  }

  function tick() {
    var left = Math.max(0, Math.floor((expiresAt - now()) / 1000));
    var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), sec = left % 60;
    if (countdown) countdown.textContent = (h > 0 ? h + ':' + pad(m) : pad(m)) + ':' + pad(sec);
    if (left === 0 && status() === 'PENDING') poll();
  }

  function poll() {
    if (inFlight || !watching()) return;
    inFlight = true;
    clearTimeout(pollTimer);
    var xhr = new XMLHttpRequest();
    xhr.open('GET', statusUrl, true);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) return;
      inFlight = false;
      if (xhr.status === 200) {
        try { show(JSON.parse(xhr.responseText)); } catch (e) { /* keep the last state */ }
      }
      // slower after the expiry, and on errors so a broken server is not hammered by every open tab
      var next = xhr.status !== 200 ? pollMs * 3 : status() === 'PENDING' ? pollMs : pollMs * 2;
      if (watching()) pollTimer = setTimeout(poll, next);
    };
    xhr.send();
  }

  if (status() === 'PENDING') {
    tick();
    tickTimer = setInterval(tick, 1000);
  }
  if (watching()) pollTimer = setTimeout(poll, pollMs);
})();
