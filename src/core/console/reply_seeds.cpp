// Seed reply templates: 4 situations x 7 UI locales. Plain text; every one
// parses, and a test renders each and runs the pre-publish check on it (no
// personal data, never a request to change the review: 16 CFR 465).

#include "vouch/reply_template.hpp"

namespace vouch::reply {

namespace {

struct SeedRow {
  const char* locale;
  SeedKind kind;
  const char* name;
  const char* body;
};

// clang-format off
constexpr SeedRow kSeeds[] = {
  // ---- en
  {"en", SeedKind::ThanksPositive, "Thanks for a positive review",
   "Hi {reviewer_name}, thank you for taking the time to review {product_name}! We are glad it works for you, and the whole {store_name} team appreciates your kind words."},
  {"en", SeedKind::ApologyNegative, "Apology, solution and contact",
   "Hi {reviewer_name}, we are sorry that {product_name} did not meet your expectations. We would like to make this right: we can offer a replacement or a full refund. Please reply to the confirmation e-mail of your order so our support team can contact you directly. The {store_name} team"},
  {"en", SeedKind::LogisticsDelay, "Delivery delay",
   "Hi {reviewer_name}, we apologise that your order {order_id} arrived later than promised. We have raised the delay with our carrier and are reviewing how we ship to your area. If anything is still missing, please reply to your order confirmation and we will sort it out. The {store_name} team"},
  {"en", SeedKind::Defect, "Defective item",
   "Hi {reviewer_name}, we are sorry that your {product_name} was defective. That is not the quality we stand for. We will send a replacement or refund order {order_id} in full, whichever you prefer; our support team will contact you about it. The {store_name} team"},
  // ---- zh-CN
  {"zh-CN", SeedKind::ThanksPositive, "感谢好评",
   "{reviewer_name}您好，感谢您抽空评价{product_name}！很高兴它让您满意，{store_name}全体同仁感谢您的支持。"},
  {"zh-CN", SeedKind::ApologyNegative, "致歉、解决方案与联系方式",
   "{reviewer_name}您好，很抱歉{product_name}没有达到您的期望。我们希望弥补：可以为您换货或全额退款。请回复您的订单确认邮件，我们的客服会直接与您联系。{store_name}团队"},
  {"zh-CN", SeedKind::LogisticsDelay, "物流延误",
   "{reviewer_name}您好，很抱歉您的订单{order_id}比承诺的时间晚到。我们已向快递公司反映此次延误，并在改进发往您所在地区的配送。如仍有未收到的商品，请回复订单确认邮件，我们会尽快处理。{store_name}团队"},
  {"zh-CN", SeedKind::Defect, "商品质量问题",
   "{reviewer_name}您好，很抱歉您收到的{product_name}有质量问题，这不是我们应有的品质。我们可以为订单{order_id}补发新品或全额退款，由您选择；客服会与您联系。{store_name}团队"},
  // ---- zh-TW
  {"zh-TW", SeedKind::ThanksPositive, "感謝好評",
   "{reviewer_name}您好，感謝您撥冗評價{product_name}！很高興它讓您滿意，{store_name}全體同仁感謝您的支持。"},
  {"zh-TW", SeedKind::ApologyNegative, "致歉、解決方案與聯絡方式",
   "{reviewer_name}您好，很抱歉{product_name}沒有達到您的期望。我們希望彌補：可以為您換貨或全額退款。請回覆您的訂單確認郵件，我們的客服會直接與您聯絡。{store_name}團隊"},
  {"zh-TW", SeedKind::LogisticsDelay, "物流延誤",
   "{reviewer_name}您好，很抱歉您的訂單{order_id}比承諾的時間晚到。我們已向物流公司反映此次延誤，並在改善寄往您所在地區的配送。如仍有未收到的商品，請回覆訂單確認郵件，我們會盡快處理。{store_name}團隊"},
  {"zh-TW", SeedKind::Defect, "商品品質問題",
   "{reviewer_name}您好，很抱歉您收到的{product_name}有品質問題，這不是我們應有的水準。我們可以為訂單{order_id}補寄新品或全額退款，由您選擇；客服會與您聯絡。{store_name}團隊"},
  // ---- ja
  {"ja", SeedKind::ThanksPositive, "高評価へのお礼",
   "{reviewer_name}様、{product_name}のご感想をお寄せいただきありがとうございます。お気に召していただけて嬉しく思います。{store_name}一同、心より感謝申し上げます。"},
  {"ja", SeedKind::ApologyNegative, "お詫び・解決策・ご連絡先",
   "{reviewer_name}様、{product_name}がご期待に沿えず申し訳ございません。交換または全額返金にて対応させていただきます。ご注文確認メールにご返信いただければ、担当者より直接ご連絡いたします。{store_name}"},
  {"ja", SeedKind::LogisticsDelay, "配送の遅れ",
   "{reviewer_name}様、ご注文{order_id}のお届けが予定より遅れ、誠に申し訳ございません。配送業者に遅延を報告し、お客様の地域への配送方法を見直しております。未着の商品がございましたら、ご注文確認メールにご返信ください。{store_name}"},
  {"ja", SeedKind::Defect, "不良品",
   "{reviewer_name}様、お届けした{product_name}に不具合があり、誠に申し訳ございません。ご注文{order_id}について、交換品の発送または全額返金のいずれかご希望の方法で対応いたします。担当者よりご連絡いたします。{store_name}"},
  // ---- es
  {"es", SeedKind::ThanksPositive, "Gracias por una opinión positiva",
   "Hola {reviewer_name}: ¡gracias por dedicar tiempo a opinar sobre {product_name}! Nos alegra que te guste, y todo el equipo de {store_name} agradece tus palabras."},
  {"es", SeedKind::ApologyNegative, "Disculpa, solución y contacto",
   "Hola {reviewer_name}: sentimos que {product_name} no haya cumplido tus expectativas. Queremos solucionarlo: podemos ofrecerte un cambio o el reembolso completo. Responde al correo de confirmación de tu pedido y nuestro equipo de atención se pondrá en contacto contigo. El equipo de {store_name}"},
  {"es", SeedKind::LogisticsDelay, "Retraso en la entrega",
   "Hola {reviewer_name}: lamentamos que tu pedido {order_id} llegara más tarde de lo prometido. Hemos comunicado el retraso a la empresa de transporte y estamos revisando los envíos a tu zona. Si aún te falta algo, responde a la confirmación de tu pedido y lo resolveremos. El equipo de {store_name}"},
  {"es", SeedKind::Defect, "Artículo defectuoso",
   "Hola {reviewer_name}: sentimos que tu {product_name} llegara defectuoso. No es la calidad que defendemos. Te enviaremos un repuesto o te reembolsaremos el pedido {order_id} por completo, como prefieras; nuestro equipo de atención te contactará. El equipo de {store_name}"},
  // ---- fr
  {"fr", SeedKind::ThanksPositive, "Merci pour un avis positif",
   "Bonjour {reviewer_name}, merci d'avoir pris le temps de donner votre avis sur {product_name} ! Nous sommes ravis qu'il vous plaise, et toute l'équipe {store_name} vous remercie."},
  {"fr", SeedKind::ApologyNegative, "Excuses, solution et contact",
   "Bonjour {reviewer_name}, nous sommes désolés que {product_name} n'ait pas répondu à vos attentes. Nous souhaitons arranger cela : nous pouvons vous proposer un échange ou un remboursement intégral. Répondez à l'e-mail de confirmation de votre commande et notre service client vous contactera directement. L'équipe {store_name}"},
  {"fr", SeedKind::LogisticsDelay, "Retard de livraison",
   "Bonjour {reviewer_name}, nous sommes désolés que votre commande {order_id} soit arrivée plus tard que prévu. Nous avons signalé ce retard au transporteur et revoyons nos expéditions vers votre région. S'il vous manque encore quelque chose, répondez à la confirmation de commande et nous nous en occupons. L'équipe {store_name}"},
  {"fr", SeedKind::Defect, "Article défectueux",
   "Bonjour {reviewer_name}, nous sommes désolés que votre {product_name} soit défectueux. Ce n'est pas la qualité que nous défendons. Nous vous enverrons un article de remplacement ou rembourserons intégralement la commande {order_id}, selon votre préférence ; notre service client vous contactera. L'équipe {store_name}"},
  // ---- de
  {"de", SeedKind::ThanksPositive, "Dank für eine positive Bewertung",
   "Hallo {reviewer_name}, vielen Dank, dass Sie sich die Zeit genommen haben, {product_name} zu bewerten! Wir freuen uns, dass es Ihnen gefällt, und das ganze Team von {store_name} dankt Ihnen."},
  {"de", SeedKind::ApologyNegative, "Entschuldigung, Lösung und Kontakt",
   "Hallo {reviewer_name}, es tut uns leid, dass {product_name} Ihre Erwartungen nicht erfüllt hat. Wir möchten das wiedergutmachen: Wir bieten Ihnen einen Umtausch oder die volle Erstattung an. Antworten Sie einfach auf die Bestellbestätigung, dann meldet sich unser Kundenservice direkt bei Ihnen. Ihr Team von {store_name}"},
  {"de", SeedKind::LogisticsDelay, "Lieferverzögerung",
   "Hallo {reviewer_name}, es tut uns leid, dass Ihre Bestellung {order_id} später als zugesagt ankam. Wir haben die Verzögerung beim Versanddienstleister gemeldet und prüfen den Versand in Ihre Region. Falls noch etwas fehlt, antworten Sie auf die Bestellbestätigung und wir kümmern uns darum. Ihr Team von {store_name}"},
  {"de", SeedKind::Defect, "Defekter Artikel",
   "Hallo {reviewer_name}, es tut uns leid, dass Ihr {product_name} defekt war. Das entspricht nicht unserem Qualitätsanspruch. Wir senden Ihnen Ersatz oder erstatten die Bestellung {order_id} vollständig, ganz wie Sie möchten; unser Kundenservice meldet sich bei Ihnen. Ihr Team von {store_name}"},
};
// clang-format on

std::vector<std::string> tags_of(SeedKind kind) {
  switch (kind) {
    case SeedKind::ThanksPositive:
      return {};
    case SeedKind::ApologyNegative:
      return {"service", "quality"};
    case SeedKind::LogisticsDelay:
      return {"logistics"};
    case SeedKind::Defect:
      return {"quality"};
  }
  return {};
}

}  // namespace

const char* seed_kind_name(SeedKind kind) {
  switch (kind) {
    case SeedKind::ThanksPositive:
      return "thanks_positive";
    case SeedKind::ApologyNegative:
      return "apology_negative";
    case SeedKind::LogisticsDelay:
      return "logistics_delay";
    case SeedKind::Defect:
      return "defect";
  }
  return "unknown";
}

const std::vector<SeedTemplate>& seed_templates() {
  static const std::vector<SeedTemplate> seeds = [] {
    std::vector<SeedTemplate> list;
    for (const SeedRow& row : kSeeds) {
      SeedTemplate seed;
      seed.locale = row.locale;
      seed.kind = row.kind;
      seed.id = std::string(row.locale) + "." + seed_kind_name(row.kind);
      seed.name = row.name;
      seed.tags = tags_of(row.kind);
      seed.body = row.body;
      list.push_back(std::move(seed));
    }
    return list;
  }();
  return seeds;
}

}  // namespace vouch::reply
