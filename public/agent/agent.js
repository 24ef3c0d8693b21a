/*
 * Agent desk: the live queue, claim, the conversation, send, end, figures. Talks only to the
 * handoff API with the agent's bearer token. Runs as a Teams tab or standalone in a browser:
 * outside Teams app.initialize() fails at once ("No Parent window found"), which is fine.
 * Builds the DOM with textContent only, never HTML from data.
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'lotse.agentToken';
  var POLL_MS = 2500;
  var state = { token: null, me: null, texts: {}, selectedId: null, timer: null, inTeams: false, busy: false };

  function $(id) {
    return document.getElementById(id);
  }

  // ------------------------------------------------------------------ texts

  function lookup(key) {
    return key.split('.').reduce(function (node, part) {
      return node && typeof node === 'object' ? node[part] : undefined;
    }, state.texts);
  }

  function t(key, vars) {
    var text = lookup(key);
    if (typeof text !== 'string') return key;
    return text.replace(/\{\{(\w+)\}\}/g, function (_m, name) {
      return vars && vars[name] !== undefined ? String(vars[name]) : '';
    });
  }

  function applyTexts() {
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
      var value = lookup(nodes[i].getAttribute('data-i18n'));
      if (typeof value === 'string') nodes[i].textContent = value;
    }
    if (typeof lookup('desk.title') === 'string') document.title = lookup('desk.title');
  }

  function loadTexts() {
    var lng = (document.documentElement.lang || 'de').slice(0, 2);
    return fetch('/agent/i18n/' + encodeURIComponent(lng) + '.json')
      .then(function (res) {
        return res.ok ? res.json() : {};
      })
      .then(function (texts) {
        state.texts = texts || {};
        applyTexts();
      })
      .catch(function () {
        /* The German defaults in the HTML stay. */
      });
  }

  // ------------------------------------------------------------------ status line

  function setStatus(text, isError) {
    var el = $('status');
    el.textContent = text || '';
    el.className = isError ? 'status error' : 'status';
  }

  // ------------------------------------------------------------------ API

  function ApiError(status, body) {
    this.status = status;
    this.body = body;
  }

  function api(method, path, body) {
    var headers = { Authorization: 'Bearer ' + state.token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        if (!res.ok) throw new ApiError(res.status, json);
        return json;
      });
    });
  }

  function handleError(err) {
    if (err instanceof ApiError && err.status === 401) {
      signOut(t('desk.unauthorized'));
      return;
    }
    if (err instanceof ApiError) {
      setStatus((err.body && err.body.error && err.body.error.message) || t('desk.error'), true);
      return;
    }
    setStatus(t('desk.offline'), true);
  }

  // ------------------------------------------------------------------ sign-in

  function showLogin(message) {
    $('desk').hidden = true;
    $('logout').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    $('who').textContent = '';
    $('token').focus();
  }

  function signIn(token) {
    state.token = token;
    return api('GET', '/api/me').then(
      function (me) {
        state.me = me;
        try {
          sessionStorage.setItem(TOKEN_KEY, token);
        } catch {
          /* Private mode: the token lives for this page only. */
        }
        $('login').hidden = true;
        $('desk').hidden = false;
        $('logout').hidden = false;
        $('who').textContent = t('desk.signedInAs', { name: me.name }) + (state.inTeams ? ' · ' + t('desk.teamsMode') : '');
        setStatus('');
        refresh();
        if (state.timer) clearInterval(state.timer);
        state.timer = setInterval(refresh, POLL_MS);
      },
      function (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) signOut(t('desk.unauthorized'));
        else handleError(err);
      },
    );
  }

  function signOut(message) {
    if (state.timer) clearInterval(state.timer);
    state.timer = null;
    state.token = null;
    state.me = null;
    state.selectedId = null;
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      /* nothing stored */
    }
    showLogin(message);
  }

  // ------------------------------------------------------------------ formatting

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return t('desk.none');
    if (seconds < 60) return t('desk.seconds', { count: Math.max(0, Math.round(seconds)) });
    return t('desk.minutes', { count: Math.floor(seconds / 60) });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function categoryName(item) {
    var name = lookup('category.' + item.category);
    return typeof name === 'string' ? name : item.category;
  }

  function priorityName(item) {
    var name = lookup('priority.' + item.priorityName);
    return typeof name === 'string' ? name : item.priorityName;
  }

  function moodName(item) {
    var name = lookup('mood.' + ((item.frustration && item.frustration.level) || 0));
    return typeof name === 'string' ? name : '';
  }

  function channelName(channel) {
    var name = lookup('channel.' + channel);
    return typeof name === 'string' ? name : channel;
  }

  // ------------------------------------------------------------------ rendering

  function renderFigures(stats) {
    $('fig-waiting').textContent = String(stats.waitingNow);
    $('fig-longest').textContent = stats.waitingNow ? duration(stats.longestWaitSeconds) : t('desk.none');
    $('fig-today').textContent = String(stats.handoffsToday);
    $('fig-claim').textContent = duration(stats.averageTimeToClaimSeconds);
    $('fig-satisfaction').textContent = stats.satisfactionAverage === null ? t('desk.none') : stats.satisfactionAverage.toFixed(1).replace('.', ',') + ' / 5 (' + stats.satisfactionCount + ')';
  }

  function caseItem(item, withClaim) {
    var li = el('li', 'case p' + item.priority + (item.id === state.selectedId ? ' selected' : ''));
    li.setAttribute('data-id', item.id);
    var title = el('h3');
    title.appendChild(el('span', 'badge p' + item.priority, priorityName(item)));
    title.appendChild(document.createTextNode(categoryName(item) + (item.customer && item.customer.name ? ' – ' + item.customer.name : '')));
    li.appendChild(title);
    var meta = [duration(item.waitingSeconds), moodName(item), channelName(item.customer.channel)];
    if (item.agent && item.status === 'assigned') meta.push(t('desk.assignedTo', { name: item.agent.name }));
    li.appendChild(el('p', 'meta', meta.filter(Boolean).join(' · ')));
    if (item.summary && item.summary.text) li.appendChild(el('p', 'summary', item.summary.text));
    var buttons = el('div', 'buttons');
    if (withClaim) {
      var claim = el('button', '', t('desk.claim'));
      claim.type = 'button';
      claim.setAttribute('aria-label', t('desk.claim') + ': ' + categoryName(item));
      claim.addEventListener('click', function () {
        claimCase(item.id, claim);
      });
      buttons.appendChild(claim);
    } else {
      var open = el('button', 'secondary', t('desk.conversation'));
      open.type = 'button';
      open.addEventListener('click', function () {
        select(item.id);
      });
      buttons.appendChild(open);
    }
    li.appendChild(buttons);
    return li;
  }

  function renderList(listId, emptyId, items, withClaim) {
    var list = $(listId);
    var fragment = document.createDocumentFragment();
    items.forEach(function (item) {
      fragment.appendChild(caseItem(item, withClaim));
    });
    // Keep keyboard focus where it was when the list is rebuilt.
    var active = document.activeElement;
    var holder = active && active.closest ? active.closest('.case') : null;
    var keepId = holder && list.contains(holder) ? holder.getAttribute('data-id') : null;
    list.replaceChildren(fragment);
    $(emptyId).hidden = items.length > 0;
    if (keepId) {
      var again = list.querySelector('[data-id="' + keepId + '"] button');
      if (again) again.focus();
    }
  }

  function line(entry, kind) {
    var li = el('li', kind || entry.from);
    var from = kind === 'note' ? (entry.by && entry.by.name) || '' : entry.from === 'agent' && entry.name ? entry.name : t('desk.from.' + entry.from);
    li.appendChild(el('span', 'from', from + ':'));
    li.appendChild(document.createTextNode(entry.text));
    return li;
  }

  function renderDetail(record) {
    $('no-selection').hidden = true;
    $('detail').hidden = false;
    var head = categoryName(record) + ' · ' + priorityName(record) + ' · ' + moodName(record) + ' · ' + (t('desk.status.' + record.status) || record.status);
    $('detail-head').textContent = head;
    $('detail-summary').textContent = (record.summary && record.summary.text) || '';
    $('transcript').replaceChildren.apply($('transcript'), (record.transcript || []).map(function (e) { return line(e); }));
    var lines = (record.messages || []).map(function (e) { return line(e); });
    (record.notes || []).forEach(function (n) {
      lines.push(line(n, 'note'));
    });
    var box = $('messages');
    var atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 20;
    box.replaceChildren.apply(box, lines);
    if (atBottom) box.scrollTop = box.scrollHeight;
    var mine = record.status === 'assigned' && state.me && record.agent && (record.agent.id === state.me.id || state.me.role !== 'agent');
    $('message').disabled = !mine;
    $('send').disabled = !mine;
    $('end').disabled = !mine;
    $('transfer').disabled = !mine;
    if (record.status === 'resolved' || record.status === 'cancelled' || record.status === 'abandoned') setStatus(t('desk.ended'));
  }

  // ------------------------------------------------------------------ actions

  function refresh() {
    if (!state.token || state.busy) return;
    state.busy = true;
    var work = [api('GET', '/api/handoffs?status=queued'), api('GET', '/api/handoffs?status=assigned'), api('GET', '/api/handoffs/stats')];
    if (state.selectedId) work.push(api('GET', '/api/handoffs/' + encodeURIComponent(state.selectedId)));
    Promise.all(work)
      .then(function (results) {
        var mine = results[1].items.filter(function (item) {
          return item.agent && state.me && item.agent.id === state.me.id;
        });
        renderList('queue', 'queue-empty', results[0].items, true);
        renderList('mine', 'mine-empty', mine, false);
        renderFigures(results[2]);
        if (results[3]) renderDetail(results[3]);
        // A polling error clears itself on the next good poll; a refused claim stays readable a while.
        if ($('status').className.indexOf('error') >= 0 && Date.now() > (state.keepStatusUntil || 0)) setStatus('');
      })
      .catch(handleError)
      .then(function () {
        state.busy = false;
      });
  }

  function claimCase(id, button) {
    button.disabled = true;
    api('POST', '/api/handoffs/' + encodeURIComponent(id) + '/claim')
      .then(function () {
        setStatus(t('desk.claimed'));
        select(id);
        $('message').focus();
      })
      .catch(function (err) {
        if (err instanceof ApiError && err.status === 409) {
          setStatus(t('desk.taken'), true);
          state.keepStatusUntil = Date.now() + 8000;
        }
        else handleError(err);
        refresh();
      });
  }

  function select(id) {
    state.selectedId = id;
    refresh();
  }

  function send(event) {
    event.preventDefault();
    var text = $('message').value.trim();
    if (!text || !state.selectedId) return;
    $('send').disabled = true;
    api('POST', '/api/handoffs/' + encodeURIComponent(state.selectedId) + '/messages', { text: text })
      .then(function () {
        $('message').value = '';
        refresh();
      })
      .catch(handleError)
      .then(function () {
        $('send').disabled = false;
        $('message').focus();
      });
  }

  function act(path, body) {
    if (!state.selectedId) return;
    api('POST', '/api/handoffs/' + encodeURIComponent(state.selectedId) + '/' + path, body)
      .then(function () {
        if (path === 'resolve') setStatus(t('desk.ended'));
        refresh();
      })
      .catch(handleError);
  }

  // ------------------------------------------------------------------ start

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  /*
   * The Teams SDK is loaded only when the page is framed (as a Teams tab): at load it tries to
   * fetch a list of origins from Microsoft's CDN, which the page's CSP blocks anyway, and a page
   * opened directly has nothing to talk to. Outside Teams app.initialize() fails at once
   * ("No Parent window found") or never answers; either way the page goes on standalone.
   */
  function detectTeams() {
    if (window.top === window.self) return Promise.resolve(false);
    var timeout = new Promise(function (resolve) {
      setTimeout(function () {
        resolve(false);
      }, 3000);
    });
    var init = loadScript('/agent/vendor/teams.js').then(function () {
      var sdk = window.microsoftTeams;
      if (!sdk || !sdk.app || typeof sdk.app.initialize !== 'function') return false;
      return sdk.app.initialize().then(
        function () {
          return true;
        },
        function () {
          return false;
        },
      );
    }, function () {
      return false;
    });
    return Promise.race([init, timeout]);
  }

  function start() {
    $('login-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var token = $('token').value.trim();
      if (token) signIn(token);
    });
    $('logout').addEventListener('click', function () {
      signOut('');
    });
    $('send-form').addEventListener('submit', send);
    $('end').addEventListener('click', function () {
      act('resolve');
    });
    $('transfer').addEventListener('click', function () {
      act('transfer', {});
    });
    Promise.all([loadTexts(), detectTeams()]).then(function (results) {
      state.inTeams = results[1];
      document.body.setAttribute('data-mode', state.inTeams ? 'teams' : 'standalone');
      var saved = null;
      try {
        // Earlier versions kept the key in localStorage, readable by every later visit: drop it.
        localStorage.removeItem(TOKEN_KEY);
        saved = sessionStorage.getItem(TOKEN_KEY);
      } catch {
        saved = null;
      }
      if (saved) signIn(saved);
      else showLogin('');
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
