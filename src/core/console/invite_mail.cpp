// The answer invitation's two parts; see invite_mail.hpp. Layout, escaping
// and the footer are mail_layout's (shared with the request mail).
#include "vouch/invite_mail.hpp"

#include "mail_layout.hpp"
#include "vouch/render.hpp"

namespace vouch::request_mail {

RenderedMail render_invite_mail(const InviteMailInput& input) {
  namespace layout = mail_layout;
  const i18n::Locale locale = input.locale;
  const std::string store = layout::one_line(layout::clean_text(input.store_name));
  const std::string product = layout::one_line(layout::clean_text(input.product_name));
  const std::string customer = layout::one_line(layout::clean_text(input.customer_name));
  const std::string question = layout::clean_text(input.question_text);
  const i18n::Params names{{"store_name", store}, {"product", product}};
  const std::string greeting = customer.find_first_not_of(' ') == std::string::npos
                                   ? mail_text("greeting", {}, locale)
                                   : mail_text("greeting_named", {{"name", customer}}, locale);
  const std::string intro = mail_text("invite_intro", names, locale);
  const std::string label = mail_text("invite_question", {}, locale);
  const std::string button = mail_text("invite_button", {}, locale);
  const std::string note = mail_text("invite_note", {}, locale);
  const std::string footer = mail_text("invite_footer", names, locale);
  const std::string unsubscribe = mail_text("invite_unsubscribe", {}, locale);
  const bool can_answer = render::is_safe_url(input.answer_url);
  const bool can_unsubscribe = render::is_safe_url(input.unsubscribe_url);

  RenderedMail mail;
  mail.subject = layout::one_line(mail_text("invite_subject", names, locale));

  // ---- text/plain: the question quoted line by line ----
  std::string& text = mail.text;
  text += greeting + "\n\n" + intro + "\n\n" + label + "\n";
  std::size_t start = 0;
  while (start <= question.size()) {
    std::size_t end = question.find('\n', start);
    if (end == std::string::npos) end = question.size();
    std::string line = question.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    text += "> " + layout::one_line(line) + "\n";
    start = end + 1;
  }
  text += "\n";
  if (can_answer) text += button + ": " + input.answer_url + "\n\n";
  text += note + "\n\n-- \n" + footer + "\n";
  if (can_unsubscribe) text += unsubscribe + ": " + input.unsubscribe_url + "\n";

  // ---- text/html ----
  std::string& html = mail.html;
  layout::open_card(html, locale, mail.subject);
  html += "<p style=\"margin:0 0 16px\">";
  render::append_escaped(html, greeting);
  html += "</p>";
  layout::append_html_paragraphs(html, intro);
  html += "<p style=\"margin:0 0 4px;font-weight:bold\">";
  render::append_escaped(html, label);
  html +=
      "</p><blockquote class=\"vouch-question\" style=\"margin:0 0 16px;padding:8px "
      "12px;border-left:4px solid #e4e4e7;color:#27272a\">";
  layout::append_html_paragraphs(html, question);
  html += "</blockquote>";
  if (can_answer) {
    html += "<p style=\"margin:0 0 16px\"><a href=\"";
    render::append_escaped(html, input.answer_url);
    html +=
        "\" data-vouch-answer-link style=\"display:inline-block;padding:10px "
        "18px;background:#18181b;color:#ffffff;border-radius:6px;text-decoration:none;"
        "font-weight:bold\">";
    render::append_escaped(html, button);
    html += "</a></p>";
  }
  html += "<p style=\"margin:0 0 16px;color:#52525b\">";
  render::append_escaped(html, note);
  html += "</p>";
  layout::close_card(html, footer, can_unsubscribe ? input.unsubscribe_url : "", unsubscribe);
  return mail;
}

}  // namespace vouch::request_mail
