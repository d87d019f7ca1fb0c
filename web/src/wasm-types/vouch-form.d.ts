// vouch-form.wasm (VOUCH_WASM_PART_FORM of src/wasm/bindings.cpp): the form's
// markup, the report picker, JSON -> binary snapshots and the validator.
// Exactly what that part registers; the façade (src/facade/) documents each call.
import type { EmbindHandle, ModuleOptions, StoreStatus, WasmHeap, WidgetRender } from './embind';

/** class_ SnapshotConverter: one per JSON snapshot, freed with delete(). */
export interface SnapshotConverter extends EmbindHandle {
  convert(pointer: number, length: number): StoreStatus;
  /** typed_memory_view over the binary snapshot, valid until the next call or delete(): slice() it. */
  binaryView(): Uint8Array;
}

export interface VouchFormModule extends WasmHeap {
  version(): string;
  renderForm(policyJson: string, locale: string, idPrefix: string): WidgetRender;
  renderReportPicker(locale: string, idPrefix: string): string;
  SnapshotConverter: { new (): SnapshotConverter };
  /** The verdict JSON {ok, errors, flags, normalized} (docs/validation.md). */
  validateSubmission(submissionJson: string, policyJson: string, contextJson: string, locale: string): string;
  validateSubmissionBytes(pointer: number, length: number, policyJson: string, contextJson: string, locale: string): string;
  validationMessage(code: string, paramsJson: string, locale: string): string;
  defaultPolicy(): string;
  graphemeCount(text: string): number;
  truncateGraphemes(text: string, maxGraphemes: number, ellipsis: string): string;
  /** A JSON array of numbers (a context's existing_fingerprints entry). */
  textFingerprint(text: string): string;
}

declare function createVouchForm(options?: ModuleOptions): Promise<VouchFormModule>;
export default createVouchForm;
