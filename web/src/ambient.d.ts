// What the widget's modules use that TypeScript's DOM library does not declare.

// scripts/bundle.mjs imports the minified stylesheet as text (esbuild's text loader).
declare module '*.css' {
  const text: string;
  export default text;
}

// Trusted Types (web/src/trusted-html.js): not in the DOM library yet. The
// policy's TrustedHTML is accepted wherever the page takes a string of markup.
interface TrustedTypePolicy {
  createHTML(input: string): string;
}
interface TrustedTypePolicyFactory {
  createPolicy(name: string, rules: { createHTML: (input: string) => string }): TrustedTypePolicy;
}
interface Window {
  trustedTypes?: TrustedTypePolicyFactory;
}
