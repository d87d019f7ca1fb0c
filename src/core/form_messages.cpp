// UI strings only the form module (vouch-form.wasm) shows: the report picker
// and the answer after a review is sent. A table apart from ui_messages.cpp so
// the first-render module, which links that whole table, does not carry them.
// Order: en, zh-CN, zh-TW, ja, es, fr, de. Translations written for this project.
#include "vouch/i18n.hpp"
#include "vouch/render.hpp"

namespace vouch::render {

namespace {

using i18n::Message;

constexpr Message kFormMessages[] = {
    {"report_heading",
     {"Why are you reporting this review?", "您为什么要举报这条评价？", "您為什麼要檢舉這則評論？",
      "このレビューを報告する理由は何ですか？", "¿Por qué denuncias esta reseña?",
      "Pourquoi signalez-vous cet avis ?", "Warum melden Sie diese Bewertung?"}},
    {"report_choose",
     {"Choose a reason", "请选择原因", "請選擇原因", "理由を選んでください", "Elige un motivo",
      "Choisissez un motif", "Grund auswählen"}},
    {"reason_spam",
     {"Spam or advertising", "垃圾信息或广告", "垃圾訊息或廣告", "スパムまたは広告",
      "Spam o publicidad", "Spam ou publicité", "Spam oder Werbung"}},
    {"reason_off_topic",
     {"Not about this product", "与此商品无关", "與此商品無關", "この商品とは関係ない",
      "No trata de este producto", "Ne concerne pas ce produit", "Nicht über dieses Produkt"}},
    {"reason_offensive",
     {"Offensive or hateful", "冒犯或仇恨内容", "冒犯或仇恨內容", "不快または差別的な内容",
      "Ofensiva o de odio", "Offensant ou haineux", "Beleidigend oder hasserfüllt"}},
    {"reason_personal_data",
     {"Shares personal information", "泄露个人信息", "洩露個人資料", "個人情報が含まれている",
      "Comparte datos personales", "Divulgue des données personnelles",
      "Enthält persönliche Daten"}},
    {"reason_fake",
     {"Fake or misleading", "虚假或误导", "虛假或誤導", "偽り、または誤解を招く",
      "Falsa o engañosa", "Faux ou trompeur", "Gefälscht oder irreführend"}},
    {"reason_other",
     {"Something else", "其他原因", "其他原因", "その他", "Otro motivo", "Autre raison",
      "Etwas anderes"}},
    {"report_send",
     {"Send report", "提交举报", "送出檢舉", "報告を送信", "Enviar denuncia",
      "Envoyer le signalement", "Meldung senden"}},
    {"report_required",
     {"Choose a reason to send the report.", "请先选择原因再提交。", "請先選擇原因再送出。",
      "理由を選んでから送信してください。", "Elige un motivo para enviar la denuncia.",
      "Choisissez un motif pour envoyer le signalement.",
      "Wählen Sie einen Grund, um die Meldung zu senden."}},
    {"report_sent",
     {"Thank you. We will check this review.", "谢谢，我们会核查这条评价。",
      "謝謝，我們會查核這則評論。", "ありがとうございます。このレビューを確認します。",
      "Gracias. Revisaremos esta reseña.", "Merci. Nous allons vérifier cet avis.",
      "Danke. Wir prüfen diese Bewertung."}},
    {"report_failed",
     {"The report could not be sent. Please try again.", "举报未能发送，请重试。",
      "檢舉未能送出，請重試。", "報告を送信できませんでした。もう一度お試しください。",
      "No se pudo enviar la denuncia. Inténtalo de nuevo.",
      "Le signalement n’a pas pu être envoyé. Veuillez réessayer.",
      "Die Meldung konnte nicht gesendet werden. Bitte erneut versuchen."}},
    {"submitted_published",
     {"Thank you! Your review is published.", "谢谢！您的评价已发布。", "謝謝！您的評論已發布。",
      "ありがとうございます。レビューが公開されました。", "¡Gracias! Tu reseña ya está publicada.",
      "Merci ! Votre avis est publié.", "Danke! Ihre Bewertung ist veröffentlicht."}},
    {"submitted_pending",
     {"Thank you! Your review was received. It is not shown yet: it will appear after it is "
      "checked.",
      "谢谢！我们已收到您的评价。评价暂未显示，审核通过后即会显示。",
      "謝謝！我們已收到您的評論。評論暫未顯示，審核通過後即會顯示。",
      "ありがとうございます。レビューを受け付けました。まだ表示されていません。確認後に表示されます"
      "。",
      "¡Gracias! Hemos recibido tu reseña. Aún no se muestra: aparecerá tras revisarla.",
      "Merci ! Votre avis a été reçu. Il n’est pas encore affiché : il paraîtra après "
      "vérification.",
      "Danke! Ihre Bewertung ist eingegangen. Sie wird noch nicht angezeigt: Sie erscheint nach "
      "der Prüfung."}},
};

}  // namespace

std::string form_ui(std::string_view key, const i18n::Params& params, i18n::Locale locale) {
  const std::string_view pattern =
      i18n::lookup(kFormMessages, sizeof kFormMessages / sizeof kFormMessages[0], key, locale);
  return i18n::format(pattern, params, locale);
}

}  // namespace vouch::render
