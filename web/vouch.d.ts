// Types of the Vouch widget's public API: window.Vouch, the custom elements,
// and the DOM events. Checked by `tsc --noEmit` in `npm test`.

export type VouchLocale = 'en' | 'zh-CN' | 'zh-TW' | 'ja' | 'es' | 'fr' | 'de';
export type VouchTheme = 'auto' | 'light' | 'dark';
export type VouchSort =
  | 'newest' | 'oldest' | 'highest' | 'lowest' | 'most_helpful' | 'media_first' | 'featured_first' | 'relevance';

/** How the store collects and checks reviews (the note under the reviews). */
export interface VouchStoreConfig {
  verifies_purchases?: boolean;
  moderates_before_publishing?: boolean;
  accepts_unverified?: boolean;
  imported_from?: string[];
  offers_incentives?: boolean;
}

/** Options of Vouch.mount(); the same as the data-* attributes (docs/embedding.md). */
export interface MountOptions {
  /** The product's id in your store (required). */
  product: string;
  /** Base URL of vouch-server, e.g. "https://reviews.example.com". Either api or snapshot is required. */
  api?: string;
  /** URL of a static snapshot file (JSON or binary) for hosting without a server. */
  snapshot?: string;
  /** BCP 47 tag; default: the nearest lang attribute, then <html lang>. Unsupported languages show English. */
  locale?: string;
  theme?: VouchTheme;
  /** Reviews per page, 1..100 (default 10). */
  pageSize?: number;
  sort?: VouchSort;
  /** "pages" (numbered pager, default) or "more" ("show more" button). */
  paging?: 'pages' | 'more';
  /** Link shown when the widget cannot run (default: the server's fragment route). */
  reviewsUrl?: string;
  config?: VouchStoreConfig | string;
  /** The store's submission policy (docs/validation.md), so the form checks what the server checks. */
  policy?: object | string;
  /** Keep the view in the URL hash (default true; only the first widget on a page does). */
  hashState?: boolean;
  /** The Questions section (docs/embedding.md, "Questions and answers"): under the reviews, in a tab beside them, or none. Default "section". */
  qa?: 'section' | 'tab' | 'off';
  /** URL of a static questions file (the export's products/<file>.questions.json); read instead of the server's route. */
  questions?: string;
}

export interface VouchHandle {
  /** Merges new options: re-renders, or reloads when product/api/snapshot changed. */
  update(options: Partial<MountOptions>): void;
  /** Removes the widget and frees its C++ store. */
  destroy(): void;
}

export interface VouchApi {
  mount(element: HTMLElement, options: MountOptions): VouchHandle;
}

export interface VouchViewState {
  stars: number; // bit set: bit n-1 = n stars
  verified: boolean;
  media: boolean;
  topic: string;
  search: string;
  sort: VouchSort;
  page: number; // 0-based
}

export interface VouchReadyDetail { product: string; version?: string; reviews?: number; count?: number }
export interface VouchQueryDetail { product: string; state: VouchViewState; total: number; shown: number }
export interface VouchSubmittedDetail { product: string; id?: string; status?: 'published' | 'pending' }
export type VouchReportReason = 'spam' | 'off_topic' | 'offensive' | 'personal_data' | 'fake' | 'other';
export interface VouchReportedDetail { product: string; id: string; reason: VouchReportReason }
export interface VouchErrorDetail { product?: string; code: string; message: string }

export interface VouchReviewsElement extends HTMLElement {}
export interface VouchStarsElement extends HTMLElement {}

declare global {
  interface Window {
    Vouch: VouchApi;
  }
  interface HTMLElementTagNameMap {
    'vouch-reviews': VouchReviewsElement;
    'vouch-stars': VouchStarsElement;
  }
  interface HTMLElementEventMap {
    'vouch:ready': CustomEvent<VouchReadyDetail>;
    'vouch:query': CustomEvent<VouchQueryDetail>;
    'vouch:submitted': CustomEvent<VouchSubmittedDetail>;
    'vouch:reported': CustomEvent<VouchReportedDetail>;
    'vouch:error': CustomEvent<VouchErrorDetail>;
  }
  interface DocumentEventMap {
    'vouch:ready': CustomEvent<VouchReadyDetail>;
    'vouch:query': CustomEvent<VouchQueryDetail>;
    'vouch:submitted': CustomEvent<VouchSubmittedDetail>;
    'vouch:reported': CustomEvent<VouchReportedDetail>;
    'vouch:error': CustomEvent<VouchErrorDetail>;
  }
}
