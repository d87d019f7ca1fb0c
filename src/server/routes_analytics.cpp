// GET /api/v1/admin/analytics (issue 16): maps the query parameters to the
// analytics use case (analytics/analytics_report.*) and sends its cached JSON.

#include "admin_route.hpp"
#include "analytics/analytics_report.hpp"
#include "http_util.hpp"
#include "routes.hpp"
#include "routes_problem.hpp"

namespace vouch::server {

namespace {

std::optional<std::string> param(const httplib::Request& req, const char* name) {
  if (!req.has_param(name)) return std::nullopt;
  return req.get_param_value(name);
}

void analytics_route(App& app, const Actor&, const httplib::Request& req, httplib::Response& res) {
  analytics::ReportParams params;
  params.from = param(req, "from");
  params.to = param(req, "to");
  params.product = param(req, "product");
  params.period = param(req, "period");
  app::Outcome<std::shared_ptr<const std::string>> report =
      analytics::analytics_report(app, params);
  if (!report) return send_problem(res, report.problem(), "en");
  res.status = 200;
  res.set_content(*report.value(), kJsonType);
}

}  // namespace

void register_analytics_routes(Router& server, App& app) {
  server.Get("/api/v1/admin/analytics", admin_route(app, Permission::Read, analytics_route));
}

}  // namespace vouch::server
