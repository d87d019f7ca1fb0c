// The demo store's own small script (not part of Vouch). Loaded synchronously
// in <head>, before the widget's async tag, so the page language it sets is
// the one the widget reads ("nearest lang attribute, then <html lang>").
(function () {
  'use strict';
  var LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja', 'es', 'fr', 'de'];
  var params = new URLSearchParams(location.search);
  var wanted = params.get('lang');
  try {
    if (wanted && LANGUAGES.indexOf(wanted) >= 0) localStorage.setItem('fern-lang', wanted);
    else wanted = localStorage.getItem('fern-lang');
  } catch (error) {
    // Storage may be blocked (private mode, sandboxed frame): the URL still works.
  }
  if (wanted && LANGUAGES.indexOf(wanted) >= 0) document.documentElement.lang = wanted;

  document.addEventListener('DOMContentLoaded', function () {
    var picker = document.getElementById('lang');
    if (picker) {
      picker.value = document.documentElement.lang;
      // A real multilingual shop serves one URL per language; reloading with
      // ?lang= is the static-site equivalent, and the widget follows the page.
      picker.addEventListener('change', function () {
        var next = new URL(location.href);
        next.searchParams.set('lang', picker.value);
        location.assign(next.toString());
      });
    }
    var bag = document.querySelector('[data-add-to-bag]');
    if (bag) {
      bag.addEventListener('submit', function (event) {
        event.preventDefault();
        document.querySelector('.bag-note').textContent =
          'This is a demo store: nothing is sold. The reviews below are real Vouch.';
      });
    }
  });
})();
