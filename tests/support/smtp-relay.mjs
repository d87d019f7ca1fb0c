// The loopback SMTP relay for tests (the same one `npm start` runs for the
// demo's mail): see scripts/lib/smtp-relay.mjs.
export { startRelay } from '../../scripts/lib/smtp-relay.mjs';
