// The demo's moderation view: a thin page over vouch-server's admin API
// (docs/api.md, "Admin routes"). Same origin only: the server refuses admin
// requests from any other Origin. Every value from the API is written with
// textContent, never as markup.
(function () {
  'use strict';
  var REASONS = ['spam', 'off_topic', 'personal_data', 'abusive', 'illegal', 'duplicate'];
  var PAGE = 20;
  var state = { status: 'pending', offset: 0 };
  var $ = function (id) { return document.getElementById(id); };

  function token() {
    try { return sessionStorage.getItem('vouch-admin-token') || ''; } catch (e) { return ''; }
  }
  function say(text) { $('admin-status').textContent = text; }

  function api(method, path, body) {
    var init = { method: method, headers: { Authorization: 'Bearer ' + token() } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch('/api/v1/admin/' + path, init).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error((data.error && data.error.message) || ('HTTP ' + response.status));
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      if (key === 'text') node.textContent = props[key];
      else if (key === 'class') node.className = props[key];
      else node.setAttribute(key, props[key]);
    });
    (children || []).forEach(function (child) { if (child) node.append(child); });
    return node;
  }

  function stars(n) { return '★★★★★'.slice(0, n) + '☆☆☆☆☆'.slice(0, 5 - n); }

  function act(review, action, body, done) {
    api('POST', 'reviews/' + encodeURIComponent(review.id) + '/' + action, body)
      .then(function () { say(done); load(false); })
      .catch(function (error) { say(action + ' failed: ' + error.message); });
  }

  function reviewItem(review) {
    var reason = el('select', { 'aria-label': 'Reason' }, REASONS.map(function (r) { return el('option', { value: r, text: r.replace('_', ' ') }); }));
    var reply = el('textarea', { 'aria-label': 'Public reply to ' + review.author });
    reply.value = review.reply ? review.reply.text : '';
    var buttons = [];
    function button(label, onClick, primary) {
      var b = el('button', { type: 'button', class: 'small-button' + (primary ? ' primary' : ''), text: label });
      b.addEventListener('click', onClick);
      buttons.push(b);
      return b;
    }
    if (review.status !== 'published') button('Approve', function () { act(review, 'approve', undefined, 'Approved ' + review.id + ': it is published now.'); }, true);
    if (review.status === 'pending') button('Reject', function () { act(review, 'reject', { reason: reason.value }, 'Rejected ' + review.id + ' (' + reason.value + ').'); });
    if (review.status === 'published') {
      button('Hide', function () { act(review, 'hide', { reason: reason.value }, 'Hid ' + review.id + ' (' + reason.value + ').'); });
      button(review.featured ? 'Unfeature' : 'Feature', function () {
        act(review, 'feature', { featured: !review.featured }, (review.featured ? 'Unfeatured ' : 'Featured ') + review.id + '.');
      });
    }
    var saveReply = el('button', { type: 'button', class: 'small-button', text: 'Save reply' });
    saveReply.addEventListener('click', function () { act(review, 'reply', { text: reply.value }, 'Reply saved on ' + review.id + '.'); });
    var meta = stars(review.rating) + ' · ' + review.product_id + ' · ' + review.author + (review.email ? ' <' + review.email + '>' : '') +
      ' · ' + review.created.slice(0, 10) + ' · ' + review.verification + ' · ' + review.source +
      (review.language ? ' · ' + review.language : '') + (review.featured ? ' · featured' : '') +
      (review.report_count ? ' · ' + review.report_count + ' report(s)' : '');
    return el('li', { 'data-review': review.id }, [
      el('div', { class: 'meta', text: meta }),
      review.flags && review.flags.length ? el('div', { class: 'flags', text: 'Flags: ' + review.flags.join(', ') }) : null,
      review.moderation_reason ? el('div', { class: 'meta', text: 'Reason: ' + review.moderation_reason }) : null,
      el('p', { class: 'title', text: review.title }),
      el('p', { class: 'body', text: review.body }),
      el('div', { class: 'actions' }, buttons.concat([review.status === 'published' || review.status === 'pending' ? reason : null])),
      el('div', { class: 'actions' }, [reply, saveReply]),
    ]);
  }

  function load(append) {
    if (!append) state.offset = 0;
    var audit = state.status === 'audit';
    $('audit').hidden = !audit;
    $('queue').hidden = audit;
    var path = audit ? 'audit?limit=' + PAGE + '&offset=' + state.offset
      : 'reviews?status=' + state.status + '&limit=' + PAGE + '&offset=' + state.offset;
    return api('GET', path).then(function (data) {
      $('workspace').hidden = false;
      if (audit) {
        var rows = data.entries.map(function (e) {
          return el('tr', {}, [e.time, e.actor, e.action, e.review_id, e.reason, e.detail].map(function (cell) { return el('td', { text: String(cell || '') }); }));
        });
        if (append) $('audit-rows').append.apply($('audit-rows'), rows);
        else $('audit-rows').replaceChildren.apply($('audit-rows'), rows);
        $('list-heading').textContent = 'Audit log';
        $('more').hidden = data.entries.length < PAGE;
      } else {
        var items = data.reviews.map(reviewItem);
        if (append) $('queue').append.apply($('queue'), items);
        else $('queue').replaceChildren.apply($('queue'), items);
        if (!data.reviews.length && !append) $('queue').append(el('li', { text: 'Nothing here.' }));
        $('list-heading').textContent = state.status[0].toUpperCase() + state.status.slice(1) + ' reviews (' + data.total + ')';
        $('more').hidden = state.offset + data.reviews.length >= data.total;
      }
      state.offset += PAGE;
    }).catch(function (error) {
      if (error.status === 401) {
        try { sessionStorage.removeItem('vouch-admin-token'); } catch (e) { /* storage blocked */ }
        $('workspace').hidden = true;
        say('That token was not accepted (401). Copy it from the npm start output.');
      } else say('Loading failed: ' + error.message);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $('login').addEventListener('submit', function (event) {
      event.preventDefault();
      try { sessionStorage.setItem('vouch-admin-token', $('token').value.trim()); } catch (e) { /* storage blocked */ }
      say('Signed in.');
      load(false);
    });
    document.querySelectorAll('[data-status]').forEach(function (tab) {
      tab.addEventListener('click', function () {
        state.status = tab.getAttribute('data-status');
        document.querySelectorAll('[data-status]').forEach(function (t) { t.setAttribute('aria-pressed', String(t === tab)); });
        load(false);
      });
    });
    $('more').addEventListener('click', function () { load(true); });
    if (token()) load(false);
  });
})();
