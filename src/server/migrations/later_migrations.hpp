#pragma once
// Migrations 6 and later, one file per area so that work on different areas
// never edits the same list entry. The order in migrations.cpp is the version:
// never reorder or edit a shipped one; append.

namespace vouch::server {

extern const char* const kMigration6OutboxWebhooks;     // m6_outbox_webhooks.cpp (issue 18)
extern const char* const kMigration7Questions;          // m7_questions.cpp (issue 17)
extern const char* const kMigration8ReviewRequests;     // m8_review_requests.cpp (issue 18)
extern const char* const kMigration9QuestionInvites;    // m9_question_invites.cpp (issue 17)
extern const char* const kMigration10RequestMailState;  // m10_request_mail_state.cpp (issue 18)

}  // namespace vouch::server
