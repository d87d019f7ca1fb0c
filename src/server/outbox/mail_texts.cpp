#include "outbox/mail_texts.hpp"

// Order of each row: en, zh-CN, zh-TW, ja, es, fr, de (i18n::Locale).
// Translations written for this project.

namespace vouch::server::outbox {

namespace {

constexpr i18n::Message kMailTexts[] = {
    {"test_subject",
     {"Test mail from {store}", "来自 {store} 的测试邮件", "來自 {store} 的測試郵件",
      "{store} からのテストメール", "Correo de prueba de {store}", "E-mail de test de {store}",
      "Testmail von {store}"}},
    {"test_body",
     {"This is a test mail from the review server of {store}, queued in the console by "
      "{who}.\nIf it reached you, the outbox can send mail.\n",
      "这是 {store} 评价服务器发出的测试邮件，由 {who} 在控制台中加入队列。\n"
      "如果您收到了它，说明发件箱可以发送邮件。\n",
      "這是 {store} 評論伺服器寄出的測試郵件，由 {who} 在控制台中加入佇列。\n"
      "如果您收到了它，表示寄件匣可以寄送郵件。\n",
      "これは {store} のレビューサーバーからのテストメールです。{who} "
      "がコンソールで送信キューに入れました。\n"
      "このメールが届いていれば、送信トレイからメールを送信できます。\n",
      "Este es un correo de prueba del servidor de reseñas de {store}, puesto en cola en la "
      "consola por {who}.\nSi te ha llegado, la bandeja de salida puede enviar correo.\n",
      "Ceci est un e-mail de test du serveur d’avis de {store}, mis en file d’attente dans la "
      "console par {who}.\nS’il vous est parvenu, la boîte d’envoi peut envoyer des e-mails.\n",
      "Dies ist eine Testmail vom Bewertungsserver von {store}, in der Konsole von {who} in die "
      "Warteschlange gestellt.\nWenn sie Sie erreicht hat, kann der Postausgang Mails "
      "versenden.\n"}},
    {"private_subject",
     {"About your review at {store}", "关于您在 {store} 的评价", "關於您在 {store} 的評論",
      "{store} へのレビューについて", "Sobre tu reseña en {store}",
      "À propos de votre avis sur {store}", "Zu Ihrer Bewertung bei {store}"}},
    {"private_subject_titled",
     {"About your review \"{title}\"", "关于您的评价“{title}”", "關於您的評論「{title}」",
      "レビュー「{title}」について", "Sobre tu reseña «{title}»",
      "À propos de votre avis « {title} »", "Zu Ihrer Bewertung „{title}“"}},
};

constexpr std::size_t kCount = sizeof(kMailTexts) / sizeof(kMailTexts[0]);

}  // namespace

std::string mail_text(std::string_view key, i18n::Locale locale, const i18n::Params& params) {
  return i18n::format(i18n::lookup(kMailTexts, kCount, key, locale), params, locale);
}

std::vector<std::string> mail_text_keys() {
  std::vector<std::string> keys;
  for (const i18n::Message& m : kMailTexts) keys.emplace_back(m.key);
  return keys;
}

bool mail_text_complete(std::string_view key) {
  for (const i18n::Message& m : kMailTexts) {
    if (key != m.key) continue;
    for (const char* text : m.text)
      if (text == nullptr || *text == '\0') return false;
    return true;
  }
  return false;
}

}  // namespace vouch::server::outbox
