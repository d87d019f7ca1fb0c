// The review-request mail's strings in the 7 locales (order: en, zh-CN, zh-TW,
// ja, es, fr, de; see i18n::Locale), with the same catalogue mechanism as the
// widget (ui_messages.cpp). The default subject and intro are the templates a
// store starts from; nothing here depends on a rating or offers anything.
#include "vouch/i18n.hpp"
#include "vouch/request_mail.hpp"

namespace vouch::request_mail {

namespace {

using i18n::Message;

constexpr Message kMailMessages[] = {
    {"subject_request",
     {"How was your order from {store_name}?", "您在 {store_name} 的订单怎么样？",
      "您在 {store_name} 的訂單還滿意嗎？", "{store_name}でのご注文はいかがでしたか？",
      "¿Qué tal tu pedido de {store_name}?", "Votre commande chez {store_name} vous a-t-elle plu ?",
      "Wie war Ihre Bestellung bei {store_name}?"}},
    {"subject_reminder",
     {"A quick reminder: your review for {store_name}", "温馨提醒：为 {store_name} 写下评价",
      "溫馨提醒：為 {store_name} 寫下評論", "リマインダー：{store_name}へのレビュー",
      "Un recordatorio: tu reseña para {store_name}", "Petit rappel : votre avis pour {store_name}",
      "Kurze Erinnerung: Ihre Bewertung für {store_name}"}},
    {"intro_request",
     {"Thank you for your order. Would you tell other shoppers what you think? Choose a star "
      "rating for a product to write your review.",
      "感谢您的订购。愿意把您的看法分享给其他顾客吗？为商品选择星级即可撰写评价。",
      "感謝您的訂購。願意把您的看法分享給其他顧客嗎？為商品選擇星等即可撰寫評論。",
      "ご注文ありがとうございました。ほかのお客様にご感想を教えていただけませんか？"
      "商品の星を選ぶとレビューを書けます。",
      "Gracias por tu pedido. ¿Nos cuentas qué te parece para ayudar a otros compradores? Elige "
      "una valoración para un producto y escribe tu reseña.",
      "Merci pour votre commande. Voulez-vous dire aux autres clients ce que vous en pensez ? "
      "Choisissez une note pour un produit afin de rédiger votre avis.",
      "Vielen Dank für Ihre Bestellung. Möchten Sie anderen Kunden sagen, was Sie davon halten? "
      "Wählen Sie eine Sternebewertung für ein Produkt, um Ihre Bewertung zu schreiben."}},
    {"intro_reminder",
     {"A few days ago we asked what you think of your order. If you have a minute, choose a "
      "star rating below to write your review.",
      "几天前我们询问了您对订单的看法。如果您有空，请在下方选择星级撰写评价。",
      "幾天前我們詢問了您對訂單的看法。如果您有空，請在下方選擇星等撰寫評論。",
      "先日、ご注文についてのご感想をお伺いしました。お時間があれば、下の星を選んでレビューを"
      "お書きください。",
      "Hace unos días te preguntamos qué te parecía tu pedido. Si tienes un minuto, elige una "
      "valoración abajo para escribir tu reseña.",
      "Il y a quelques jours, nous vous avons demandé votre avis sur votre commande. Si vous "
      "avez une minute, choisissez une note ci-dessous pour rédiger votre avis.",
      "Vor einigen Tagen haben wir Sie nach Ihrer Meinung zu Ihrer Bestellung gefragt. Wenn Sie "
      "eine Minute haben, wählen Sie unten eine Sternebewertung für Ihre Bewertung."}},
    {"greeting_named",
     {"Hello {name},", "{name}，您好：", "{name}，您好：", "{name} 様",
      "Hola, {name}:", "Bonjour {name},", "Hallo {name},"}},
    {"greeting", {"Hello,", "您好：", "您好：", "お客様へ", "Hola:", "Bonjour,", "Hallo,"}},
    {"rate_prompt",
     {"Your rating:", "您的评分：", "您的評分：", "評価：",
      "Tu valoración:", "Votre note :", "Ihre Bewertung:"}},
    {"star_link",
     {"{count, plural, one {# star} other {# stars}}", "{count} 星", "{count} 星", "星{count}つ",
      "{count, plural, one {# estrella} other {# estrellas}}",
      "{count, plural, one {# étoile} other {# étoiles}}",
      "{count, plural, one {# Stern} other {# Sterne}}"}},
    {"honest_note",
     {"Every honest review is welcome, positive or negative.",
      "无论好评差评，我们都欢迎真实的评价。", "無論好評負評，我們都歡迎真實的評論。",
      "良い点も悪い点も、率直なレビューをお待ちしています。",
      "Toda reseña sincera es bienvenida, positiva o negativa.",
      "Tout avis sincère est le bienvenu, positif ou négatif.",
      "Jede ehrliche Bewertung ist willkommen, ob positiv oder negativ."}},
    {"footer_reason",
     {"You received this e-mail because you ordered from {store_name}.",
      "您收到此邮件是因为您曾在 {store_name} 下单。",
      "您收到此郵件是因為您曾在 {store_name} 下單。",
      "このメールは{store_name}でご注文いただいた方にお送りしています。",
      "Recibes este correo porque hiciste un pedido en {store_name}.",
      "Vous recevez cet e-mail parce que vous avez commandé chez {store_name}.",
      "Sie erhalten diese E-Mail, weil Sie bei {store_name} bestellt haben."}},
    {"unsubscribe_link",
     {"Unsubscribe from review requests", "退订评价邀请", "取消訂閱評論邀請",
      "レビュー依頼の配信を停止する", "Darse de baja de las solicitudes de reseña",
      "Se désabonner des demandes d’avis", "Bewertungsanfragen abbestellen"}},
    {"unsub_title",
     {"Review requests and questions from {store_name}", "{store_name} 的评价邀请和问题邀请",
      "{store_name} 的評論邀請與問題邀請", "{store_name}からのレビュー依頼と質問",
      "Solicitudes de reseñas y preguntas de {store_name}",
      "Demandes d’avis et questions de {store_name}",
      "Bewertungsanfragen und Fragen von {store_name}"}},
    {"unsub_question",
     {"Stop review requests and questions by e-mail to this address? {store_name} will not send "
      "them any more.",
      "停止向此地址发送评价邀请和问题邀请邮件吗？{store_name} 将不再发送。",
      "停止向此地址寄送評論邀請與問題邀請郵件嗎？{store_name} 將不再寄送。",
      "このアドレスへのレビュー依頼と質問のメールを停止しますか？{store_name}"
      "からは今後送信されません。",
      "¿Dejar de enviar solicitudes de reseñas y preguntas a esta dirección? {store_name} no "
      "enviará más.",
      "Ne plus envoyer de demandes d’avis ni de questions à cette adresse ? {store_name} n’en "
      "enverra plus.",
      "Keine Bewertungsanfragen und Fragen mehr an diese Adresse? {store_name} sendet dann keine "
      "mehr."}},
    {"unsub_button",
     {"Unsubscribe", "退订", "取消訂閱", "配信を停止する", "Darse de baja", "Se désabonner",
      "Abbestellen"}},
    {"unsub_done",
     {"Done: this address gets no more review requests or questions from {store_name}.",
      "已完成：此地址不会再收到 {store_name} 的评价邀请和问题邀请。",
      "已完成：此地址不會再收到 {store_name} 的評論邀請與問題邀請。",
      "完了しました。このアドレスには{store_name}からのレビュー依頼と質問は届きません。",
      "Listo: esta dirección ya no recibirá solicitudes de reseñas ni preguntas de {store_name}.",
      "C’est fait : cette adresse ne recevra plus de demandes d’avis ni de questions de "
      "{store_name}.",
      "Erledigt: Diese Adresse erhält keine Bewertungsanfragen und Fragen von {store_name} mehr."}},
    {"unsub_invalid",
     {"This unsubscribe link is not valid. Please use the link in the e-mail you received.",
      "此退订链接无效。请使用您收到的邮件中的链接。",
      "此取消訂閱連結無效。請使用您收到的郵件中的連結。",
      "この配信停止リンクは無効です。受信したメールのリンクをご利用ください。",
      "Este enlace de baja no es válido. Usa el enlace del correo que recibiste.",
      "Ce lien de désabonnement n’est pas valide. Utilisez le lien de l’e-mail reçu.",
      "Dieser Abmeldelink ist ungültig. Bitte verwenden Sie den Link aus der erhaltenen E-Mail."}},
    {"link_invalid",
     {"This review link is not valid or has expired.", "此评价链接无效或已过期。",
      "此評論連結無效或已過期。", "このレビューリンクは無効か、有効期限が切れています。",
      "Este enlace de reseña no es válido o ha caducado.",
      "Ce lien d’avis n’est pas valide ou a expiré.",
      "Dieser Bewertungslink ist ungültig oder abgelaufen."}},
    // ---- the answer invitation (invite_mail.hpp): no rating, no reward ----
    {"invite_subject",
     {"A shopper has a question about {product}", "有顾客对 {product} 有疑问",
      "有顧客對 {product} 有疑問", "{product}についてお客様から質問が届いています",
      "Un comprador tiene una pregunta sobre {product}", "Un client a une question sur {product}",
      "Ein Kunde hat eine Frage zu {product}"}},
    {"invite_intro",
     {"Another shopper asked a question about {product}, which you bought from {store_name}. "
      "If you have a minute, your experience could help them.",
      "另一位顾客对您在 {store_name} 购买的 {product} "
      "提出了问题。如果您有空，您的使用体验也许能帮到他们。",
      "另一位顧客對您在 {store_name} 購買的 {product} "
      "提出了問題。如果您有空，您的使用經驗或許能幫上忙。",
      "{store_name}でお買い上げいただいた{product}について、ほかのお客様から質問が届きました。"
      "お時間があれば、ご経験をお聞かせください。",
      "Otro comprador ha hecho una pregunta sobre {product}, que compraste en {store_name}. Si "
      "tienes un minuto, tu experiencia puede ayudarle.",
      "Un autre client a posé une question sur {product}, que vous avez acheté chez "
      "{store_name}. Si vous avez une minute, votre expérience pourrait l’aider.",
      "Ein anderer Kunde hat eine Frage zu {product} gestellt, das Sie bei {store_name} gekauft "
      "haben. Wenn Sie eine Minute haben, kann Ihre Erfahrung helfen."}},
    {"invite_question",
     {"The question:", "问题：", "問題：", "質問：",
      "La pregunta:", "La question :", "Die Frage:"}},
    {"invite_button",
     {"Answer this question", "回答这个问题", "回答這個問題", "この質問に回答する",
      "Responder a esta pregunta", "Répondre à cette question", "Diese Frage beantworten"}},
    {"invite_note",
     {"Please answer in your own words, whatever your experience was. Answers sent through this "
      "link show the “Verified buyer” badge.",
      "无论您的体验如何，请用自己的话回答。通过此链接提交的回答会显示“已验证买家”标识。",
      "無論您的體驗如何，請用自己的話回答。透過此連結提交的回答會顯示「已驗證買家」標誌。",
      "ご経験がどのようなものであっても、ご自身の言葉でお答えください。このリンクからの回答には"
      "「購入者確認済み」のバッジが表示されます。",
      "Responde con tus propias palabras, sea cual sea tu experiencia. Las respuestas enviadas "
      "desde este enlace muestran la insignia «Comprador verificado».",
      "Répondez avec vos propres mots, quelle qu’ait été votre expérience. Les réponses "
      "envoyées par ce lien portent le badge « Acheteur vérifié ».",
      "Antworten Sie in Ihren eigenen Worten, wie auch immer Ihre Erfahrung war. Antworten über "
      "diesen Link tragen das Abzeichen „Verifizierter Käufer“."}},
    {"invite_footer",
     {"You received this e-mail because you bought {product} from {store_name}.",
      "您收到此邮件是因为您曾在 {store_name} 购买 {product}。",
      "您收到此郵件是因為您曾在 {store_name} 購買 {product}。",
      "このメールは{store_name}で{product}をお買い上げいただいた方にお送りしています。",
      "Recibes este correo porque compraste {product} en {store_name}.",
      "Vous recevez cet e-mail parce que vous avez acheté {product} chez {store_name}.",
      "Sie erhalten diese E-Mail, weil Sie {product} bei {store_name} gekauft haben."}},
    {"invite_unsubscribe",
     {"Unsubscribe from review requests and questions", "退订评价邀请和问题邀请",
      "取消訂閱評論邀請與問題邀請", "レビュー依頼と質問の配信を停止する",
      "Darse de baja de las solicitudes de reseñas y preguntas",
      "Se désabonner des demandes d’avis et des questions",
      "Bewertungsanfragen und Fragen abbestellen"}},
};

}  // namespace

std::string mail_text(std::string_view key, const i18n::Params& params, i18n::Locale locale) {
  const std::string_view pattern =
      i18n::lookup(kMailMessages, sizeof kMailMessages / sizeof kMailMessages[0], key, locale);
  return i18n::format(pattern, params, locale);
}

MailTemplate default_template(MailKind kind, i18n::Locale locale) {
  const bool reminder = kind == MailKind::Reminder;
  const std::size_t size = sizeof kMailMessages / sizeof kMailMessages[0];
  return MailTemplate{
      std::string(i18n::lookup(kMailMessages, size,
                               reminder ? "subject_reminder" : "subject_request", locale)),
      std::string(i18n::lookup(kMailMessages, size, reminder ? "intro_reminder" : "intro_request",
                               locale))};
}

}  // namespace vouch::request_mail
