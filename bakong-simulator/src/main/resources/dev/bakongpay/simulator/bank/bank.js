// The mock bank app. Everything it shows comes from a QR anyone could craft, so it only ever
// writes text (textContent), never HTML; the page's CSP forbids inline and foreign scripts.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };

  // A simulator started with BAKONG_SIMULATOR_CONTROL_TOKEN wants it on every control call. The page
  // never receives it from the server: the user types it once, and it stays in this tab only.
  var TOKEN_KEY = 'bakong-simulator-control-token';

  function controlToken() {
    try { return window.sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
  }

  function call(method, path, body, contentType) {
    // every control call is JSON (or a picture): the control API refuses text/plain and forms
    var init = { method: method, headers: {}, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = contentType || 'application/json';
      init.body = contentType ? body : JSON.stringify(body);
    }
    var token = controlToken();
    if (token) { init.headers.Authorization = 'Bearer ' + token; }
    return fetch(path, init).then(function (response) {
      if (response.status === 401) { $('token-box').hidden = false; }
      return response.json().catch(function () {
        return { responseCode: 1, responseMessage: 'The simulator answered HTTP ' + response.status };
      });
    });
  }

  function useToken() {
    var token = $('control-token').value.trim();
    try {
      if (token) { window.sessionStorage.setItem(TOKEN_KEY, token); } else { window.sessionStorage.removeItem(TOKEN_KEY); }
    } catch (e) { /* storage off: the token cannot be kept */ }
    $('control-token').value = '';
    $('token-box').hidden = true;
    refresh();
  }

  function show(id, text) { $(id).textContent = text == null || text === '' ? '—' : String(text); }

  function result(status, text) {
    var el = $('result');
    el.dataset.status = status;
    el.textContent = text;
  }

  function render(qr) {
    $('details').hidden = false;
    show('merchant', qr.merchantName);
    show('city', qr.merchantCity);
    show('account', qr.bakongAccountID);
    show('amount', qr.amount == null ? 'no amount (static QR): enter one below' : qr.amount + ' ' + (qr.currency || ''));
    show('expiry', qr.expiresAtMs == null ? 'does not expire' : new Date(qr.expiresAtMs).toLocaleString());
    show('md5', qr.md5);
    var problem = $('problem');
    problem.hidden = qr.payable;
    problem.textContent = qr.payable ? '' : (qr.problem || 'This KHQR cannot be paid');
  }

  function read() {
    var qr = $('qr').value.trim();
    if (!qr) { result('ERROR', 'Paste a KHQR first.'); return Promise.resolve(); }
    return call('POST', '/simulator/qrs', { qr: qr }).then(function (answer) {
      if (answer.responseCode === 0) { render(answer.data); result('', ''); } else { result('ERROR', answer.responseMessage); }
    });
  }

  function upload() {
    var file = $('image').files[0];
    if (!file) { return; }
    call('POST', '/simulator/qrs', file, file.type || 'application/octet-stream').then(function (answer) {
      if (answer.responseCode === 0) {
        $('qr').value = answer.data.qr;
        render(answer.data);
        result('', '');
      } else {
        result('ERROR', answer.responseMessage);
      }
    });
  }

  function settle(status) {
    var qr = $('qr').value.trim();
    if (!qr) { result('ERROR', 'Paste or upload a KHQR first.'); return; }
    var order = { qr: qr, status: status };
    if ($('from').value.trim()) { order.fromAccountId = $('from').value.trim(); }
    if ($('override').value.trim()) { order.amount = $('override').value.trim(); }
    call('POST', '/simulator/payments', order).then(function (answer) {
      if (answer.responseCode === 0) {
        var p = answer.data;
        result(p.status, (p.status === 'SUCCESS' ? 'Paid ' : 'Failed ') + p.amount + ' ' + p.currency + ' to ' + p.toAccountId + ' · hash ' + p.hash);
        offerReturn();
      } else {
        result('ERROR', answer.responseMessage);
      }
      refresh();
    });
  }

  function refresh() {
    call('GET', '/simulator/transactions').then(function (answer) {
      var body = $('transactions');
      body.replaceChildren();
      (answer.data || []).slice().reverse().forEach(function (p) {
        var row = document.createElement('tr');
        [p.status, p.amount + ' ' + p.currency, p.toAccountId, p.fromAccountId, p.md5].forEach(function (value, i) {
          var cell = document.createElement('td');
          cell.textContent = value;
          if (i === 4) { cell.className = 'mono'; }
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
    });
  }

  // Opened by a deep link whose sourceInfo named an app: once paid, go back to it, as Bakong does
  // with appDeepLinkCallback. Only an http(s) address becomes a link.
  var opened = new URLSearchParams(window.location.search);
  function offerReturn() {
    var back = opened.get('back');
    if (!back || !/^https?:\/\//i.test(back)) { return; }
    var link = $('return');
    link.href = back;
    link.textContent = 'Return to ' + (opened.get('app') || 'the app');
    link.hidden = false;
  }

  $('read').addEventListener('click', read);
  $('use-token').addEventListener('click', useToken);
  $('image').addEventListener('change', upload);
  $('pay').addEventListener('click', function () { settle('SUCCESS'); });
  $('fail').addEventListener('click', function () { settle('FAILED'); });
  var linked = new URLSearchParams(window.location.search).get('qr');
  if (linked) { $('qr').value = linked; read(); }
  refresh();
}());
