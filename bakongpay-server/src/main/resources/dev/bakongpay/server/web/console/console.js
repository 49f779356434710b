// The operator console: signs in with the admin token (kept in this tab's sessionStorage, sent as a
// Bearer header to /admin/v1) and renders what the admin API answers. Every value from the server
// is written with textContent or setAttribute, never parsed as HTML.
(function () {
  'use strict';
  const TOKEN_KEY = 'bakongpay.adminToken';
  const LANG_KEY = 'bakongpay.consoleLang';
  const SVG = 'http://www.w3.org/2000/svg';
  const STATUS_ORDER = ['SUCCESS', 'PENDING', 'FAILED', 'EXPIRED'];
  const STATUS_COLOURS = { SUCCESS: '#1A9F53', PENDING: '#E0A100', FAILED: '#E1232E', EXPIRED: '#8A8F98' };

  const MESSAGES = {
    en: {
      title: 'BakongPay operator console', signIn: 'Sign in', signOut: 'Sign out', tokenLabel: 'Admin token',
      tokenHint: 'The value of BAKONGPAY_ADMIN_TOKEN. It stays in this browser tab only.',
      wrongToken: 'This is not the admin token.', unreachable: 'The server did not answer. Try again.',
      signedOut: 'The admin token was refused: sign in again.',
      tabPayments: 'Payments', tabWebhooks: 'Webhooks', tabKeys: 'API keys', tabActivity: 'Activity',
      md5: 'md5', transactionId: 'Transaction id', status: 'Status', merchantId: 'Merchant id', any: 'Any',
      search: 'Search', created: 'Created', merchant: 'Merchant', amount: 'Amount', noResults: 'Nothing found.',
      more: 'More', paymentDetail: 'Payment', upstream: 'Upstream payment (Bakong)',
      noUpstream: 'Bakong has reported no payment for it.', merchantName: 'Merchant name', bakongId: 'Bakong account',
      description: 'Description', mode: 'Mode', expires: 'Expires', updated: 'Last change', late: 'Paid late',
      statusReason: 'Reason', hash: 'Hash', from: 'From', to: 'To', acknowledged: 'Acknowledged',
      externalRef: 'External reference', instructionRef: 'Instruction reference', yes: 'yes',
      PENDING: 'Pending', SUCCESS: 'Paid', FAILED: 'Failed', EXPIRED: 'Expired',
      DEAD: 'Given up', DELIVERED: 'Delivered', stateFAILED: 'Failed', stateWaiting: 'Waiting', sending: 'Sending',
      state: 'State', refresh: 'Refresh', event: 'Event', attempts: 'Attempts', lastError: 'Last error',
      redeliver: 'Redeliver', redelivered: 'Webhook {id} will be sent again now.',
      label: 'Label', plan: 'Plan', prefix: 'Key', lastUsed: 'Last used', createKey: 'Create key',
      modeTest: 'Test', modeLive: 'Live', TEST: 'Test', LIVE: 'Live', ACTIVE: 'Active', EXPIRING: 'Expiring',
      REVOKED: 'Revoked', grace: 'Old key keeps working after a rotation for (seconds)',
      newKeyOnce: 'Copy this key now: it is shown only once.', done: 'Done', noKeys: 'No API keys yet.',
      keysUnavailable: 'This server has no API-key management.',
      revoke: 'Revoke', confirmRevoke: 'Revoke now?', rotate: 'Rotate', setPlan: 'Change plan',
      revoked: 'Key {id} is revoked.', planChanged: 'Key {id} is on plan {plan} now.',
      window: 'Window', hours1: 'Last hour', hours6: 'Last 6 hours', hours24: 'Last 24 hours', hours48: 'Last 48 hours',
      perMinute: 'Payments per minute, by status now', noActivity: 'No payments in this window.',
      chartTitle: 'Payments per minute from {from} to {to}', perMinuteMax: 'max {n} per minute',
      footer: 'No API key is ever shown here except once, right after it is created.'
    },
    km: {
      title: 'ផ្ទាំងគ្រប់គ្រង BakongPay', signIn: 'ចូល', signOut: 'ចាកចេញ', tokenLabel: 'លេខសម្ងាត់អ្នកគ្រប់គ្រង',
      tokenHint: 'តម្លៃរបស់ BAKONGPAY_ADMIN_TOKEN ។ វានៅតែក្នុងផ្ទាំងកម្មវិធីរុករកនេះប៉ុណ្ណោះ។',
      wrongToken: 'នេះមិនមែនជាលេខសម្ងាត់អ្នកគ្រប់គ្រងទេ។', unreachable: 'ម៉ាស៊ីនមេមិនបានឆ្លើយតប។ សូមព្យាយាមម្តងទៀត។',
      signedOut: 'លេខសម្ងាត់ត្រូវបានបដិសេធ៖ សូមចូលម្តងទៀត។',
      tabPayments: 'ការទូទាត់', tabWebhooks: 'Webhook', tabKeys: 'សោ API', tabActivity: 'សកម្មភាព',
      md5: 'md5', transactionId: 'លេខសម្គាល់ប្រតិបត្តិការ', status: 'ស្ថានភាព', merchantId: 'លេខសម្គាល់ឈ្មួញ', any: 'ទាំងអស់',
      search: 'ស្វែងរក', created: 'បានបង្កើត', merchant: 'ឈ្មួញ', amount: 'ចំនួនទឹកប្រាក់', noResults: 'រកមិនឃើញអ្វីទេ។',
      more: 'បន្ថែមទៀត', paymentDetail: 'ការទូទាត់', upstream: 'ការទូទាត់ពី Bakong',
      noUpstream: 'Bakong មិនទាន់រាយការណ៍ការទូទាត់សម្រាប់វានៅឡើយទេ។', merchantName: 'ឈ្មោះឈ្មួញ', bakongId: 'គណនី Bakong',
      description: 'ការពិពណ៌នា', mode: 'របៀប', expires: 'ផុតកំណត់', updated: 'ការផ្លាស់ប្តូរចុងក្រោយ', late: 'បង់យឺត',
      statusReason: 'មូលហេតុ', hash: 'Hash', from: 'ពី', to: 'ទៅ', acknowledged: 'បានទទួលស្គាល់',
      externalRef: 'លេខយោងខាងក្រៅ', instructionRef: 'លេខយោងការណែនាំ', yes: 'បាទ/ចាស',
      PENDING: 'កំពុងរង់ចាំ', SUCCESS: 'បានបង់', FAILED: 'បរាជ័យ', EXPIRED: 'ផុតកំណត់',
      DEAD: 'បានបោះបង់', DELIVERED: 'បានផ្ញើ', stateFAILED: 'បរាជ័យ', stateWaiting: 'កំពុងរង់ចាំ', sending: 'កំពុងផ្ញើ',
      state: 'ស្ថានភាព', refresh: 'ផ្ទុកឡើងវិញ', event: 'ព្រឹត្តិការណ៍', attempts: 'ការប៉ុនប៉ង', lastError: 'កំហុសចុងក្រោយ',
      redeliver: 'ផ្ញើម្តងទៀត', redelivered: 'Webhook {id} នឹងត្រូវផ្ញើម្តងទៀតឥឡូវនេះ។',
      label: 'ស្លាក', plan: 'គម្រោង', prefix: 'សោ', lastUsed: 'ប្រើចុងក្រោយ', createKey: 'បង្កើតសោ',
      modeTest: 'សាកល្បង', modeLive: 'ផ្ទាល់', TEST: 'សាកល្បង', LIVE: 'ផ្ទាល់', ACTIVE: 'សកម្ម', EXPIRING: 'ជិតផុតកំណត់',
      REVOKED: 'បានដកហូត', grace: 'សោចាស់នៅតែដំណើរការក្រោយការប្តូរ (វិនាទី)',
      newKeyOnce: 'ចម្លងសោនេះឥឡូវ៖ វាបង្ហាញតែម្តងប៉ុណ្ណោះ។', done: 'រួចរាល់', noKeys: 'មិនទាន់មានសោ API ទេ។',
      keysUnavailable: 'ម៉ាស៊ីនមេនេះមិនមានការគ្រប់គ្រងសោ API ទេ។',
      revoke: 'ដកហូត', confirmRevoke: 'ដកហូតឥឡូវ?', rotate: 'ប្តូរសោ', setPlan: 'ប្តូរគម្រោង',
      revoked: 'សោ {id} ត្រូវបានដកហូត។', planChanged: 'សោ {id} ឥឡូវស្ថិតនៅលើគម្រោង {plan} ។',
      window: 'រយៈពេល', hours1: 'មួយម៉ោងចុងក្រោយ', hours6: '៦ ម៉ោងចុងក្រោយ', hours24: '២៤ ម៉ោងចុងក្រោយ', hours48: '៤៨ ម៉ោងចុងក្រោយ',
      perMinute: 'ការទូទាត់ក្នុងមួយនាទី តាមស្ថានភាពបច្ចុប្បន្ន', noActivity: 'គ្មានការទូទាត់ក្នុងរយៈពេលនេះទេ។',
      chartTitle: 'ការទូទាត់ក្នុងមួយនាទី ពី {from} ដល់ {to}', perMinuteMax: 'អតិបរមា {n} ក្នុងមួយនាទី',
      footer: 'គ្មានសោ API ណាមួយត្រូវបានបង្ហាញនៅទីនេះទេ លើកលែងតែម្តងគត់ ភ្លាមៗបន្ទាប់ពីវាត្រូវបានបង្កើត។'
    }
  };

  let lang = pickLanguage();
  let currentTab = 'payments';
  let nextCursor = null;
  let paymentRows = [];
  const latestCall = {};
  // how to redraw each view with the words of the current language
  const lastRender = {};

  function $(id) { return document.getElementById(id); }

  /** Marks a new load of one view; the answer is drawn only if no later load of that view started meanwhile. */
  function ticket(view) {
    const mine = (latestCall[view] || 0) + 1;
    latestCall[view] = mine;
    return function () { return latestCall[view] === mine; };
  }

  function t(key, values) {
    let text = (MESSAGES[lang] && MESSAGES[lang][key]) || MESSAGES.en[key] || key;
    if (values) Object.keys(values).forEach(function (k) { text = text.split('{' + k + '}').join(String(values[k])); });
    return text;
  }

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  function pickLanguage() {
    const asked = new URLSearchParams(location.search).get('lang');
    if (asked && MESSAGES[asked]) return asked;
    try {
      const kept = localStorage.getItem(LANG_KEY);
      if (kept && MESSAGES[kept]) return kept;
    } catch (e) { /* storage off: English */ }
    return 'en';
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.title = t('title');
    document.querySelectorAll('[data-i18n]').forEach(function (e) { e.textContent = t(e.getAttribute('data-i18n')); });
    document.querySelectorAll('.lang').forEach(function (b) {
      if (b.getAttribute('data-lang') === lang) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
    });
    // redraw what holds translated words (status names, buttons, the chart's captions)
    Object.keys(lastRender).forEach(function (k) { lastRender[k](); });
  }

  function when(iso) {
    return iso ? String(iso).replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
  }

  function notice(text, isError) {
    const n = $('notice');
    n.textContent = text || '';
    n.className = isError ? 'notice error' : 'notice';
  }

  // ---- the admin API ----------------------------------------------------------------------

  function token() {
    try { return sessionStorage.getItem(TOKEN_KEY); } catch (e) { return null; }
  }

  /** Answers {status, body}; the success envelope, where a server uses it, is unwrapped. */
  async function call(method, path, body, withToken) {
    const headers = { 'Accept': 'application/json', 'Authorization': 'Bearer ' + (withToken || token() || '') };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch('v1/' + path, { method: method, headers: headers, cache: 'no-store', credentials: 'omit',
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      return { status: 0, body: null };
    }
    let json = null;
    try { json = await response.json(); } catch (e) { /* not JSON */ }
    if (json && json.success === true && 'data' in json) json = json.data;
    return { status: response.status, body: json };
  }

  /** Like call, and a refused token signs out; an error is shown and answers null. */
  async function api(method, path, body) {
    const r = await call(method, path, body);
    if (r.status === 401) { signOut(t('signedOut')); return null; }
    if (r.status === 0) { notice(t('unreachable'), true); return null; }
    if (r.status >= 400) {
      notice(r.body && r.body.error && r.body.error.message ? r.body.error.message : 'HTTP ' + r.status, true);
      return null;
    }
    return r;
  }

  // ---- signing in -------------------------------------------------------------------------

  async function signIn(candidate) {
    $('login-error').textContent = '';
    const r = await call('GET', 'webhooks?limit=1', undefined, candidate);
    if (r.status === 200) {
      try { sessionStorage.setItem(TOKEN_KEY, candidate); } catch (e) { /* kept for this page only */ }
      $('token').value = '';
      showApp();
      return;
    }
    $('login-error').textContent = r.status === 401 ? t('wrongToken')
      : r.status === 0 ? t('unreachable') : (r.body && r.body.error ? r.body.error.message : 'HTTP ' + r.status);
  }

  function signOut(message) {
    try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing kept */ }
    $('app').hidden = true;
    $('sign-out').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function showApp() {
    $('login').hidden = true;
    $('app').hidden = false;
    $('sign-out').hidden = false;
    showTab(location.hash.length > 1 ? location.hash.substring(1) : currentTab);
  }

  function showTab(name) {
    if (!$('tab-' + name)) name = 'payments';
    currentTab = name;
    notice('');
    document.querySelectorAll('[role=tabpanel]').forEach(function (p) { p.hidden = p.id !== 'tab-' + name; });
    document.querySelectorAll('[role=tab]').forEach(function (b) {
      b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === name));
    });
    if (location.hash !== '#' + name) history.replaceState(null, '', '#' + name);
    if (name === 'payments') searchPayments(false);
    else if (name === 'webhooks') loadWebhooks();
    else if (name === 'keys') loadKeys();
    else if (name === 'activity') loadActivity();
  }

  function badge(word) {
    return el('span', t(word), 'badge badge-' + word);
  }

  function cell(row, content) {
    const td = el('td');
    if (content instanceof Node) td.appendChild(content); else td.textContent = content === undefined || content === null ? '' : String(content);
    row.appendChild(td);
    return td;
  }

  // ---- payments ---------------------------------------------------------------------------

  async function searchPayments(more) {
    const params = new URLSearchParams();
    ['md5', 'transactionId', 'status', 'merchantId'].forEach(function (name) {
      const v = $('q-' + name).value.trim();
      if (v) params.set(name, v);
    });
    params.set('limit', '25');
    if (more && nextCursor) params.set('before', nextCursor);
    const current = ticket('payments');
    const r = await api('GET', 'payments?' + params.toString());
    if (!r || !current()) return;
    const rows = r.body.payments || [];
    nextCursor = r.body.next || null;
    paymentRows = (more ? paymentRows : []).concat(rows);
    lastRender.payments = function () { renderPayments(paymentRows); };
    renderPayments(paymentRows);
  }

  function renderPayments(rows) {
    const body = $('payments').querySelector('tbody');
    body.replaceChildren();
    rows.forEach(function (p) {
      const tr = el('tr');
      tr.tabIndex = 0;
      tr.setAttribute('data-id', p.transactionId);
      cell(tr, when(p.createdAt));
      const who = el('span');
      who.appendChild(el('span', p.merchantName, 'strong'));
      who.appendChild(el('span', p.merchantId, 'sub'));
      cell(tr, who);
      cell(tr, p.amount + ' ' + p.currency).className = 'num';
      cell(tr, badge(p.status));
      cell(tr, p.md5).className = 'mono';
      tr.addEventListener('click', function () { showPayment(p.transactionId); });
      tr.addEventListener('keydown', function (e) { if (e.key === 'Enter') showPayment(p.transactionId); });
      body.appendChild(tr);
    });
    $('payments-empty').hidden = rows.length > 0;
    $('payments-more').hidden = !nextCursor;
  }

  function field(list, key, value) {
    if (value === undefined || value === null || value === '') return;
    list.appendChild(el('dt', t(key)));
    const dd = el('dd');
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    list.appendChild(dd);
  }

  async function showPayment(id) {
    const current = ticket('payment');
    const r = await api('GET', 'payments/' + encodeURIComponent(id));
    if (!r || !current()) return;
    lastRender.paymentDetail = function () { renderPayment(r.body); };
    renderPayment(r.body);
  }

  function renderPayment(d) {
    const p = d.payment;
    const fields = $('payment-fields');
    fields.replaceChildren();
    field(fields, 'transactionId', p.transactionId);
    field(fields, 'status', badge(p.status));
    field(fields, 'statusReason', p.statusReason);
    field(fields, 'late', p.late ? t('yes') : null);
    field(fields, 'merchantId', p.merchantId);
    field(fields, 'merchantName', p.merchantName);
    field(fields, 'amount', p.amount + ' ' + p.currency);
    field(fields, 'bakongId', p.bakongId);
    field(fields, 'description', p.description);
    field(fields, 'mode', t(p.mode));
    field(fields, 'md5', p.md5);
    field(fields, 'created', when(p.createdAt));
    field(fields, 'expires', when(p.expiresAt));
    field(fields, 'updated', when(p.updatedAt));
    const up = $('payment-upstream');
    up.replaceChildren();
    const u = p.upstream;
    if (u) {
      field(up, 'hash', u.hash);
      field(up, 'from', u.from);
      field(up, 'to', u.to);
      field(up, 'amount', u.amount + ' ' + u.currency);
      field(up, 'acknowledged', when(new Date(u.timestamp).toISOString()));
      field(up, 'externalRef', u.externalRef);
      field(up, 'instructionRef', u.instructionRef);
    }
    up.hidden = !u;
    $('payment-no-upstream').hidden = !!u;
    const hooks = $('payment-webhooks');
    hooks.replaceChildren();
    (d.webhooks || []).forEach(function (w) {
      const li = el('li');
      li.appendChild(el('span', w.type + ' · ', 'mono'));
      li.appendChild(badge(webhookWord(w)));
      li.appendChild(el('span', ' ' + t('attempts') + ': ' + w.attempts + (w.lastError ? ' · ' + w.lastError : '')));
      if (w.redeliverable) li.appendChild(redeliverButton(w, function () { showPayment(p.transactionId); }));
      hooks.appendChild(li);
    });
    $('payment-detail').hidden = false;
  }

  // ---- webhooks ---------------------------------------------------------------------------

  function webhookWord(w) {
    if (w.sending) return 'sending';
    if (w.state === 'PENDING') return w.attempts > 0 ? 'stateFAILED' : 'stateWaiting';
    return w.state;
  }

  function redeliverButton(w, then) {
    const b = el('button', t('redeliver'), 'small');
    b.type = 'button';
    b.setAttribute('data-event', w.eventId);
    b.addEventListener('click', async function () {
      b.disabled = true;
      const r = await api('POST', 'webhooks/' + encodeURIComponent(w.eventId) + '/redeliver');
      if (r) { await then(); notice(t('redelivered', { id: w.eventId })); } else b.disabled = false;
    });
    return b;
  }

  async function loadWebhooks() {
    const state = $('w-state').value;
    const current = ticket('webhooks');
    const r = await api('GET', 'webhooks?limit=100' + (state ? '&state=' + encodeURIComponent(state) : ''));
    if (!r || !current()) return;
    lastRender.webhooks = function () { renderWebhooks(r.body.webhooks || []); };
    renderWebhooks(r.body.webhooks || []);
  }

  function renderWebhooks(rows) {
    const body = $('webhooks').querySelector('tbody');
    body.replaceChildren();
    rows.forEach(function (w) {
      const tr = el('tr');
      tr.setAttribute('data-event', w.eventId);
      const what = el('span');
      what.appendChild(el('span', w.type, 'strong'));
      what.appendChild(el('span', w.eventId + ' · ' + when(w.createdAt), 'sub mono'));
      cell(tr, what);
      cell(tr, w.merchantId);
      cell(tr, badge(webhookWord(w)));
      cell(tr, w.attempts).className = 'num';
      cell(tr, w.lastError);
      cell(tr, w.redeliverable ? redeliverButton(w, loadWebhooks) : '');
      body.appendChild(tr);
    });
    $('webhooks-empty').hidden = rows.length > 0;
  }

  // ---- API keys ---------------------------------------------------------------------------

  async function loadKeys() {
    const current = ticket('keys');
    const r = await call('GET', 'keys');
    if (!current()) return;
    if (r.status === 401) { signOut(t('signedOut')); return; }
    $('keys-unavailable').hidden = r.status !== 404;
    $('key-create').hidden = r.status === 404;
    if (r.status === 404) { $('keys').querySelector('tbody').replaceChildren(); return; }
    if (r.status !== 200) { notice(r.body && r.body.error ? r.body.error.message : t('unreachable'), true); return; }
    const keys = r.body.keys || [];
    lastRender.keys = function () { renderKeys(keys); };
    renderKeys(keys);
  }

  function renderKeys(keys) {
    const body = $('keys').querySelector('tbody');
    body.replaceChildren();
    keys.forEach(function (k) {
      const tr = el('tr');
      tr.setAttribute('data-key', k.id);
      cell(tr, k.prefix + '…').className = 'mono';
      cell(tr, k.label);
      cell(tr, k.merchantId);
      const plan = el('select', null, 'small');
      plan.setAttribute('aria-label', t('setPlan'));
      ['FREE', 'PRO', 'ENTERPRISE'].forEach(function (name) {
        const o = el('option', name);
        o.value = name;
        if (name === k.plan) o.selected = true;
        plan.appendChild(o);
      });
      plan.disabled = k.state === 'REVOKED' || k.state === 'EXPIRED';
      plan.addEventListener('change', async function () {
        const r = await api('POST', 'keys/' + encodeURIComponent(k.id) + '/plan', { plan: plan.value });
        if (r) { await loadKeys(); notice(t('planChanged', { id: k.prefix, plan: plan.value })); }
      });
      cell(tr, plan);
      cell(tr, t(k.mode));
      cell(tr, badge(k.state));
      cell(tr, when(k.createdAt));
      cell(tr, when(k.lastUsedAt));
      const actions = el('span', null, 'actions');
      if (k.state === 'ACTIVE' || k.state === 'EXPIRING') actions.appendChild(revokeButton(k));
      if (k.state === 'ACTIVE') actions.appendChild(rotateButton(k));
      cell(tr, actions);
      body.appendChild(tr);
    });
    $('keys-empty').hidden = keys.length > 0;
  }

  // revoking takes two clicks: the first arms the button, so a slip of the mouse revokes nothing
  function revokeButton(k) {
    const b = el('button', t('revoke'), 'small danger revoke');
    b.type = 'button';
    b.addEventListener('click', async function () {
      if (b.getAttribute('data-armed') !== 'true') {
        b.setAttribute('data-armed', 'true');
        b.textContent = t('confirmRevoke');
        return;
      }
      b.disabled = true;
      const r = await api('POST', 'keys/' + encodeURIComponent(k.id) + '/revoke');
      if (r) { await loadKeys(); notice(t('revoked', { id: k.prefix })); } else b.disabled = false;
    });
    return b;
  }

  function rotateButton(k) {
    const b = el('button', t('rotate'), 'small rotate');
    b.type = 'button';
    b.addEventListener('click', async function () {
      b.disabled = true;
      const grace = parseInt($('k-grace').value, 10);
      const r = await api('POST', 'keys/' + encodeURIComponent(k.id) + '/rotate', { graceSeconds: isNaN(grace) ? 0 : grace });
      if (r) { showNewKey(r.body.key); await loadKeys(); } else b.disabled = false;
    });
    return b;
  }

  function showNewKey(key) {
    $('new-key-value').textContent = key;
    $('new-key').hidden = false;
  }

  async function createKey() {
    const r = await api('POST', 'keys', { plan: $('k-plan').value, label: $('k-label').value.trim(), mode: $('k-mode').value });
    if (!r) return;
    $('k-label').value = '';
    showNewKey(r.body.key);
    await loadKeys();
  }

  // ---- activity -----------------------------------------------------------------------------

  async function loadActivity() {
    const current = ticket('activity');
    const r = await api('GET', 'stats/payments-per-minute?hours=' + encodeURIComponent($('a-hours').value));
    if (!r || !current()) return;
    lastRender.activity = function () { drawChart(r.body); };
    drawChart(r.body);
  }

  function svg(tag, attributes, text) {
    const e = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (k) { e.setAttribute(k, String(attributes[k])); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  /** Stacked bars, one per minute of the window, a segment per status; hour ticks below. */
  function drawChart(data) {
    const box = $('chart');
    box.replaceChildren();
    const from = Date.parse(data.from), to = Date.parse(data.to);
    const minutes = Math.max(1, Math.round((to - from) / 60000));
    const perMinute = {};
    (data.counts || []).forEach(function (c) {
      const i = Math.round((Date.parse(c.minute) - from) / 60000);
      if (i < 0 || i >= minutes) return;
      perMinute[i] = perMinute[i] || {};
      perMinute[i][c.status] = (perMinute[i][c.status] || 0) + c.count;
    });
    let max = 0;
    Object.keys(perMinute).forEach(function (i) {
      let sum = 0;
      STATUS_ORDER.forEach(function (s) { sum += perMinute[i][s] || 0; });
      max = Math.max(max, sum);
    });
    const width = 960, height = 280, left = 44, right = 12, top = 16, bottom = 36;
    const plotW = width - left - right, plotH = height - top - bottom;
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', id: 'chart-svg', 'data-max': max,
      'data-bars': Object.keys(perMinute).length, preserveAspectRatio: 'none' });
    chart.appendChild(svg('title', {}, t('chartTitle', { from: when(data.from), to: when(data.to) })));
    chart.appendChild(svg('line', { x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: '#C9CDD3' }));
    chart.appendChild(svg('line', { x1: left, y1: top, x2: left, y2: top + plotH, stroke: '#C9CDD3' }));
    chart.appendChild(svg('text', { x: left - 6, y: top + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5B6270' }, max));
    chart.appendChild(svg('text', { x: left - 6, y: top + plotH, 'text-anchor': 'end', 'font-size': 11, fill: '#5B6270' }, 0));
    const step = plotW / minutes;
    const tickEvery = minutes <= 60 ? 10 : minutes <= 360 ? 60 : minutes <= 1440 ? 240 : 480;
    for (let i = 0; i <= minutes; i++) {
      const at = new Date(from + i * 60000);
      if ((at.getUTCHours() * 60 + at.getUTCMinutes()) % tickEvery !== 0) continue;
      const x = left + i * step;
      chart.appendChild(svg('line', { x1: x, y1: top + plotH, x2: x, y2: top + plotH + 4, stroke: '#8A8F98' }));
      chart.appendChild(svg('text', { x: x, y: top + plotH + 18, 'text-anchor': 'middle', 'font-size': 11, fill: '#5B6270' },
        at.toISOString().substring(11, 16)));
    }
    if (max === 0) {
      chart.appendChild(svg('text', { x: left + plotW / 2, y: top + plotH / 2, 'text-anchor': 'middle', 'font-size': 15,
        fill: '#5B6270', id: 'chart-empty' }, t('noActivity')));
    }
    Object.keys(perMinute).forEach(function (i) {
      let y = top + plotH;
      STATUS_ORDER.forEach(function (s) {
        const n = perMinute[i][s] || 0;
        if (n === 0) return;
        const h = plotH * n / max;
        y -= h;
        const bar = svg('rect', { x: left + i * step + step * 0.1, y: y, width: Math.max(1, step * 0.8), height: h,
          fill: STATUS_COLOURS[s], 'class': 'bar', 'data-status': s, 'data-count': n });
        bar.appendChild(svg('title', {}, when(new Date(from + i * 60000).toISOString()) + ' · ' + t(s) + ': ' + n));
        chart.appendChild(bar);
      });
    });
    box.appendChild(chart);
    const legend = $('legend');
    legend.replaceChildren();
    STATUS_ORDER.forEach(function (s) {
      const li = el('li');
      const swatch = svg('svg', { width: 12, height: 12, 'aria-hidden': 'true' });
      swatch.appendChild(svg('rect', { width: 12, height: 12, rx: 2, fill: STATUS_COLOURS[s] }));
      li.appendChild(swatch);
      li.appendChild(el('span', ' ' + t(s)));
      legend.appendChild(li);
    });
    legend.appendChild(el('li', t('perMinuteMax', { n: max }), 'sub'));
  }

  // ---- wiring -------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.lang').forEach(function (b) {
      b.addEventListener('click', function () {
        lang = b.getAttribute('data-lang');
        try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* this page only */ }
        applyLanguage();
      });
    });
    $('login-form').addEventListener('submit', function (e) {
      e.preventDefault();
      const v = $('token').value.trim();
      if (v) signIn(v);
    });
    $('sign-out').addEventListener('click', function () { signOut(''); });
    document.querySelectorAll('[role=tab]').forEach(function (b) {
      b.addEventListener('click', function () { showTab(b.getAttribute('data-tab')); });
    });
    $('payment-search').addEventListener('submit', function (e) {
      e.preventDefault();
      $('payment-detail').hidden = true;
      searchPayments(false);
    });
    $('payments-more').addEventListener('click', function () { searchPayments(true); });
    $('webhook-filter').addEventListener('submit', function (e) { e.preventDefault(); loadWebhooks(); });
    $('key-create').addEventListener('submit', function (e) { e.preventDefault(); createKey(); });
    $('new-key-done').addEventListener('click', function () {
      $('new-key-value').textContent = '';
      $('new-key').hidden = true;
    });
    $('activity-filter').addEventListener('submit', function (e) { e.preventDefault(); loadActivity(); });
    $('a-hours').addEventListener('change', loadActivity);
    applyLanguage();
    if (token()) showApp(); else $('token').focus();
  });
})();
