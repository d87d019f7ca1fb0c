#include "questions/qa_messages.hpp"

// The server's own Q&A strings (the /q/{id} page and the answer notice mail)
// in the 7 shipped locales (order: en, zh-CN, zh-TW, ja, es, fr, de; see
// i18n::Locale). Translations written for this project.

namespace vouch::server::questions {

namespace {

using i18n::Message;

constexpr Message kQaMessages[] = {
    {"page_title",
     {"Question about {product} — {store}", "关于 {product} 的问题 — {store}",
      "關於 {product} 的問題 — {store}", "{product} についての質問 — {store}",
      "Pregunta sobre {product} — {store}", "Question sur {product} — {store}",
      "Frage zu {product} — {store}"}},
    {"asked_by",
     {"Asked by {author} on {date}", "{author} 于 {date} 提问", "{author} 於 {date} 提問",
      "{author}さんの質問（{date}）", "Pregunta de {author} el {date}",
      "Question de {author} le {date}", "Gefragt von {author} am {date}"}},
    {"answer_count",
     {"{count, plural, one {# answer} other {# answers}}", "{count} 个回答", "{count} 個回答",
      "{count}件の回答", "{count, plural, one {# respuesta} other {# respuestas}}",
      "{count, plural, one {# réponse} other {# réponses}}",
      "{count, plural, one {# Antwort} other {# Antworten}}"}},
    {"answered_by",
     {"{author} on {date}", "{author}，{date}", "{author}，{date}", "{author}（{date}）",
      "{author}, el {date}", "{author}, le {date}", "{author} am {date}"}},
    {"badge_store",
     {"Store answer", "商家回答", "商家回答", "ストアの回答", "Respuesta de la tienda",
      "Réponse de la boutique", "Antwort des Shops"}},
    {"badge_verified_buyer",
     {"Verified buyer", "已验证买家", "已驗證買家", "購入者（確認済み）", "Comprador verificado",
      "Acheteur vérifié", "Verifizierter Käufer"}},
    {"helpful",
     {"{count, plural, one {# person found this helpful} other {# people found this helpful}}",
      "{count} 人觉得有用", "{count} 人覺得有用", "{count}人が役に立ったと評価",
      "{count, plural, one {A # persona le resultó útil} other {A # personas les resultó útil}}",
      "{count, plural, one {# personne a trouvé cela utile} other {# personnes ont trouvé cela "
      "utile}}",
      "{count, plural, one {# Person fand das hilfreich} other {# Personen fanden das "
      "hilfreich}}"}},
    {"back_to_product",
     {"All questions and reviews of this product", "查看该商品的全部问答和评价",
      "查看該商品的全部問答與評論", "この商品の質問とレビューをすべて見る",
      "Todas las preguntas y reseñas de este producto",
      "Toutes les questions et tous les avis sur ce produit",
      "Alle Fragen und Bewertungen zu diesem Produkt"}},
    {"anonymous",
     {"A shopper", "一位顾客", "一位顧客", "お客様", "Un cliente", "Un client", "Ein Kunde"}},
    {"fragment_link",
     {"Answered questions", "已回答的问题", "已回答的問題", "回答済みの質問",
      "Preguntas respondidas", "Questions avec réponse", "Beantwortete Fragen"}},
    {"mail_subject",
     {"Your question has an answer — {store}", "您的问题已有回答 — {store}",
      "您的問題已有回答 — {store}", "ご質問に回答がありました — {store}",
      "Tu pregunta tiene una respuesta — {store}", "Votre question a une réponse — {store}",
      "Ihre Frage wurde beantwortet — {store}"}},
    {"mail_body",
     {"Hello,\n\nyou asked about {product}:\n\n  {question}\n\n{who} answered:\n\n  "
      "{answer}\n\nAll answers: {url}\n\nYou gave your e-mail address only for this notice; "
      "it is not used for anything else.\n\n{store}\n",
      "您好：\n\n您询问了 {product}：\n\n  {question}\n\n{who} 回答：\n\n  {answer}\n\n"
      "全部回答：{url}\n\n您留下的电子邮件地址仅用于此通知，不作他用。\n\n{store}\n",
      "您好：\n\n您詢問了 {product}：\n\n  {question}\n\n{who} 回答：\n\n  {answer}\n\n"
      "全部回答：{url}\n\n您留下的電子郵件地址僅用於此通知，不作他用。\n\n{store}\n",
      "こんにちは。\n\n{product} についてのご質問：\n\n  {question}\n\n{who}の回答：\n\n  "
      "{answer}\n\nすべての回答：{url}\n\nメールアドレスはこのお知らせにのみ使用し、"
      "ほかの目的には使いません。\n\n{store}\n",
      "Hola:\n\npreguntaste sobre {product}:\n\n  {question}\n\n{who} respondió:\n\n  "
      "{answer}\n\nTodas las respuestas: {url}\n\nNos diste tu correo solo para este aviso; "
      "no se usa para nada más.\n\n{store}\n",
      "Bonjour,\n\nvous avez posé une question sur {product} :\n\n  {question}\n\n{who} a "
      "répondu :\n\n  {answer}\n\nToutes les réponses : {url}\n\nVotre adresse e-mail ne sert "
      "qu’à cet avis, à rien d’autre.\n\n{store}\n",
      "Hallo,\n\nSie haben zu {product} gefragt:\n\n  {question}\n\n{who} hat geantwortet:\n\n  "
      "{answer}\n\nAlle Antworten: {url}\n\nIhre E-Mail-Adresse dient nur dieser Nachricht "
      "und wird für nichts anderes verwendet.\n\n{store}\n"}},
};

}  // namespace

std::string qa_text(std::string_view key, i18n::Locale locale, const i18n::Params& params) {
  const std::string_view pattern =
      i18n::lookup(kQaMessages, sizeof(kQaMessages) / sizeof(kQaMessages[0]), key, locale);
  return i18n::format(pattern, params, locale);
}

std::vector<std::string> qa_message_keys() {
  std::vector<std::string> keys;
  for (const i18n::Message& m : kQaMessages) keys.emplace_back(m.key);
  return keys;
}

bool qa_message_complete(std::string_view key) {
  for (const i18n::Message& m : kQaMessages) {
    if (key != m.key) continue;
    for (const char* text : m.text)
      if (text == nullptr || *text == '\0') return false;
    return true;
  }
  return false;
}

}  // namespace vouch::server::questions
