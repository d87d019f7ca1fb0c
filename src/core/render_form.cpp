// The write-a-review form and the photo lightbox shell. The form is plain
// HTML that works with the shim's delegation: every field has a label, an
// error slot referenced by aria-describedby, and the whole form an aria-live
// error summary. Messages in the slots come from the validator (same code as
// the server), so the shim only copies text.
#include "render_util.hpp"
#include "vouch/render.hpp"

namespace vouch::render {

namespace {

struct FormWriter {
  std::string& out;
  const Options& options;

  void ui_text(std::string_view key, const i18n::Params& params = {}) {
    append_escaped(out, ui(key, params, options.locale));
  }
  void id(std::string_view suffix) {
    append_escaped(out, options.id_prefix);
    out += '-';
    append_escaped(out, suffix);
  }
  // <p class="v-error" id="P-err-FIELD" data-error-for="FIELD"></p>
  void error_slot(std::string_view field) {
    out += "<p class=\"v-error\" id=\"";
    id("err-" + std::string(field));
    out += '"';
    open_hook(out, dom::hook::kErrorFor);
    append_escaped(out, field);
    out += "\"></p>";
  }
  void described_by(std::string_view field, std::string_view extra = {}) {
    out += " aria-describedby=\"";
    id("err-" + std::string(field));
    if (!extra.empty()) {
      out += ' ';
      id(extra);
    }
    out += "\"";
  }
  // A 1..5 star radio group: real radios (arrow keys move, Space selects),
  // named `name`, the validator's path ("rating", "aspects.fit").
  void star_radios(std::string_view name, bool required) {
    out += "<span class=\"v-star-input\">";
    // 1..5 in DOM order, so arrow keys move the way the stars read; CSS fills
    // the stars up to the checked one with label:has(~ input:checked).
    for (int value = 1; value <= 5; ++value) {
      const std::string input_id = std::string(name) + "-" + number_text(value);
      out += "<input type=\"radio\" name=\"";
      append_escaped(out, name);  // an aspect's name comes from the store's policy
      out += "\" value=\"";
      append_number(out, value);
      out += "\" id=\"";
      id(input_id);
      out += "\"";
      if (required && value == 1) out += " required";
      described_by(name);
      out += "><label for=\"";
      id(input_id);
      out += "\"><span aria-hidden=\"true\">\xE2\x98\x85</span><span class=\"v-sr\">";
      ui_text("star_option", {{"count", number_text(value)}});
      out += "</span></label>";
    }
    out += "</span>";
  }
  void text_field(std::string_view name, std::string_view label_key, std::string_view type,
                  std::string_view autocomplete, bool required,
                  const i18n::Params& label_params = {}) {
    out += "<div class=\"v-field\"><label for=\"";
    id(name);
    out += "\">";
    ui_text(label_key, label_params);
    out += "</label><input type=\"";
    out += type;
    out += "\" id=\"";
    id(name);
    out += '"';
    append_field_name(out, name);
    if (!autocomplete.empty()) {
      out += " autocomplete=\"";
      out += autocomplete;
      out += "\"";
    }
    if (required) out += " aria-required=\"true\"";
    described_by(name);
    out += ">";
    error_slot(name);
    out += "</div>";
  }
};

}  // namespace

std::string review_form(const Policy& policy, const Options& options) {
  std::string out;
  out.reserve(6000);
  FormWriter w{out, options};
  out += "<form class=\"v-form\" id=\"";
  w.id("form");
  out += '"';
  append_action(out, dom::action::kSubmit);
  out += " novalidate hidden aria-labelledby=\"";
  w.id("form-heading");
  out += "\"><h3 id=\"";
  w.id("form-heading");
  out += "\">";
  w.ui_text("write_review");
  // Announced when a submit fails: "Please correct 2 fields." (filled by the shim).
  out += "</h3><div class=\"v-form-errors\" role=\"alert\"";
  append_hook(out, dom::hook::kFormErrors);
  out += "></div>";

  out += "<fieldset class=\"v-fieldset\"";
  w.described_by(dom::field::kRating);
  out += "><legend>";
  w.ui_text("rating_legend");
  out += "</legend>";
  w.star_radios(dom::field::kRating, true);
  w.error_slot(dom::field::kRating);
  out += "</fieldset>";

  w.text_field(dom::field::kTitle, "field_title", "text", "off", policy.title.required);

  // Body: a textarea with a live grapheme count. The count pattern keeps
  // {count} for the shim to fill in (i18n::format leaves unknown names as written).
  out += "<div class=\"v-field\"><label for=\"";
  w.id(dom::field::kBody);
  out += "\">";
  w.ui_text("field_body");
  out += "</label><textarea id=\"";
  w.id(dom::field::kBody);
  out += '"';
  append_field_name(out, dom::field::kBody);
  out += " rows=\"6\" aria-required=\"true\"";
  w.described_by(dom::field::kBody, "count-body");
  out += "></textarea><p class=\"v-hint\" id=\"";
  w.id("count-body");
  out += '"';
  open_hook(out, dom::hook::kCountFor);
  out += dom::field::kBody;
  out += '"';
  open_hook(out, dom::hook::kTemplate);
  append_escaped(out,
                 ui("char_count",
                    {{"min", number_text(policy.body.min)}, {"max", number_text(policy.body.max)}},
                    options.locale));
  out += "\" aria-live=\"polite\">";
  w.ui_text("char_count", {{"count", "0"},
                           {"min", number_text(policy.body.min)},
                           {"max", number_text(policy.body.max)}});
  out += "</p>";
  w.error_slot(dom::field::kBody);
  out += "</div>";

  w.text_field(dom::field::kAuthor, "field_name", "text", "name", policy.author.required);
  w.text_field(dom::field::kEmail, "field_email", "email", "email", policy.email_required);

  if (!policy.aspects.empty()) {
    out += "<fieldset class=\"v-fieldset\"><legend>";
    w.ui_text("aspects_legend");
    out += "</legend>";
    for (const auto& aspect : policy.aspects) {
      const std::string field = std::string(dom::field::kAspectsPrefix) + aspect;
      out += "<fieldset class=\"v-aspect-input\"";
      w.described_by(field);
      out += "><legend>";
      append_escaped(out, aspect_label(aspect, options.locale));
      out += "</legend>";
      w.star_radios(field, false);
      w.error_slot(field);
      out += "</fieldset>";
    }
    out += "</fieldset>";
  }

  if (policy.photos.max_count > 0) {
    out += "<div class=\"v-field\"><label for=\"";
    w.id(dom::field::kPhotos);
    out += "\">";
    w.ui_text("field_photos", {{"max", number_text(policy.photos.max_count)}});
    out += "</label><input type=\"file\" id=\"";
    w.id(dom::field::kPhotos);
    out += '"';
    append_field_name(out, dom::field::kPhotos);
    out += " multiple accept=\"";
    for (std::size_t i = 0; i < policy.photos.types.size(); ++i) {
      if (i) out += ',';
      append_escaped(out, policy.photos.types[i]);
    }
    out += "\"";
    w.described_by(dom::field::kPhotos);
    out += ">";
    w.error_slot(dom::field::kPhotos);
    out += "</div>";
  }

  // Honeypot: off-screen, out of the tab order, labelled so a screen reader
  // user who lands on it knows to leave it empty.
  if (!policy.honeypot_field.empty()) {
    out += "<div class=\"v-hp\"><label for=\"";
    w.id("hp");
    out += "\">";
    w.ui_text("honeypot_label");
    out += "</label><input type=\"text\" id=\"";
    w.id("hp");
    out += "\" name=\"";
    append_escaped(out, policy.honeypot_field);
    out += "\" tabindex=\"-1\" autocomplete=\"off\"";
    append_hook(out, dom::hook::kHoneypot);
    out += "></div>";
  }

  // The box exists when the policy asks for consent: the validator (here and
  // on the server) then refuses a submission without "consent": true.
  if (policy.consent_required) {
    out += "<div class=\"v-field v-consent\"><input type=\"checkbox\" id=\"";
    w.id(dom::field::kConsent);
    out += '"';
    append_field_name(out, dom::field::kConsent);
    out += " aria-required=\"true\"";
    w.described_by(dom::field::kConsent);
    open_hook(out, dom::hook::kRequiredMessage);
    w.ui_text("consent_required");
    out += "\"><label for=\"";
    w.id(dom::field::kConsent);
    out += "\">";
    w.ui_text("consent");
    out += "</label>";
    w.error_slot(dom::field::kConsent);
    out += "</div>";
  }
  out += "<div class=\"v-form-actions\"><button type=\"submit\" class=\"v-primary\">";
  w.ui_text("submit");
  out += "</button> <button type=\"button\" class=\"v-small\"";
  append_action(out, dom::action::kCancel);
  out += ">";
  w.ui_text("cancel");
  out += "</button></div><p class=\"v-form-status\" role=\"status\" tabindex=\"-1\"";
  append_hook(out, dom::hook::kFormStatus);
  open_hook(out, dom::hook::kSent);
  // What the shopper reads after a 201 depends on the server's answer: held
  // for checking (data-sent) or on the page now (data-published).
  append_escaped(out, form_ui("submitted_pending", {}, options.locale));
  out += '"';
  open_hook(out, dom::hook::kPublished);
  append_escaped(out, form_ui("submitted_published", {}, options.locale));
  out += '"';
  open_hook(out, dom::hook::kFailed);
  w.ui_text("submit_failed");
  out += "\"></p></form>";
  return out;
}

std::string lightbox_shell(const Options& options) {
  std::string out;
  FormWriter w{out, options};
  out += "<div class=\"v-lightbox\" role=\"dialog\" aria-modal=\"true\" aria-label=\"";
  w.ui_text("lightbox_label");
  out += "\" hidden";
  append_hook(out, dom::hook::kLightbox);
  out += "><figure><img class=\"v-lightbox-img\" alt=\"\"";
  append_hook(out, dom::hook::kLightboxImg);
  out += "><figcaption";
  append_hook(out, dom::hook::kLightboxCaption);
  out +=
      "></figcaption></figure><div class=\"v-lightbox-nav\"><button type=\"button\" "
      "class=\"v-small\"";
  append_action(out, dom::action::kLightboxPrev);
  out += ">";
  w.ui_text("lightbox_prev");
  out += "</button><button type=\"button\" class=\"v-small\"";
  append_action(out, dom::action::kLightboxNext);
  out += ">";
  w.ui_text("lightbox_next");
  out += "</button><button type=\"button\" class=\"v-primary\"";
  append_action(out, dom::action::kLightboxClose);
  out += ">";
  w.ui_text("lightbox_close");
  out += "</button></div></div>";
  return out;
}

}  // namespace vouch::render
