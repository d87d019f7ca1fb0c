// The interactions every part of the bench times (native, Node wasm, Chromium):
// each is one widget view (the state after the shopper's action), rendered by
// the core's render_view exactly as the widget does.
export const interactions = [
  { name: 'first page (newest)', sort: 'newest', stars: 0, search: '', page: 0 },
  { name: 'sort: most helpful', sort: 'most_helpful', stars: 0, search: '', page: 0 },
  { name: 'sort: lowest', sort: 'lowest', stars: 0, search: '', page: 0 },
  { name: 'filter: 5 stars', sort: 'newest', stars: 16, search: '', page: 0 },
  { name: 'filter: 1+2 stars', sort: 'newest', stars: 3, search: '', page: 0 },
  { name: 'next page', sort: 'newest', stars: 0, search: '', page: 1 },
  { name: 'search Latin "fabric"', sort: 'relevance', stars: 0, search: 'fabric', page: 0 },
  { name: 'search Latin "small dress"', sort: 'relevance', stars: 0, search: 'small dress', page: 0 },
  { name: 'search Chinese "面料"', sort: 'relevance', stars: 0, search: '面料', page: 0 },
  { name: 'search Chinese "穿着很舒服"', sort: 'relevance', stars: 0, search: '穿着很舒服', page: 0 },
];

export const interactionsTsv = () =>
  interactions.map((q) => [q.name, q.sort, q.stars, q.search, q.page].join('\t')).join('\n') + '\n';
