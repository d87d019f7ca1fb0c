// What every wasm module of the widget has (src/wasm/bindings.cpp,
// cmake/WasmModule.cmake): the heap the bytes go into (_malloc, HEAPU8, _free:
// web/src/wasm-snapshot.mjs withBytesInHeap), the status and markup objects
// both parts register, and Embind's handle of a registered class.

/** The Emscripten heap exports of a module (EXPORTED_FUNCTIONS, EXPORTED_RUNTIME_METHODS). */
export interface WasmHeap {
  _malloc(size: number): number;
  _free(pointer: number): void;
  /** Read after every _malloc: memory may have grown and replaced it. */
  readonly HEAPU8: Uint8Array;
}

/** An instance of a registered class: owned by JS until delete(). */
export interface EmbindHandle {
  delete(): void;
  isDeleted(): boolean;
}

/** value_object StoreStatus: the {ok, code, message} of loads and conversions. */
export interface StoreStatus {
  ok: boolean;
  code: string;
  message: string;
}

/** value_object WidgetRender: rendered markup (renderView, renderShell, renderForm). */
export interface WidgetRender extends StoreStatus {
  html: string;
  /** reviews matching the filters */
  total: number;
  /** cards in the markup */
  shown: number;
}

/** The options every MODULARIZE factory takes that the widget passes. */
export interface ModuleOptions {
  locateFile?: (path: string, prefix: string) => string;
  wasmBinary?: ArrayBuffer | Uint8Array;
  onAbort?: (what: unknown) => void;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}
