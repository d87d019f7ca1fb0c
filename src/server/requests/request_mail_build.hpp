#pragma once
// The mail of one request row: the order's unreviewed products, the signed
// star links and unsubscribe link, the store's template in the customer's
// locale, rendered by the core (vouch/request_mail.hpp).

#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"
#include "requests/orders.hpp"
#include "vouch/request_mail.hpp"

namespace vouch::server::requests {

// Rendered for request `request_id` of `order_id` with these products.
vouch::request_mail::RenderedMail build_mail(App& app, vouch::request_mail::MailKind kind,
                                             std::int64_t request_id, const std::string& order_id,
                                             const std::string& customer_name,
                                             const std::string& locale,
                                             const std::vector<OrderItem>& products,
                                             std::int64_t now);

}  // namespace vouch::server::requests
