// The review-request mail of the core (include/vouch/request_mail.hpp): one
// escaper for every value, no line break can reach the subject, unsafe URLs
// are never linked, every locale has its own texts, templates are checked.
#include "vouch/request_mail.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace vouch::request_mail;
using vouch::i18n::Locale;

namespace {

ProductRow row(const std::string& name, const std::string& base = "https://shop.example/p") {
  ProductRow r;
  r.name = name;
  r.image_url = "javascript:alert(1)";
  for (int i = 0; i < 5; ++i) r.star_urls[i] = base + "?r=" + std::to_string(i + 1) + "&x=\"";
  return r;
}

}  // namespace

TEST_CASE("request mail: hostile values are escaped once and cannot add lines", "[request_mail]") {
  MailInput input;
  input.store_name = "Shop <script>\r\nBcc: x@example.com";
  input.customer_name = "Mia\n\"><img src=x>";
  input.products = {row("<b>Mug</b> & co"), row("bad", "javascript:alert(1)")};
  input.unsubscribe_url = "https://reviews.example/api/v1/unsubscribe/t";
  const RenderedMail mail = render_mail(input);
  CHECK(mail.subject.find('\n') == std::string::npos);
  CHECK(mail.subject.find('\r') == std::string::npos);
  CHECK(mail.html.find("<script>") == std::string::npos);
  CHECK(mail.html.find("<img src=x>") == std::string::npos);
  CHECK(mail.html.find("&lt;b&gt;Mug&lt;/b&gt; &amp; co") != std::string::npos);
  CHECK(mail.html.find("&amp;x=&quot;") != std::string::npos);
  // The unsafe image and the product with javascript: links are left out.
  CHECK(mail.html.find("javascript:") == std::string::npos);
  CHECK(mail.text.find("javascript:") == std::string::npos);
  CHECK(mail.text.find("Bcc: x@example.com\n") == std::string::npos);
  CHECK(mail.text.find("https://reviews.example/api/v1/unsubscribe/t") != std::string::npos);
}

TEST_CASE("request mail: every locale has its own subject, both kinds", "[request_mail]") {
  for (MailKind kind : {MailKind::Request, MailKind::Reminder}) {
    std::set<std::string> subjects;
    for (std::size_t i = 0; i < vouch::i18n::kLocaleCount; ++i) {
      MailInput input;
      input.kind = kind;
      input.locale = static_cast<Locale>(i);
      input.store_name = "S";
      input.products = {row("Mug")};
      subjects.insert(render_mail(input).subject);
      CHECK(check_template(default_template(kind, input.locale)).empty());
    }
    CHECK(subjects.size() == vouch::i18n::kLocaleCount);
  }
}

TEST_CASE("request templates: only the two placeholders, one-line subject", "[request_mail]") {
  CHECK(check_template({"{store_name} {{ok}}", "Hi {customer_name}"}).empty());
  const auto issues = check_template({"Hi\n{rating}", "{discount"});
  std::set<std::string> codes;
  for (const TemplateIssue& issue : issues) codes.insert(issue.field + ":" + issue.code);
  CHECK(codes.count("subject:line_break") == 1);
  CHECK(codes.count("subject:unknown_placeholder") == 1);
  CHECK(codes.count("intro:unclosed_brace") == 1);
  CHECK(check_template({"", "x"}).front().code == "empty");
  CHECK(check_template({"\xff", "x"}).front().code == "invalid_utf8");
  MailInput input;
  input.custom = MailTemplate{"{customer_name}, about {store_name}", "Intro {{braces}}"};
  input.store_name = "S";
  input.customer_name = "Mia";
  input.products = {row("Mug")};
  const RenderedMail mail = render_mail(input);
  CHECK(mail.subject == "Mia, about S");
  CHECK(mail.text.find("Intro {braces}") != std::string::npos);
}
