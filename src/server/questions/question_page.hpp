#pragma once
// The crawlable page of one answered question (/q/{id}): server-rendered in
// the request's locale, every text escaped once, with QAPage JSON-LD (one
// Question, its answerCount, the store's answer as acceptedAnswer and the
// others as suggestedAnswer) and a canonical link. The widget and the
// fragment carry no Q&A markup: search engines get this page instead.

#include <string>
#include <vector>

#include "app.hpp"
#include "questions/question_store.hpp"
#include "vouch/i18n.hpp"

namespace vouch::server::questions {

// The JSON-LD object (without the script tag), '<', '>' and '&' escaped as
// \u003c etc. so it cannot end the script element.
std::string qa_page_json_ld(const App& app, const StoredQuestion& question,
                            const std::vector<StoredAnswer>& published_answers);

std::string render_question_page(const App& app, const StoredQuestion& question,
                                 const std::vector<StoredAnswer>& published_answers,
                                 i18n::Locale locale);

// The fragment's links to the product's answered question pages (no Q&A
// markup there: the pages carry it); "" when there are none.
std::string question_links(const App& app, const std::string& product_id, i18n::Locale locale);

// The page's absolute URL (public_url + "/q/" + id; relative without public_url).
std::string question_page_url(const App& app, const std::string& question_id);

}  // namespace vouch::server::questions
