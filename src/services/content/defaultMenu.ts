import type { Menu } from './types';

/**
 * The shipped phone menu and the sub-menus of the request dialogs. Labels stay within 24
 * characters, because a menu of more than three options becomes a WhatsApp list whose row titles
 * are cut there. In a sub-menu, digits mean that sub-menu's options only. A sub-menu option whose
 * target is its own dialog starts that dialog's own path, named by the option id
 * ("technical-internet": the internet troubleshooting, "billing-dispute": the dispute form).
 */
export const DEFAULT_MENUS: Record<string, Menu> = {
  main: {
    id: 'main',
    options: [
      {
        id: 'billing',
        digit: '1',
        label: { de: 'Rechnungen', en: 'Invoices' },
        target: { kind: 'dialog', dialog: 'billing' },
      },
      {
        id: 'technical',
        digit: '2',
        label: { de: 'Technik', en: 'Technical help' },
        target: { kind: 'dialog', dialog: 'technical' },
      },
      {
        id: 'general',
        digit: '3',
        label: { de: 'Allgemeine Anfragen', en: 'General questions' },
        target: { kind: 'dialog', dialog: 'general' },
      },
      {
        id: 'lost_or_stolen',
        digit: '4',
        label: { de: 'Karte oder Handy sperren', en: 'Block card or phone' },
        target: { kind: 'dialog', dialog: 'lost_or_stolen' },
      },
      {
        id: 'data_change',
        digit: '5',
        label: { de: 'Persönliche Daten ändern', en: 'Change personal data' },
        target: { kind: 'dialog', dialog: 'data_change' },
      },
      {
        id: 'complaint',
        digit: '6',
        label: { de: 'Beschwerde', en: 'Complaint' },
        target: { kind: 'dialog', dialog: 'complaint' },
      },
      {
        id: 'human',
        digit: '0',
        label: { de: 'Mitarbeiter', en: 'Speak to a person' },
        target: { kind: 'dialog', dialog: 'human' },
      },
    ],
  },
  billing: {
    id: 'billing',
    options: [
      {
        id: 'billing-items',
        digit: '1',
        label: { de: 'Rechnungsposten', en: 'Invoice items' },
        target: { kind: 'faq', faqId: 'billing.invoice-explained' },
      },
      {
        id: 'billing-payment',
        digit: '2',
        label: { de: 'Zahlung und Fälligkeit', en: 'Payment and due date' },
        target: { kind: 'faq', faqId: 'billing.payment-methods' },
      },
      {
        id: 'billing-direct-debit',
        digit: '3',
        label: { de: 'Lastschrift', en: 'Direct debit' },
        target: { kind: 'faq', faqId: 'billing.direct-debit-setup' },
      },
      {
        id: 'billing-dispute',
        digit: '4',
        label: { de: 'Betrag beanstanden', en: 'Dispute an amount' },
        target: { kind: 'dialog', dialog: 'billing' },
      },
    ],
  },
  technical: {
    id: 'technical',
    options: [
      {
        id: 'technical-internet',
        digit: '1',
        label: { de: 'Kein Internet / WLAN', en: 'No internet / Wi-Fi' },
        target: { kind: 'dialog', dialog: 'technical' },
      },
      {
        id: 'technical-phone',
        digit: '2',
        label: { de: 'Handy oder SIM', en: 'Phone or SIM' },
        target: { kind: 'dialog', dialog: 'technical' },
      },
      {
        id: 'technical-device',
        digit: '3',
        label: { de: 'Gerät defekt', en: 'Device broken' },
        target: { kind: 'dialog', dialog: 'technical' },
      },
      {
        id: 'technical-app',
        digit: '4',
        label: { de: 'Problem mit der App', en: 'Problem with the app' },
        target: { kind: 'dialog', dialog: 'technical' },
      },
    ],
  },
  general: {
    id: 'general',
    options: [
      {
        id: 'general-hours',
        digit: '1',
        label: { de: 'Servicezeiten', en: 'Service hours' },
        target: { kind: 'faq', faqId: 'general.opening-hours' },
      },
      {
        id: 'general-contract',
        digit: '2',
        label: { de: 'Vertrag und Kündigung', en: 'Contract and notice' },
        target: { kind: 'faq', faqId: 'general.contract-term' },
      },
      {
        id: 'general-delivery',
        digit: '3',
        label: { de: 'Lieferstatus', en: 'Delivery status' },
        target: { kind: 'faq', faqId: 'general.delivery-status' },
      },
      {
        id: 'general-documents',
        digit: '4',
        label: { de: 'Unterlagen', en: 'Documents' },
        target: { kind: 'faq', faqId: 'general.documents' },
      },
    ],
  },
  data_change: {
    id: 'data_change',
    options: [
      {
        id: 'data_change-address',
        digit: '1',
        label: { de: 'Adresse', en: 'Address' },
        target: { kind: 'dialog', dialog: 'data_change' },
      },
      {
        id: 'data_change-name',
        digit: '2',
        label: { de: 'Name', en: 'Name' },
        target: { kind: 'dialog', dialog: 'data_change' },
      },
      {
        id: 'data_change-bank',
        digit: '3',
        label: { de: 'Bankverbindung', en: 'Bank details' },
        target: { kind: 'dialog', dialog: 'data_change' },
      },
      {
        id: 'data_change-email',
        digit: '4',
        label: { de: 'E-Mail-Adresse', en: 'E-mail address' },
        target: { kind: 'dialog', dialog: 'data_change' },
      },
      {
        id: 'data_change-phone',
        digit: '5',
        label: { de: 'Telefonnummer', en: 'Phone number' },
        target: { kind: 'dialog', dialog: 'data_change' },
      },
    ],
  },
};
