#include "questions/invites.hpp"

#include <cstdio>
#include <mutex>

#include "questions/answer.hpp"
#include "questions/answer_link.hpp"
#include "questions/question_store.hpp"

namespace vouch::server::questions {

namespace {

// RFC 3986 unreserved characters stay; everything else is %XX.
std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

std::string product_page_url(const App& app, const std::string& product_id) {
  std::string url = app.config.questions.product_url;
  if (url.empty()) return "";
  url.replace(url.find("{product}"), 9, percent_encode(product_id));
  return url;
}

std::string answer_link_url(const App& app, const std::string& product_id,
                            const std::string& question_id, const std::string& token) {
  std::string url = product_page_url(app, product_id);
  if (url.empty()) return "";
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += "vouch_answer=" + percent_encode(token) + "#vouch-answer=" + percent_encode(question_id);
  return url;
}

app::Outcome<std::vector<Invite>> invite_links(App& app, const std::string& question_id) {
  using app::Failure;
  std::lock_guard<std::recursive_mutex> lock(app.db->mutex());
  app::Outcome<StoredQuestion> question = load_question(app, question_id);
  if (!question) return question.problem();
  const StoredQuestion& q = question.value();
  if (q.status != "published")
    return app::problem(Failure::Conflict, "question_not_published",
                        "buyers are invited to answer published questions only");
  if (app.config.hmac_secret.empty())
    return app::problem(Failure::Conflict, "no_hmac_secret",
                        "answer links need the hmac_secret of the configuration");
  Result<std::vector<VerifiedBuyer>> buyers = verified_buyers(*app.db, q.product_id, kMaxInvites);
  if (!buyers) {
    std::fprintf(stderr, "invites: %s\n", buyers.error().to_string().c_str());
    return app::problem(Failure::Storage, "internal", "database error");
  }
  const std::int64_t expires = app.now() + app.config.questions.answer_link_days * 86400;
  std::vector<Invite> out;
  for (const VerifiedBuyer& buyer : buyers.value()) {
    Invite invite;
    invite.order_id = buyer.order_id;
    invite.author = buyer.author;
    invite.token =
        sign_answer_link({q.id, q.product_id, buyer.order_id, expires}, app.config.hmac_secret);
    invite.url = answer_link_url(app, q.product_id, q.id, invite.token);
    invite.expires = expires;
    out.push_back(std::move(invite));
  }
  return out;
}

}  // namespace vouch::server::questions
