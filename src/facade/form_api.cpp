#include "form_api.hpp"

#include "vouch/policy.hpp"
#include "vouch/snapshot.hpp"

namespace vouch::facade {

WidgetRender render_form(const std::string& policy_json, const std::string& locale,
                         const std::string& id_prefix) {
  Policy policy = default_policy();
  if (!policy_json.empty()) {
    auto parsed = parse_policy(policy_json);
    if (!parsed) return render_failure("invalid_policy", parsed.error().to_string());
    policy = std::move(parsed.value());
  }
  WidgetRender answer;
  answer.html = render::review_form(policy, make_render_options(locale, id_prefix));
  return answer;
}

std::string render_report_picker(const std::string& locale, const std::string& id_prefix) {
  return render::report_picker(make_render_options(locale, id_prefix));
}

StoreStatus SnapshotConverter::convert(std::uintptr_t pointer, std::size_t length) {
  if (pointer == 0 && length != 0) {
    return StoreStatus{false, "invalid_argument", "convert: null pointer"};
  }
  return convert_bytes(std::string_view(reinterpret_cast<const char*>(pointer), length));
}

StoreStatus SnapshotConverter::convert_bytes(std::string_view json) {
  binary_.clear();
  auto loaded = Snapshot::from_json(json);
  if (!loaded.ok()) return json_load_failure(loaded.error());
  binary_ = loaded.value().to_binary();
  return StoreStatus{};
}

}  // namespace vouch::facade
