// Compiled by `tsc --noEmit` (npm test): how an integrator uses the types.
import type { MountOptions, VouchHandle } from '../../web/vouch';

const options: MountOptions = { product: 'sku-123', api: 'https://reviews.example.com', locale: 'de', pageSize: 5, theme: 'dark' };
const handle: VouchHandle = window.Vouch.mount(document.createElement('div'), options);
handle.update({ sort: 'most_helpful', paging: 'more' });
handle.destroy();

document.addEventListener('vouch:query', (event) => {
  const total: number = event.detail.total;
  const sort: string = event.detail.state.sort;
  console.log(total, sort);
});
document.addEventListener('vouch:error', (event) => console.log(event.detail.code));
document.addEventListener('vouch:reported', (event) => {
  const reason: 'spam' | 'off_topic' | 'offensive' | 'personal_data' | 'fake' | 'other' = event.detail.reason;
  console.log(event.detail.id, reason);
});
const badge = document.createElement('vouch-stars');
badge.setAttribute('product', 'sku-123');
badge.setAttribute('summaries', 'https://cdn.example.com/reviews/summaries.json'); // a static store

// @ts-expect-error product is required
window.Vouch.mount(document.body, { api: 'https://reviews.example.com' });
// @ts-expect-error not a theme
handle.update({ theme: 'purple' });
