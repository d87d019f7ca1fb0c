// Developer playground: every change rebuilds the embed snippet and reloads the
// preview frame with the same options (the strict-CSP preview is a separate
// page whose <meta> policy forbids eval and enforces Trusted Types).
(function () {
  'use strict';
  var form = document.getElementById('options');
  var snippet = document.getElementById('snippet');
  var frame = document.getElementById('preview');
  var STRICT = "script-src 'self' 'wasm-unsafe-eval'; require-trusted-types-for 'script'";

  function read() {
    var size = Math.min(100, Math.max(1, Math.round(Number(form.pageSize.value) || 10)));
    return {
      product: form.product.value,
      locale: form.locale.value,
      theme: form.theme.value,
      accent: form.accentOn.checked ? form.accent.value : '',
      pageSize: size,
      sort: form.sort.value,
      strictCsp: form.strictCsp.checked,
    };
  }

  /** The snippet a store owner pastes: only non-default options are written. */
  function snippetFor(o) {
    var origin = location.origin;
    var attrs = ['data-product="' + o.product + '"', 'data-api="' + origin + '"'];
    if (o.locale !== 'en') attrs.push('data-locale="' + o.locale + '"');
    if (o.theme !== 'auto') attrs.push('data-theme="' + o.theme + '"');
    if (o.pageSize !== 10) attrs.push('data-page-size="' + o.pageSize + '"');
    if (o.sort !== 'newest') attrs.push('data-sort="' + o.sort + '"');
    var lines = [];
    if (o.accent) lines.push('<style>[data-vouch-reviews] { --vouch-accent: ' + o.accent + '; }</style>', '<div data-vouch-reviews></div>');
    lines.push('<script src="' + origin + '/dist/vouch.js"\n        ' + attrs.join('\n        ') + ' async></' + 'script>');
    if (o.strictCsp) {
      lines.push('', '<!-- Strict policy of the product page (HTTP header). Serving vouch.js from another', '     origin? Add that origin to script-src and connect-src. -->',
        'Content-Security-Policy: ' + STRICT);
    }
    return lines.join('\n');
  }

  function update() {
    var o = read();
    snippet.textContent = snippetFor(o);
    var query = new URLSearchParams({ product: o.product, locale: o.locale, theme: o.theme, pageSize: String(o.pageSize), sort: o.sort });
    if (o.accent) query.set('accent', o.accent);
    var src = (o.strictCsp ? '/playground-preview-strict.html?' : '/playground-preview.html?') + query.toString();
    if (frame.getAttribute('src') !== src) frame.setAttribute('src', src);
    document.getElementById('preview-note').textContent = o.strictCsp
      ? 'Preview served with: Content-Security-Policy: ' + STRICT
      : 'Preview without a Content-Security-Policy.';
  }

  form.addEventListener('input', update);
  form.addEventListener('change', update);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  document.getElementById('copy').addEventListener('click', function () {
    var status = document.getElementById('copy-status');
    navigator.clipboard.writeText(snippet.textContent).then(
      function () { status.textContent = 'Copied.'; },
      function () { status.textContent = 'Select the snippet and copy it (clipboard not available here).'; },
    );
  });
  update();
})();
