// @ts-check
// The shopper's view of one widget (filters, sort, search, page): its
// defaults, the current state, the view object the core renders, and the URL
// hash (web/src/hash-state.js) it is kept in so a shared link opens the same
// view. Only the first widget on a page owns the hash.

import { readHash, writeHash } from './hash-state.js';

/** @typedef {{ stars: number, verified: boolean, media: boolean, topic: string, search: string, sort: string, page: number }} View */

let hashOwner = null; // the first widget on the page keeps its view in the URL hash

export class ViewState {
  /**
   * @param {object} owner the widget (identity only: who owns the hash)
   * @param {{ sort: string, pageSize: number, paging: string, product: string, hashState: boolean }} options
   */
  constructor(owner, options) {
    this.owner = owner;
    this.options = options;
    /** @type {View} */
    this.value = this.defaults();
  }

  /** @returns {View} */
  defaults() {
    return { stars: 0, verified: false, media: false, topic: '', search: '', sort: this.options.sort, page: 0 };
  }

  /** The view at load: the defaults, then the hash when this widget owns it. */
  restore() {
    this.value = { ...this.defaults(), ...this.fromHash() };
  }

  fromHash() {
    if (!this.options.hashState || (hashOwner && hashOwner !== this.owner)) return {};
    hashOwner = this.owner;
    const fromHash = /** @type {Partial<View>} */ (readHash(this.options.product) || {});
    if (fromHash.sort === undefined) delete fromHash.sort;
    return fromHash;
  }

  /** @param {Partial<View>} change */
  set(change) {
    this.value = { ...this.value, ...change };
  }

  reset() {
    this.value = this.defaults();
  }

  /** The WidgetView the core's renderView takes (every field present: Embind requires them). */
  toWidgetView() {
    const { stars, verified, media, topic, search, sort, page } = this.value;
    return { stars, verified, media, topic, search, sort, page, pageSize: this.options.pageSize, showMore: this.options.paging === 'more' };
  }

  /** Writes the view into the URL hash when this widget owns it. */
  persist() {
    if (this.options.hashState && hashOwner === this.owner) writeHash(this.options.product, this.value, this.defaults());
  }

  /** The widget is gone: the next widget mounted may own the hash. */
  release() {
    if (hashOwner === this.owner) hashOwner = null;
  }
}
