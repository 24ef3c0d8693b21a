/* Lotse admin pages: plain script, no build step, talks only to the admin API. */
/* global clearTimeout */
(function () {
  'use strict';

  var TOKEN_KEY = 'lotse.admin.token';
  var MAX_ROWS = 150;
  var DIALOGS = ['billing', 'technical', 'general', 'lost_or_stolen', 'data_change', 'complaint', 'human'];
  var CATEGORIES = ['billing', 'technical', 'general', 'lost_or_stolen', 'data_change', 'complaint'];
  var INTENTS = CATEGORIES.concat(['human', 'other']);
  var PRIORITIES = ['urgent', 'high', 'normal'];
  var WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

  var dict = {};
  var state = {
    role: null,
    view: null,
    menus: null,
    menuDirty: false,
    faq: [],
    faqEditing: null,
    tr: { de: null, en: null },
    trEdits: { de: {}, en: {} },
    settings: null,
    settingsDirty: false,
  };

  // Helpers

  function $(selector, root) {
    return (root || document).querySelector(selector);
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === undefined || value === null || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else if (name.slice(0, 2) === 'on') node.addEventListener(name.slice(2), value);
      else if (name === 'value') node.value = value;
      else if (name === 'checked') node.checked = !!value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function lookup(key) {
    return key.split('.').reduce(function (node, part) {
      return node && typeof node === 'object' ? node[part] : undefined;
    }, dict);
  }

  function t(key, vars) {
    var text = lookup(key);
    if (typeof text !== 'string') return key;
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, function (_m, name) {
      return vars && vars[name] !== undefined ? String(vars[name]) : '';
    });
  }

  function status(message, kind) {
    var node = $('#status');
    node.textContent = message || '';
    node.className = 'status' + (kind ? ' ' + kind : '');
  }

  function flatten(tree, prefix, out) {
    out = out || {};
    Object.keys(tree || {}).forEach(function (key) {
      var path = prefix ? prefix + '.' + key : key;
      if (typeof tree[key] === 'string') out[path] = tree[key];
      else if (tree[key] && typeof tree[key] === 'object') flatten(tree[key], path, out);
    });
    return out;
  }

  function nest(flat) {
    var out = {};
    Object.keys(flat).forEach(function (path) {
      var parts = path.split('.');
      var node = out;
      parts.slice(0, -1).forEach(function (part) {
        node[part] = node[part] || {};
        node = node[part];
      });
      node[parts[parts.length - 1]] = flat[path];
    });
    return out;
  }

  function lines(text) {
    return text.split('\n').map(function (s) { return s.trim(); }).filter(function (s) { return s !== ''; });
  }

  function formatTime(iso) {
    return new Date(iso).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  async function api(method, path, body) {
    var headers = { authorization: 'Bearer ' + token() };
    if (body !== undefined) headers['content-type'] = 'application/json';
    var res = await fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) });
    var text = await res.text();
    var json = text ? JSON.parse(text) : {};
    if (res.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin(t('login.expired'));
      throw new ApiError(401, t('login.expired'));
    }
    if (!res.ok) throw new ApiError(res.status, (json.error && json.error.message) || res.statusText);
    return json;
  }

  function failed(err) {
    status(t('status.error', { message: err && err.message ? err.message : String(err) }), 'error');
  }

  function isAdmin() {
    return state.role === 'admin';
  }

  // Login and navigation

  function showLogin(message) {
    $('#app').hidden = true;
    $('#logout').hidden = true;
    $('#who').textContent = '';
    $('#login').hidden = false;
    $('#login-error').textContent = message || '';
    $('#token').focus();
  }

  async function start() {
    if (!token()) return showLogin();
    try {
      var me = await api('GET', '/api/me');
      if (me.role !== 'admin' && me.role !== 'supervisor') {
        sessionStorage.removeItem(TOKEN_KEY);
        return showLogin(t('login.roleTooLow'));
      }
      state.role = me.role;
      $('#who').textContent = t('login.who', { name: me.name, role: t('roles.' + me.role) });
      $('#login').hidden = true;
      $('#logout').hidden = false;
      $('#app').hidden = false;
      document.querySelectorAll('[data-admin-only]').forEach(function (node) {
        node.hidden = !isAdmin();
      });
      await show(isAdmin() ? 'menu' : 'faq');
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401)) failed(err);
    }
  }

  async function show(view) {
    state.view = view;
    document.querySelectorAll('.tabs button').forEach(function (button) {
      if (button.getAttribute('data-view') === view) button.setAttribute('aria-current', 'page');
      else button.removeAttribute('aria-current');
    });
    document.querySelectorAll('.view').forEach(function (section) {
      section.hidden = section.id !== 'view-' + view;
    });
    status('');
    try {
      if (view === 'menu') await loadMenu();
      if (view === 'faq') await loadFaq();
      if (view === 'translations') await loadTranslations();
      if (view === 'settings') await loadSettings();
      if (view === 'history') await loadHistory();
    } catch (err) {
      failed(err);
    }
  }

  // Menu

  async function loadMenu() {
    if (!state.menus || !state.menuDirty) state.menus = (await api('GET', '/api/admin/menu')).menus;
    if (state.faq.length === 0) state.faq = (await api('GET', '/api/admin/faq')).items;
    renderMenus();
  }

  function select(options, value, attrs) {
    return el('select', attrs, options.map(function (o) {
      var v = typeof o === 'string' ? o : o.value;
      return el('option', { value: v, selected: v === value ? 'selected' : null, text: typeof o === 'string' ? o : o.label });
    }));
  }

  function changed() {
    state.menuDirty = true;
    status(t('status.unpublished'));
  }

  function targetEditor(option, menuId) {
    var target = option.target;
    var wrap = el('div', { className: 'target' });
    var kind = select(['dialog', 'faq', 'submenu', 'handoff'].map(function (k) { return { value: k, label: t('menu.kinds.' + k) }; }), target.kind, {
      'aria-label': t('menu.targetKind'),
      onchange: function () {
        var k = kind.value;
        if (k === 'dialog') option.target = { kind: 'dialog', dialog: 'general' };
        if (k === 'faq') option.target = { kind: 'faq', faqId: state.faq[0] ? state.faq[0].key || state.faq[0].id : '' };
        if (k === 'submenu') option.target = { kind: 'submenu', menuId: Object.keys(state.menus).filter(function (id) { return id !== menuId; })[0] || '' };
        if (k === 'handoff') option.target = { kind: 'handoff', priority: 'normal', category: 'other' };
        changed();
        renderMenus();
      },
    });
    wrap.appendChild(kind);
    if (target.kind === 'dialog') {
      wrap.appendChild(select(DIALOGS.map(function (d) { return { value: d, label: t('menu.dialogs.' + d) }; }), target.dialog, { 'aria-label': t('menu.kinds.dialog'), onchange: function (e) { target.dialog = e.target.value; changed(); } }));
    } else if (target.kind === 'faq') {
      var entries = state.faq.filter(function (f) { return f.active; }).map(function (f) { return { value: f.key || f.id, label: (f.questions.de[0] || f.id).slice(0, 60) }; });
      wrap.appendChild(select(entries, target.faqId, { 'aria-label': t('menu.kinds.faq'), onchange: function (e) { target.faqId = e.target.value; changed(); } }));
    } else if (target.kind === 'submenu') {
      wrap.appendChild(select(Object.keys(state.menus).filter(function (id) { return id !== menuId; }), target.menuId, { 'aria-label': t('menu.kinds.submenu'), onchange: function (e) { target.menuId = e.target.value; changed(); } }));
    } else if (target.kind === 'handoff') {
      wrap.appendChild(select(PRIORITIES.map(function (p) { return { value: p, label: t('menu.priorities.' + p) }; }), target.priority, { 'aria-label': t('menu.priority'), onchange: function (e) { target.priority = e.target.value; changed(); } }));
      wrap.appendChild(select(INTENTS.map(function (c) { return { value: c, label: t('categories.' + c) }; }), target.category || 'other', { 'aria-label': t('faq.category'), onchange: function (e) { target.category = e.target.value; changed(); } }));
    }
    return wrap;
  }

  function renderMenus() {
    var root = $('#menu-editor');
    clear(root);
    Object.keys(state.menus).forEach(function (menuId) {
      var menu = state.menus[menuId];
      var rows = menu.options.map(function (option, index) {
        var input = function (field, lang, label, max) {
          var value = lang ? option[field][lang] : option[field];
          return el('input', {
            value: value,
            maxlength: max,
            'aria-label': label + ' (' + (index + 1) + ')',
            oninput: function (e) {
              if (lang) option[field][lang] = e.target.value;
              else option[field] = e.target.value;
              changed();
            },
          });
        };
        var move = function (delta) {
          return function () {
            var to = index + delta;
            if (to < 0 || to >= menu.options.length) return;
            menu.options.splice(to, 0, menu.options.splice(index, 1)[0]);
            changed();
            renderMenus();
          };
        };
        return el('tr', {}, [
          el('td', {}, [input('digit', null, t('menu.digit'), 1)]),
          el('td', {}, [input('label', 'de', t('menu.labelDe'), 24)]),
          el('td', {}, [input('label', 'en', t('menu.labelEn'), 24)]),
          el('td', {}, [targetEditor(option, menuId)]),
          el('td', {}, [input('id', null, t('menu.optionId'), 40)]),
          el('td', { className: 'row-actions' }, [
            el('button', { type: 'button', className: 'icon', 'aria-label': t('menu.up'), title: t('menu.up'), onclick: move(-1), text: '↑' }),
            el('button', { type: 'button', className: 'icon', 'aria-label': t('menu.down'), title: t('menu.down'), onclick: move(1), text: '↓' }),
            el('button', { type: 'button', className: 'icon danger', 'aria-label': t('menu.remove'), title: t('menu.remove'), onclick: function () { menu.options.splice(index, 1); changed(); renderMenus(); }, text: '✕' }),
          ]),
        ]);
      });
      var table = el('table', { className: 'grid menu' }, [
        el('caption', { text: menuId === 'main' ? t('menu.main') : t('menu.submenu', { id: menuId }) }),
        el('thead', {}, [el('tr', {}, [t('menu.digit'), t('menu.labelDe'), t('menu.labelEn'), t('menu.target'), t('menu.optionId'), ''].map(function (h) { return el('th', { scope: 'col', text: h }); }))]),
        el('tbody', {}, rows),
      ]);
      root.appendChild(table);
      root.appendChild(el('div', { className: 'actions' }, [
        el('button', {
          type: 'button',
          className: 'secondary',
          text: t('menu.addOption'),
          onclick: function () {
            var used = menu.options.map(function (o) { return o.digit; });
            var digit = '1234567890'.split('').filter(function (d) { return used.indexOf(d) < 0; })[0] || '';
            menu.options.push({ id: 'option-' + (menu.options.length + 1), digit: digit, label: { de: '', en: '' }, target: { kind: 'dialog', dialog: 'general' } });
            changed();
            renderMenus();
          },
        }),
        menuId === 'main' ? null : el('button', { type: 'button', className: 'danger', text: t('menu.removeMenu'), onclick: function () { delete state.menus[menuId]; changed(); renderMenus(); } }),
      ]));
    });
  }

  async function saveMenu() {
    try {
      var saved = await api('PUT', '/api/admin/menu', { menus: state.menus });
      state.menus = saved.menus;
      state.menuDirty = false;
      renderMenus();
      status(saved.versionId ? t('status.published') : t('status.unchanged'), 'ok');
    } catch (err) {
      failed(err);
    }
  }

  // Knowledge base

  async function loadFaq() {
    var query = new URLSearchParams();
    var q = $('#faq-search').value.trim();
    if (q) query.set('q', q);
    if ($('#faq-category').value) query.set('category', $('#faq-category').value);
    var result = await api('GET', '/api/admin/faq' + (query.toString() ? '?' + query.toString() : ''));
    if (!q && !$('#faq-category').value) state.faq = result.items;
    renderFaqList(result.items);
  }

  function renderFaqList(items) {
    var table = $('#faq-list');
    Array.prototype.slice.call(table.children).forEach(function (child) {
      if (child.tagName !== 'CAPTION') table.removeChild(child);
    });
    table.appendChild(el('thead', {}, [el('tr', {}, [t('faq.question'), t('faq.category'), t('faq.state'), ''].map(function (h) { return el('th', { scope: 'col', text: h }); }))]));
    table.appendChild(el('tbody', {}, items.map(function (entry) {
      return el('tr', { className: entry.active ? '' : 'inactive', 'data-id': entry.id }, [
        el('td', { text: entry.questions.de[0] || entry.key || entry.id }),
        el('td', { text: t('categories.' + entry.category) }),
        el('td', { text: entry.active ? t('faq.isActive') : t('faq.isInactive') }),
        el('td', {}, [el('button', { type: 'button', className: 'secondary', 'aria-label': t('faq.editEntry', { question: entry.questions.de[0] || entry.id }), text: t('faq.edit'), onclick: function () { editFaq(entry); } })]),
      ]);
    })));
    if (items.length === 0) table.appendChild(el('tbody', {}, [el('tr', {}, [el('td', { colspan: '4', text: t('faq.none') })])]));
  }

  function editFaq(entry) {
    state.faqEditing = entry;
    var form = $('#faq-form');
    form.hidden = false;
    $('#faq-form-title').textContent = entry ? t('faq.editTitle') : t('faq.addTitle');
    $('#faq-questions-de').value = entry ? entry.questions.de.join('\n') : '';
    $('#faq-questions-en').value = entry ? entry.questions.en.join('\n') : '';
    $('#faq-answer-de').value = entry ? entry.answer.de : '';
    $('#faq-answer-en').value = entry ? entry.answer.en : '';
    $('#faq-form-category').value = entry ? entry.category : 'general';
    $('#faq-active').checked = entry ? entry.active : true;
    var locked = !isAdmin();
    ['#faq-questions-de', '#faq-questions-en', '#faq-form-category', '#faq-active'].forEach(function (id) {
      $(id).disabled = locked;
    });
    $('#faq-delete').hidden = !isAdmin() || !entry;
    $('#faq-answer-de').focus();
  }

  async function saveFaq(event) {
    event.preventDefault();
    var entry = state.faqEditing;
    var body = { answer: { de: $('#faq-answer-de').value, en: $('#faq-answer-en').value } };
    if (isAdmin()) {
      body.questions = { de: lines($('#faq-questions-de').value), en: lines($('#faq-questions-en').value) };
      body.category = $('#faq-form-category').value;
      body.active = $('#faq-active').checked;
    }
    try {
      var saved = entry ? await api('PUT', '/api/admin/faq/' + entry.id, body) : await api('POST', '/api/admin/faq', body);
      state.faqEditing = saved;
      status(saved.versionId ? t('status.published') : t('status.unchanged'), 'ok');
      state.faq = [];
      await loadFaq();
    } catch (err) {
      failed(err);
    }
  }

  async function deleteFaq() {
    var entry = state.faqEditing;
    if (!entry || !confirm(t('faq.confirmDelete'))) return;
    try {
      await api('DELETE', '/api/admin/faq/' + entry.id);
      $('#faq-form').hidden = true;
      state.faqEditing = null;
      status(t('status.deleted'), 'ok');
      await loadFaq();
    } catch (err) {
      failed(err);
    }
  }

  // Translations

  async function loadTranslations() {
    var both = await Promise.all([api('GET', '/api/admin/translations/de?layer=all'), api('GET', '/api/admin/translations/en?layer=all')]);
    ['de', 'en'].forEach(function (lng, i) {
      state.tr[lng] = { shipped: flatten(both[i].shipped), overrides: flatten(both[i].overrides), effective: flatten(both[i].effective) };
    });
    var nsSelect = $('#tr-ns');
    // The customer conversation is what admins edit most; start there.
    var current = state.trNsChosen ? nsSelect.value : 'conversation';
    state.trNsChosen = true;
    clear(nsSelect);
    nsSelect.appendChild(el('option', { value: '', text: t('translations.allNamespaces') }));
    Object.keys(both[0].shipped).forEach(function (ns) {
      nsSelect.appendChild(el('option', { value: ns, text: ns, selected: ns === current ? 'selected' : null }));
    });
    renderTranslations();
  }

  function trKeys() {
    var keys = {};
    ['de', 'en'].forEach(function (lng) {
      Object.keys(state.tr[lng].shipped).forEach(function (k) { keys[k] = true; });
    });
    return Object.keys(keys).sort();
  }

  function renderTranslations() {
    if (!state.tr.de) return;
    var needle = $('#tr-search').value.trim().toLowerCase();
    var ns = $('#tr-ns').value;
    var onlyChanged = $('#tr-only-changed').checked;
    var matching = trKeys().filter(function (key) {
      if (ns && key.split('.')[0] !== ns) return false;
      var st = rowStatus(key);
      if (onlyChanged && !st.de.overridden && !st.en.overridden && !st.de.missing && !st.en.missing && !st.de.dirty && !st.en.dirty) return false;
      if (!needle) return true;
      return key.toLowerCase().indexOf(needle) >= 0 || ['de', 'en'].some(function (lng) { return (currentText(lng, key) || '').toLowerCase().indexOf(needle) >= 0; });
    });
    var table = $('#tr-table');
    clear(table);
    table.appendChild(el('caption', { className: 'sr-only', text: t('translations.title') }));
    table.appendChild(el('thead', {}, [el('tr', {}, [t('translations.key'), t('translations.german'), t('translations.english')].map(function (h) { return el('th', { scope: 'col', text: h }); }))]));
    table.appendChild(el('tbody', {}, matching.slice(0, MAX_ROWS).map(translationRow)));
    $('#tr-count').textContent = matching.length > MAX_ROWS ? t('translations.tooMany', { shown: MAX_ROWS, total: matching.length }) : t('translations.count', { count: matching.length });
  }

  function currentText(lng, key) {
    var edits = state.trEdits[lng];
    if (Object.prototype.hasOwnProperty.call(edits, key)) return edits[key] === null ? state.tr[lng].shipped[key] : edits[key];
    return state.tr[lng].effective[key];
  }

  function rowStatus(key) {
    var out = {};
    ['de', 'en'].forEach(function (lng) {
      var dirty = Object.prototype.hasOwnProperty.call(state.trEdits[lng], key);
      var text = currentText(lng, key);
      out[lng] = {
        dirty: dirty,
        missing: state.tr[lng].shipped[key] === undefined || !text,
        overridden: dirty ? state.trEdits[lng][key] !== null && text !== state.tr[lng].shipped[key] : Object.prototype.hasOwnProperty.call(state.tr[lng].overrides, key),
      };
    });
    return out;
  }

  function translationRow(key) {
    var cell = function (lng) {
      var s = rowStatus(key)[lng];
      var classes = [s.overridden ? 'overridden' : '', s.missing ? 'missing' : '', s.dirty ? 'dirty' : ''].join(' ').trim();
      var area = el('textarea', {
        'data-lang': lng,
        rows: String(Math.min(6, Math.max(1, Math.ceil(((currentText(lng, key) || '').length || 1) / 60)))),
        'aria-label': key + ' (' + t(lng === 'de' ? 'translations.german' : 'translations.english') + ')',
        value: currentText(lng, key) || '',
        disabled: state.tr[lng].shipped[key] === undefined ? 'disabled' : null,
        oninput: function (e) {
          state.trEdits[lng][key] = e.target.value;
          e.target.parentNode.classList.add('dirty');
        },
      });
      var notes = [];
      if (s.overridden) notes.push(el('button', { type: 'button', className: 'link', text: t('translations.reset'), onclick: function () { state.trEdits[lng][key] = null; renderTranslations(); } }));
      if (s.overridden) notes.push(el('span', { className: 'shipped', text: t('translations.shipped', { text: state.tr[lng].shipped[key] || '' }) }));
      if (s.missing) notes.push(el('span', { className: 'badge', text: t('translations.missing') }));
      return el('td', { className: classes }, [area].concat(notes));
    };
    return el('tr', { 'data-key': key }, [el('th', { scope: 'row' }, [el('code', { text: key })]), cell('de'), cell('en')]);
  }

  function trDraft(lng) {
    var edits = state.trEdits[lng];
    return Object.keys(edits).length ? nest(edits) : undefined;
  }

  async function saveTranslations() {
    try {
      var any = false;
      for (var i = 0; i < 2; i++) {
        var lng = ['de', 'en'][i];
        var draft = trDraft(lng);
        if (!draft) continue;
        any = true;
        await api('PUT', '/api/admin/translations/' + lng, draft);
        state.trEdits[lng] = {};
      }
      await loadTranslations();
      status(any ? t('status.published') : t('status.unchanged'), 'ok');
    } catch (err) {
      failed(err);
    }
  }

  // Settings

  async function loadSettings() {
    if (!state.settings || !state.settingsDirty) state.settings = (await api('GET', '/api/admin/settings')).settings;
    renderSettings();
  }

  function field(id, label, input, hint) {
    input.id = id;
    return el('div', { className: 'field' }, [el('label', { for: id, text: label }), input, hint ? el('p', { className: 'hint', text: hint }) : null]);
  }

  function renderSettings() {
    var s = state.settings;
    var form = $('#settings-form');
    clear(form);
    var onChange = function () {
      state.settingsDirty = true;
      status(t('status.unpublished'));
    };
    form.appendChild(el('fieldset', {}, [
      el('legend', { text: t('settings.identity') }),
      field('set-company', t('settings.companyName'), el('input', { value: s.companyName, maxlength: 80, required: true, oninput: onChange })),
      field('set-bot', t('settings.botName'), el('input', { value: s.botName, maxlength: 40, required: true, oninput: onChange })),
      field('set-tz', t('settings.timeZone'), el('input', { value: s.timeZone, oninput: onChange })),
    ]));
    form.appendChild(el('fieldset', {}, [
      el('legend', { text: t('settings.escalation') }),
      field('set-annoyed', t('settings.annoyed'), el('input', { type: 'number', step: '0.05', min: '0.05', max: '0.95', value: String(s.frustration.annoyed), oninput: onChange }), t('settings.thresholdHint')),
      field('set-irate', t('settings.irate'), el('input', { type: 'number', step: '0.05', min: '0.1', max: '1', value: String(s.frustration.irate), oninput: onChange })),
      field('set-words', t('settings.triggerWords'), el('textarea', { rows: '3', value: s.frustration.extraTriggerWords.join('\n'), oninput: onChange }), t('settings.onePerLine')),
      field('set-callback', t('settings.callbackAfter'), el('input', { type: 'number', min: '1', max: '240', value: String(s.callbackOfferAfterMinutes), oninput: onChange })),
    ]));
    var hours = el('fieldset', {}, [el('legend', { text: t('settings.businessHours') })]);
    WEEKDAYS.forEach(function (day) {
      var span = s.businessHours.weekly[day];
      var open = el('input', { type: 'checkbox', id: 'set-open-' + day, checked: !!span, onchange: onChange });
      hours.appendChild(el('div', { className: 'day' }, [
        open,
        el('label', { for: 'set-open-' + day, text: t('settings.days.' + day) }),
        el('input', { type: 'time', id: 'set-from-' + day, value: span ? span[0] : '08:00', 'aria-label': t('settings.from', { day: t('settings.days.' + day) }), oninput: onChange }),
        el('input', { type: 'text', id: 'set-to-' + day, value: span ? span[1] : '20:00', pattern: '([01]\\d|2[0-3]):[0-5]\\d|24:00', 'aria-label': t('settings.to', { day: t('settings.days.' + day) }), oninput: onChange }),
      ]));
    });
    hours.appendChild(field('set-holidays', t('settings.holidays'), el('textarea', { rows: '4', value: s.businessHours.holidays.join('\n'), oninput: onChange }), t('settings.holidaysHint')));
    form.appendChild(hours);
    form.appendChild(el('div', { className: 'actions' }, [el('button', { type: 'submit', text: t('settings.save') })]));
  }

  function settingsFromForm() {
    var weekly = {};
    WEEKDAYS.forEach(function (day) {
      weekly[day] = $('#set-open-' + day).checked ? [$('#set-from-' + day).value, $('#set-to-' + day).value] : null;
    });
    return {
      companyName: $('#set-company').value,
      botName: $('#set-bot').value,
      timeZone: $('#set-tz').value,
      frustration: { annoyed: Number($('#set-annoyed').value), irate: Number($('#set-irate').value), extraTriggerWords: lines($('#set-words').value) },
      businessHours: { weekly: weekly, holidays: lines($('#set-holidays').value) },
      callbackOfferAfterMinutes: Number($('#set-callback').value),
    };
  }

  async function saveSettings(event) {
    event.preventDefault();
    try {
      var saved = await api('PUT', '/api/admin/settings', settingsFromForm());
      state.settings = saved.settings;
      state.settingsDirty = false;
      renderSettings();
      status(saved.versionId ? t('status.published') : t('status.unchanged'), 'ok');
    } catch (err) {
      failed(err);
    }
  }

  // History

  async function loadHistory() {
    var kind = $('#history-kind').value;
    var result = await api('GET', '/api/admin/history?limit=100' + (kind ? '&kind=' + encodeURIComponent(kind) : ''));
    var table = $('#history-list');
    clear(table);
    table.appendChild(el('caption', { className: 'sr-only', text: t('history.title') }));
    table.appendChild(el('thead', {}, [el('tr', {}, [t('history.when'), t('history.who'), t('history.what'), t('history.details'), ''].map(function (h) { return el('th', { scope: 'col', text: h }); }))]));
    table.appendChild(el('tbody', {}, result.items.map(function (v) {
      var rollback = function (to) {
        return async function () {
          if (!confirm(to === 'before' ? t('history.confirmUndo') : t('history.confirmRestore'))) return;
          try {
            var done = await api('POST', '/api/admin/history/' + v.id + '/rollback', { to: to });
            status(done.versionId ? t('status.rolledBack') : t('status.unchanged'), 'ok');
            state.menus = null;
            state.settings = null;
            state.menuDirty = false;
            state.settingsDirty = false;
            await loadHistory();
          } catch (err) {
            failed(err);
          }
        };
      };
      return el('tr', {}, [
        el('td', { text: formatTime(v.at) }),
        el('td', { text: v.by.name + ' (' + t('roles.' + v.by.role) + ')' }),
        el('td', { text: t('history.kinds.' + v.kind) + ' · ' + v.target + ' · ' + t('history.actions.' + v.action) }),
        el('td', {}, [el('details', {}, [el('summary', { text: t('history.show') }), el('div', { className: 'diff' }, [
          el('div', {}, [el('h4', { text: t('history.before') }), el('pre', { text: JSON.stringify(v.before, null, 2) })]),
          el('div', {}, [el('h4', { text: t('history.after') }), el('pre', { text: JSON.stringify(v.after, null, 2) })]),
        ])])]),
        el('td', { className: 'row-actions' }, [
          el('button', { type: 'button', className: 'secondary', text: t('history.undo'), onclick: rollback('before') }),
          el('button', { type: 'button', className: 'secondary', text: t('history.restore'), onclick: rollback('after') }),
        ]),
      ]);
    })));
  }

  // Preview

  async function runPreview(event) {
    event.preventDefault();
    var draft = {};
    if ($('#preview-tr').checked) {
      var translations = {};
      ['de', 'en'].forEach(function (lng) {
        var d = trDraft(lng);
        if (d) translations[lng] = d;
      });
      if (Object.keys(translations).length) draft.translations = translations;
    }
    if ($('#preview-menu').checked && state.menuDirty && state.menus) draft.menus = state.menus;
    if ($('#preview-settings').checked && state.settingsDirty && $('#set-company')) draft.settings = settingsFromForm();
    var chat = $('#preview-chat');
    clear(chat);
    try {
      var result = await api('POST', '/api/admin/preview', { draft: draft, messages: lines($('#preview-messages').value), language: $('#preview-language').value });
      result.turns.forEach(function (turn) {
        if (turn.message !== null) chat.appendChild(el('li', { className: 'customer' }, [el('span', { className: 'sr-only', text: t('preview.customer') + ': ' }), turn.message]));
        turn.replies.forEach(function (reply) {
          chat.appendChild(el('li', { className: 'bot' }, [
            el('span', { className: 'sr-only', text: t('preview.bot') + ': ' }),
            el('span', { className: 'text', text: reply.text }),
            reply.choices.length ? el('span', { className: 'choices' }, reply.choices.map(function (c) { return el('span', { className: 'chip', text: c }); })) : null,
          ]));
        });
      });
      status(t('preview.done'), 'ok');
    } catch (err) {
      failed(err);
    }
  }

  // Start

  function applyTexts() {
    document.querySelectorAll('[data-i18n]').forEach(function (node) {
      var text = lookup(node.getAttribute('data-i18n'));
      if (typeof text === 'string') node.textContent = text;
    });
    document.querySelectorAll('[data-i18n-aria]').forEach(function (node) {
      var text = lookup(node.getAttribute('data-i18n-aria'));
      if (typeof text === 'string') node.setAttribute('aria-label', text);
    });
    var title = lookup('title');
    if (typeof title === 'string') document.title = title;
  }

  function fillSelects() {
    var category = $('#faq-category');
    category.appendChild(el('option', { value: '', text: t('faq.allCategories') }));
    CATEGORIES.forEach(function (c) {
      category.appendChild(el('option', { value: c, text: t('categories.' + c) }));
      $('#faq-form-category').appendChild(el('option', { value: c, text: t('categories.' + c) }));
    });
    var kinds = $('#history-kind');
    kinds.appendChild(el('option', { value: '', text: t('history.allKinds') }));
    ['menu', 'faq', 'translations', 'settings'].forEach(function (k) {
      kinds.appendChild(el('option', { value: k, text: t('history.kinds.' + k) }));
    });
  }

  function debounce(fn, ms) {
    var timer;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  async function init() {
    try {
      dict = await (await fetch('/admin/i18n/de')).json();
    } catch {
      // The page still works with its built-in German labels.
      dict = {};
    }
    applyTexts();
    fillSelects();
    $('#login-form').addEventListener('submit', function (event) {
      event.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('#token').value.trim());
      $('#token').value = '';
      void start();
    });
    $('#logout').addEventListener('click', function () {
      sessionStorage.removeItem(TOKEN_KEY);
      showLogin();
    });
    document.querySelectorAll('.tabs button').forEach(function (button) {
      button.addEventListener('click', function () { void show(button.getAttribute('data-view')); });
    });
    $('#menu-save').addEventListener('click', function () { void saveMenu(); });
    $('#menu-add-menu').addEventListener('click', function () {
      var id = $('#menu-new-id').value.trim();
      if (!/^[a-z0-9][a-z0-9_-]{0,39}$/.test(id) || state.menus[id]) return status(t('menu.badId'), 'error');
      state.menus[id] = { id: id, options: [] };
      $('#menu-new-id').value = '';
      changed();
      renderMenus();
    });
    $('#faq-search').addEventListener('input', debounce(function () { loadFaq().catch(failed); }, 250));
    $('#faq-category').addEventListener('change', function () { loadFaq().catch(failed); });
    $('#faq-add').addEventListener('click', function () { editFaq(null); });
    $('#faq-form').addEventListener('submit', function (event) { void saveFaq(event); });
    $('#faq-cancel').addEventListener('click', function () { $('#faq-form').hidden = true; state.faqEditing = null; });
    $('#faq-delete').addEventListener('click', function () { void deleteFaq(); });
    $('#tr-search').addEventListener('input', debounce(renderTranslations, 200));
    $('#tr-ns').addEventListener('change', renderTranslations);
    $('#tr-only-changed').addEventListener('change', renderTranslations);
    $('#tr-save').addEventListener('click', function () { void saveTranslations(); });
    $('#settings-form').addEventListener('submit', function (event) { void saveSettings(event); });
    $('#history-kind').addEventListener('change', function () { loadHistory().catch(failed); });
    $('#preview-form').addEventListener('submit', function (event) { void runPreview(event); });
    await start();
  }

  document.addEventListener('DOMContentLoaded', function () { void init(); });
})();
