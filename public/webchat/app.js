/*
 * Starts Microsoft's Web Chat against this service's Direct Line endpoint (or Azure's, with a
 * token the server obtained). The conversation id and token stay in sessionStorage, so a reload
 * resumes the same conversation; closing the tab forgets it (shared computers).
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'lotse.webchat.session';
  var root = document.getElementById('webchat');
  var options = root.dataset;
  var local = options.mode === 'local';
  // The page's language, chosen by the server from the browser's Accept-Language.
  var locale = options.locale || 'de-DE';
  var domain = local ? window.location.origin + '/v3/directline' : options.domain;

  function post(url, token) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch(url, { method: 'POST', headers: headers, body: '{}', credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }

  function load() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null');
    } catch {
      return null;
    }
  }

  function save(session) {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ conversationId: session.conversationId, token: session.token, userId: session.userId }));
    } catch {
      // Private mode without storage: the chat works, a reload starts over.
    }
  }

  function startNew() {
    return post(options.tokenUrl).then(function (r) {
      var session = { conversationId: r.conversationId, token: r.token, userId: r.userId, resume: false };
      save(session);
      return session;
    });
  }

  function session() {
    var saved = load();
    if (!saved || !saved.token || !saved.conversationId) return startNew();
    return post(domain + '/tokens/refresh', saved.token).then(
      function (r) {
        var resumed = { conversationId: saved.conversationId, token: r.token, userId: saved.userId, resume: true };
        save(resumed);
        return resumed;
      },
      function () {
        sessionStorage.removeItem(STORAGE_KEY);
        return startNew();
      }
    );
  }

  function render(s) {
    var directLine = window.WebChat.createDirectLine({
      token: s.token,
      conversationId: s.resume ? s.conversationId : undefined,
      domain: domain,
      // Both our own endpoint and Azure's stream over a WebSocket; after a restart the client
      // reconnects with its watermark and misses nothing.
      webSocket: true,
      conversationStartProperties: { locale: locale }
    });
    root.textContent = '';
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        userID: s.userId,
        locale: locale,
        styleOptions: {
          hideUploadButton: false,
          botAvatarInitials: options.botInitials,
          userAvatarInitials: options.userInitials,
          accent: '#0b5394',
          suggestedActionLayout: 'flow',
          suggestedActionsStackedLayoutButtonTextWrap: true
        }
      },
      root
    );
  }

  function fail() {
    root.textContent = '';
    var message = document.createElement('p');
    message.className = 'status';
    message.setAttribute('role', 'alert');
    message.textContent = options.unavailable;
    root.appendChild(message);
  }

  document.getElementById('restart').addEventListener('click', function () {
    sessionStorage.removeItem(STORAGE_KEY);
    window.location.reload();
  });

  if (!window.WebChat) return fail();
  session().then(render).catch(fail);
})();
