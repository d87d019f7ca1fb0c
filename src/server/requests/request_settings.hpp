#pragma once
// The "requests" member of the server's configuration (docs/review-requests.md):
// when review requests go out after an order, how many reminders follow, and
// the caps that hold whatever the orders say. Parsed with clear errors like the
// rest of the config; unknown members are errors.

#include <cstdint>
#include <string>

#include "vouch/status.hpp"

namespace vouch::server::requests {

struct RequestSettings {
  bool enabled = true;          // false: orders are stored, no mail is scheduled
  int delay_days = 7;           // the request goes out this long after fulfilment
  int reminders = 1;            // reminders for products not reviewed yet (0..3)
  int reminder_after_days = 5;  // each reminder this long after the previous mail
  int cap_per_30_days = 2;      // mails to one address in any 30 days, all orders together
  int max_age_days = 60;        // no mail for an order fulfilled longer ago than this
  int link_days = 60;           // the star links' signed tokens stay valid this long
  std::string owner_email;      // where the console's test-send goes ("" = test-send refused)
};

// Reads `object` (the JSON text of the "requests" member) into `out`. Errors
// name the member: "requests.delay_days: expected an integer 0..365".
Status parse_request_settings(std::string_view json_text, RequestSettings& out);

}  // namespace vouch::server::requests
