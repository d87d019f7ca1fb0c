// The report picker: a shopper says why a review should be checked before
// anything is sent (no reason is preselected, nothing goes out on the first
// click). Rendered by the form module when a card's "Report" is pressed; the
// shim (web/src/report.js) sends the chosen reason and shows data-sent or
// data-failed in its place.
#include "render_util.hpp"
#include "vouch/render.hpp"

namespace vouch::render {

std::string report_picker(const Options& options) {
  const i18n::Locale locale = options.locale;
  auto id = [&](std::string& out, std::string_view suffix) {
    append_escaped(out, options.id_prefix);
    out += "-report-";
    out += suffix;
  };
  std::string out = "<form class=\"v-report\"";
  append_hook(out, dom::hook::kReportForm);
  out += " novalidate";
  open_hook(out, dom::hook::kSent);
  append_escaped(out, form_ui("report_sent", {}, locale));
  out += '"';
  open_hook(out, dom::hook::kFailed);
  append_escaped(out, form_ui("report_failed", {}, locale));
  out += '"';
  open_hook(out, dom::hook::kRequired);
  append_escaped(out, form_ui("report_required", {}, locale));
  out += "\"><label for=\"";
  id(out, "reason");
  out += "\">";
  append_escaped(out, form_ui("report_heading", {}, locale));
  out += "</label><select";
  append_field_name(out, dom::field::kReason);
  out += " id=\"";
  id(out, "reason");
  out += "\" aria-describedby=\"";
  id(out, "error");
  out += "\"><option value=\"\">";
  append_escaped(out, form_ui("report_choose", {}, locale));
  out += "</option>";
  for (std::string_view reason : kReportReasons) {
    out += "<option value=\"";
    out += reason;
    out += "\">";
    append_escaped(out, form_ui("reason_" + std::string(reason), {}, locale));
    out += "</option>";
  }
  out += "</select><p class=\"v-error\" id=\"";
  id(out, "error");
  out += '"';
  append_hook(out, dom::hook::kReportError);
  out += "></p><div class=\"v-form-actions\"><button type=\"submit\" class=\"v-small\">";
  append_escaped(out, form_ui("report_send", {}, locale));
  out += "</button> <button type=\"button\" class=\"v-link\"";
  append_action(out, dom::action::kReportCancel);
  out += ">";
  append_escaped(out, ui("cancel", {}, locale));
  out += "</button></div></form>";
  return out;
}

}  // namespace vouch::render
