// vouch-qa.wasm (VOUCH_WASM_PART_QA of src/wasm/bindings.cpp): questions,
// their forms and validator. Exactly what that part registers; the façade
// (src/facade/qa_api.hpp) documents each call.
import type { EmbindHandle, ModuleOptions, StoreStatus, WasmHeap } from './embind';

export interface QaLoad extends StoreStatus {
  total: number;
  skipped: number;
}

export interface QaSection {
  html: string;
  total: number;
  shown: number;
}

/** class_ QaList: one per widget, freed with delete(). */
export interface QaList extends EmbindHandle {
  load(pointer: number, length: number): QaLoad;
  render(search: string, sort: string, locale: string, idPrefix: string, canAnswer: boolean): QaSection;
  size(): number;
  hasQuestion(id: string): boolean;
}

export interface VouchQaModule extends WasmHeap {
  version(): string;
  QaList: { new (): QaList };
  renderQaForm(policyJson: string, questionId: string, locale: string, idPrefix: string): string;
  validateQuestionBytes(pointer: number, length: number, policyJson: string, contextJson: string, locale: string): string;
  validateAnswerBytes(pointer: number, length: number, policyJson: string, contextJson: string, locale: string): string;
  qaText(key: string, locale: string): string;
}

declare function createVouchQa(options?: ModuleOptions): Promise<VouchQaModule>;
export default createVouchQa;
