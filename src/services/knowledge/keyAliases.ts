/**
 * Keys of the former built-in knowledge entries that dialogs or menus still point at, and the
 * content-pack id that answers the same question now. KnowledgeBase.entry() resolves them, so a
 * dialog or a stored menu option keeps working when the pack names an entry differently.
 */
export const KEY_ALIASES: Readonly<Record<string, string>> = {
  'billing.invoice-items': 'billing.invoice-explained',
  'billing.due-date': 'billing.debit-date',
  'billing.direct-debit': 'billing.direct-debit-setup',
  'general.opening-hours': 'general.hotline',
  'general.contract-term': 'contract.minimum-term',
  'general.cancellation': 'contract.cancel',
  'general.delivery-status': 'device.order-status',
  'general.documents': 'contract.documents',
};
