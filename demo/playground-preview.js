// The playground's preview frame: mounts the widget with the options in the
// query string (the same options the snippet's data-* attributes carry).
// Served twice: playground-preview-strict.html adds a strict CSP <meta>.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var host = document.getElementById('widget');
  var theme = params.get('theme') || 'auto';
  document.body.className = theme === 'auto' ? '' : theme;
  var accent = params.get('accent');
  // CSSOM, not a style attribute: allowed under a strict style-src too.
  if (accent && /^#[0-9a-fA-F]{6}$/.test(accent)) host.style.setProperty('--vouch-accent', accent);
  window.Vouch.mount(host, {
    product: params.get('product') || 'demo-linen-dress',
    api: location.origin,
    locale: params.get('locale') || 'en',
    theme: theme,
    pageSize: Number(params.get('pageSize') || 10),
    sort: params.get('sort') || 'newest',
    hashState: false,
  });
})();
