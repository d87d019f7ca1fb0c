// `npm start`: serves the demo store on http://localhost:8080 (PORT overrides).
// Until the review server exists, a static server is enough for the placeholder.
import { join } from 'node:path';
import { root } from './lib/run.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const port = Number(process.env.PORT || 8080);
const { url } = await startStaticServer({
  mounts: { '/dist/': join(root, 'dist'), '/': join(root, 'demo') },
  port,
  host: '0.0.0.0',
});
console.log(`Vouch demo store: ${url.replace('0.0.0.0', 'localhost')}/`);
console.log('Press Ctrl+C to stop.');
