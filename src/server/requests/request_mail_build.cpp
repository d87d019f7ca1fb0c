#include "requests/request_mail_build.hpp"

#include "requests/request_links.hpp"
#include "requests/request_templates.hpp"
#include "review_link.hpp"

namespace vouch::server::requests {

namespace rm = vouch::request_mail;

rm::RenderedMail build_mail(App& app, rm::MailKind kind, std::int64_t request_id,
                            const std::string& order_id, const std::string& customer_name,
                            const std::string& locale, const std::vector<OrderItem>& products,
                            std::int64_t now) {
  const Config& config = app.config;
  rm::MailInput input;
  input.kind = kind;
  input.locale = i18n::resolve_locale(locale);
  input.store_name = config.store_name;
  input.customer_name = customer_name;
  input.custom = stored_template(*app.db, kind, i18n::locale_tag(input.locale));
  const std::int64_t expires = now + static_cast<std::int64_t>(config.requests.link_days) * 86400;
  for (const OrderItem& item : products) {
    rm::ProductRow row;
    row.name = item.name;
    row.image_url = item.image;
    const std::string token =
        sign_review_link(ReviewLink{item.product_id, order_id, expires}, config.hmac_secret);
    for (int stars = 1; stars <= 5; ++stars)
      row.star_urls[static_cast<std::size_t>(stars - 1)] =
          star_link(config.public_url, request_id, item.product_id, stars, token);
    input.products.push_back(std::move(row));
  }
  input.unsubscribe_url =
      unsubscribe_link(config.public_url, sign_unsubscribe(request_id, config.hmac_secret));
  return rm::render_mail(input);
}

}  // namespace vouch::server::requests
