// Hash routes: #/inbox?view=overdue, #/item/ID, #/templates, #/team,
// #/sessions, #/settings. The hash keeps the console a single static page.
export function parseHash(hash = location.hash) {
  const text = hash.replace(/^#\/?/, '');
  const [path, search = ''] = text.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { route: parts[0] || 'inbox', id: parts[1] || '', params: Object.fromEntries(new URLSearchParams(search)) };
}

export function href(route, params = {}, id = '') {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return `#/${route}${id ? `/${encodeURIComponent(id)}` : ''}${text ? `?${text}` : ''}`;
}

export function go(route, params, id) {
  location.hash = href(route, params, id);
}
