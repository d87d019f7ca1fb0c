// GENERATED from include/vouch/dom_contract.hpp by the vouch_dom_contract
// target (scripts/bundle.mjs runs it): do not edit. The names the core's
// renderer writes into markup; a Catch2 test (tests/core/dom_contract_test.cpp)
// checks this file is up to date and the renderer emits only these names.

/** data-action values */
export const enum ACTION {
  stars = 'stars',
  verified = 'verified',
  media = 'media',
  topic = 'topic',
  search = 'search',
  searchInput = 'search-input',
  sort = 'sort',
  clear = 'clear',
  more = 'more',
  page = 'page',
  expand = 'expand',
  photo = 'photo',
  vote = 'vote',
  report = 'report',
  reportCancel = 'report-cancel',
  write = 'write',
  submit = 'submit',
  cancel = 'cancel',
  lightboxPrev = 'lightbox-prev',
  lightboxNext = 'lightbox-next',
  lightboxClose = 'lightbox-close',
  qaSearch = 'qa-search',
  qaSort = 'qa-sort',
  qaAsk = 'qa-ask',
  qaAnswer = 'qa-answer',
  qaVote = 'qa-vote',
  qaCancel = 'qa-cancel',
}

/** data-* hook attributes */
export const enum HOOK {
  action = 'data-action',
  value = 'data-value',
  id = 'data-id',
  review = 'data-review',
  mediaIndex = 'data-media',
  part = 'data-part',
  moreText = 'data-more',
  lessText = 'data-less',
  formSlot = 'data-form-slot',
  formErrors = 'data-form-errors',
  formStatus = 'data-form-status',
  errorFor = 'data-error-for',
  countFor = 'data-count-for',
  template = 'data-template',
  honeypot = 'data-honeypot',
  requiredMessage = 'data-required-message',
  sent = 'data-sent',
  published = 'data-published',
  failed = 'data-failed',
  required = 'data-required',
  lightbox = 'data-lightbox',
  lightboxImg = 'data-lightbox-img',
  lightboxCaption = 'data-lightbox-caption',
  reportForm = 'data-report-form',
  reportError = 'data-report-error',
  kind = 'data-kind',
  question = 'data-question',
  answer = 'data-answer',
  answerSlot = 'data-answer-slot',
  markupHash = 'data-hash',
}

/** each hook's element.dataset key */
export const enum DATASET {
  action = 'action',
  value = 'value',
  id = 'id',
  review = 'review',
  mediaIndex = 'media',
  part = 'part',
  moreText = 'more',
  lessText = 'less',
  formSlot = 'formSlot',
  formErrors = 'formErrors',
  formStatus = 'formStatus',
  errorFor = 'errorFor',
  countFor = 'countFor',
  template = 'template',
  honeypot = 'honeypot',
  requiredMessage = 'requiredMessage',
  sent = 'sent',
  published = 'published',
  failed = 'failed',
  required = 'required',
  lightbox = 'lightbox',
  lightboxImg = 'lightboxImg',
  lightboxCaption = 'lightboxCaption',
  reportForm = 'reportForm',
  reportError = 'reportError',
  kind = 'kind',
  question = 'question',
  answer = 'answer',
  answerSlot = 'answerSlot',
  markupHash = 'hash',
}

/** form control names: the validator's paths */
export const enum FIELD {
  rating = 'rating',
  title = 'title',
  body = 'body',
  author = 'author',
  email = 'email',
  photos = 'photos',
  consent = 'consent',
  aspectsPrefix = 'aspects.',
  text = 'text',
  reason = 'reason',
  searchQuery = 'q',
}

/** markers a rendered view is split at */
export const enum MARKUP {
  cardItemOpen = '<li data-hash="',
  cardListClose = '</ol>',
}
