// The answer invitation of the core (include/vouch/invite_mail.hpp): the
// request mail's escaper and layout, the question quoted in both parts, one
// answer link (never an unsafe one), the reason and the unsubscribe link, and
// its own texts in every locale.
#include "vouch/invite_mail.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace vouch::request_mail;
using vouch::i18n::Locale;

namespace {

InviteMailInput invite_input() {
  InviteMailInput input;
  input.store_name = "Linen & Co";
  input.customer_name = "Mia";
  input.product_name = "Linen dress";
  input.question_text = "Does it shrink?\nI wash at 40.";
  input.answer_url = "https://shop.example/p/dress?vouch_answer=T.S#vouch-answer=q1";
  input.unsubscribe_url = "https://reviews.example/api/v1/unsubscribe/U";
  return input;
}

}  // namespace

TEST_CASE("invite mail: question, product, one answer link, reason, unsubscribe", "[invite_mail]") {
  const RenderedMail mail = render_invite_mail(invite_input());
  CHECK(mail.subject == "A shopper has a question about Linen dress");
  CHECK(mail.text.find("Hello Mia,") == 0);
  CHECK(mail.text.find("> Does it shrink?\n> I wash at 40.\n") != std::string::npos);
  CHECK(mail.text.find("Answer this question: "
                       "https://shop.example/p/dress?vouch_answer=T.S#vouch-answer=q1\n") !=
        std::string::npos);
  CHECK(mail.text.find("because you bought Linen dress from Linen & Co.") != std::string::npos);
  CHECK(mail.text.find("https://reviews.example/api/v1/unsubscribe/U") != std::string::npos);
  CHECK(mail.html.find("Linen &amp; Co") != std::string::npos);
  CHECK(mail.html.find("Does it shrink?<br>I wash at 40.") != std::string::npos);
  CHECK(mail.html.find("href=\"https://shop.example/p/dress?vouch_answer=T.S#vouch-answer=q1\" "
                       "data-vouch-answer-link") != std::string::npos);
  CHECK(mail.html.find("href=\"https://reviews.example/api/v1/unsubscribe/U\"") !=
        std::string::npos);
  // Rating-blind, nothing offered.
  for (const char* word : {"star", "rating", "reward", "discount", "coupon"}) {
    CHECK(mail.text.find(word) == std::string::npos);
  }
}

TEST_CASE("invite mail: hostile values are escaped once, unsafe links left out", "[invite_mail]") {
  InviteMailInput input = invite_input();
  input.store_name = "Shop <script>\r\nBcc: x@example.com";
  input.product_name = "<b>Mug</b>\nSubject: spam";
  input.customer_name = "\"><img src=x>";
  input.question_text = "<script>alert(1)</script>\n\xff\xfe broken";
  input.answer_url = "javascript:alert(1)";
  input.unsubscribe_url = "data:text/html,x";
  const RenderedMail mail = render_invite_mail(input);
  CHECK(mail.subject.find_first_of("\r\n") == std::string::npos);
  CHECK(mail.html.find("<script>") == std::string::npos);
  CHECK(mail.html.find("<img src=x>") == std::string::npos);
  CHECK(mail.html.find("<b>Mug") == std::string::npos);
  CHECK(mail.html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(mail.html.find("javascript:") == std::string::npos);
  CHECK(mail.html.find("data:text") == std::string::npos);
  CHECK(mail.text.find("javascript:") == std::string::npos);
  CHECK(mail.text.find("\nBcc: x@example.com") == std::string::npos);
  CHECK(mail.text.find("\nSubject: spam") == std::string::npos);
  CHECK(mail.text.find("\xff") == std::string::npos);
  CHECK(mail.html.find("data-vouch-answer-link") == std::string::npos);
}

TEST_CASE("invite mail: every locale has its own texts", "[invite_mail]") {
  std::set<std::string> subjects, buttons;
  for (std::size_t i = 0; i < vouch::i18n::kLocaleCount; ++i) {
    InviteMailInput input = invite_input();
    input.locale = static_cast<Locale>(i);
    const RenderedMail mail = render_invite_mail(input);
    subjects.insert(mail.subject);
    buttons.insert(mail_text("invite_button", {}, input.locale));
    CHECK(mail.html.find("lang=\"" + std::string(vouch::i18n::locale_tag(input.locale)) + "\"") !=
          std::string::npos);
    CHECK(mail.subject.find("Linen dress") != std::string::npos);
    for (const char* key :
         {"invite_intro", "invite_question", "invite_note", "invite_footer", "invite_unsubscribe"})
      CHECK_FALSE(mail_text(key, {{"product", "P"}, {"store_name", "S"}}, input.locale).empty());
  }
  CHECK(subjects.size() == vouch::i18n::kLocaleCount);
  CHECK(buttons.size() == vouch::i18n::kLocaleCount);
}

TEST_CASE("the unsubscribe pages name question invitations too (one list stops both)",
          "[invite_mail]") {
  // The word for "questions" that the invitation's own unsubscribe link uses, per locale.
  const std::pair<Locale, const char*> words[] = {
      {Locale::En, "questions"}, {Locale::ZhCN, "问题"},    {Locale::ZhTW, "問題"},
      {Locale::Ja, "質問"},      {Locale::Es, "preguntas"}, {Locale::Fr, "questions"},
      {Locale::De, "Fragen"}};
  for (const auto& [locale, word] : words) {
    INFO(vouch::i18n::locale_tag(locale));
    CHECK(mail_text("invite_unsubscribe", {}, locale).find(word) != std::string::npos);
    for (UnsubscribePage page : {UnsubscribePage::Confirm, UnsubscribePage::Done})
      CHECK(unsubscribe_page(page, locale, "Fern & Thread", "/u").find(word) != std::string::npos);
  }
}
