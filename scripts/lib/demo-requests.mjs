// The demo store's review-request settings (docs/review-requests.md): the mail
// goes out as soon as an order is posted (delay 0 days: the owner tries the
// whole path at once from the console's Review requests page), the cap is the
// highest allowed so repeated test orders to one address still get their
// mail, and the console's test-send goes to the demo owner's address (the
// loopback mailbox accepts any address).
export const demoRequests = {
  enabled: true,
  delay_days: 0,
  reminders: 1,
  reminder_after_days: 5,
  cap_per_30_days: 20,
  owner_email: 'owner@fern-and-thread.example',
};
