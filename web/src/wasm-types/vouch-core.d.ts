// vouch-core.wasm (VOUCH_WASM_PART_VIEW of src/wasm/bindings.cpp): the first
// render's Store, the view, the shell, the badge and UI text. Exactly what that
// part registers; the façade (src/facade/) documents each call.
import type { EmbindHandle, ModuleOptions, StoreStatus, WasmHeap, WidgetRender } from './embind';

/** value_object QueryOptions: every field is required by Embind. */
export interface QueryOptions {
  stars: number;
  verifiedOnly: boolean;
  withMedia: boolean;
  topic: string;
  language: string;
  aspect: string;
  aspectValue: number;
  text: string;
  sort: string;
  offset: number;
  limit: number;
}

export interface QueryAnswer extends StoreStatus {
  total: number;
  /** value_array FiveCounts: [1-star, ..., 5-star] */
  starCounts: [number, number, number, number, number];
  verifiedCount: number;
  withMediaCount: number;
  pageSize: number;
}

export interface StoreSummary {
  count: number;
  averageTenths: number;
  averageText: string;
  histogram: [number, number, number, number, number];
  histogramPercent: [number, number, number, number, number];
  hasRecommend: boolean;
  recommendPercent: number;
  recommendAnswered: number;
  aspectCount: number;
  topicCount: number;
}

export interface StoreAspect {
  name: string;
  count: number;
  averageTenths: number;
  averageText: string;
}

/** class_ Store (facade::ReviewStore): one per widget, freed with delete(). */
export interface Store extends EmbindHandle {
  loadBinary(pointer: number, length: number): StoreStatus;
  /** A buffer of `length` bytes inside the Store (0 when too large): HEAPU8.set it, then beginLoadReserved(). */
  reserveBinary(length: number): number;
  /** Starts loading the reserved buffer (not ok when nothing is reserved). */
  beginLoadReserved(): StoreStatus;
  /** About `budget` reviews of the load; true once it is done (then loadResult()). */
  loadStep(budget: number): boolean;
  /** The finished load's status; the previous snapshot stays on failure. */
  loadResult(): StoreStatus;
  size(): number;
  productId(): string;
  productName(): string;
  query(options: QueryOptions): QueryAnswer;
  prepareSearch(): void;
  /** One step of the index build, about `budget` reviews: true once built (web/src/search-prep.js). */
  prepareSearchStep(budget: number): boolean;
  /** typed_memory_view over the Store's memory, valid until the next query or load: slice() it at once. */
  pageView(): Uint32Array;
  highlightsView(): Uint32Array;
  topicFacetsView(): Uint32Array;
  summaryTopicCountsView(): Uint32Array;
  summary(): StoreSummary;
  aspect(index: number): StoreAspect;
  topicCount(): number;
  topicName(index: number): string;
  jsonLd(maxReviews: number): string;
}

/** value_object WidgetView: the shopper's view (web/src/view-state.js). */
export interface WidgetView {
  stars: number;
  verified: boolean;
  media: boolean;
  topic: string;
  search: string;
  sort: string;
  page: number;
  pageSize: number;
  showMore: boolean;
}

/** value_object ShellConfig: the store's collection facts (web/src/options.js). */
export interface ShellConfig {
  verifiesPurchases: boolean;
  moderatesBeforePublishing: boolean;
  acceptsUnverified: boolean;
  offersIncentives: boolean;
  /** apps reviews were imported from, one per line */
  importedFrom: string;
}

export interface VouchCoreModule extends WasmHeap {
  version(): string;
  Store: { new (): Store };
  setHanFold(pointer: number, length: number): StoreStatus;
  hasHanFold(): boolean;
  renderView(store: Store, view: WidgetView, locale: string, idPrefix: string): WidgetRender;
  renderShell(config: ShellConfig, locale: string, idPrefix: string): WidgetRender;
  renderBadge(averageTenths: number, count: number, locale: string): string;
  uiText(key: string, count: number, locale: string): string;
  resolveLocale(tag: string): string;
}

declare function createVouchCore(options?: ModuleOptions): Promise<VouchCoreModule>;
export default createVouchCore;
