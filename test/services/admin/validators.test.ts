import { I18nService } from '../../../src/services/i18n/i18nService';
import { DEFAULT_MENUS } from '../../../src/services/content/defaultMenu';
import { validateMenus } from '../../../src/services/admin/validators/menu';
import { applySettingsEdit } from '../../../src/services/admin/validators/settings';
import { defaultSettings } from '../../../src/services/content/defaultSettings';
import { applyTranslationEdit } from '../../../src/services/admin/validators/translations';
import { requireFormalGerman } from '../../../src/services/admin/validators/textRules';
import { loadKnowledgePack } from '../../../src/services/knowledge/contentPack';
import { KEY_ALIASES } from '../../../src/services/knowledge/keyAliases';

const shippedDe = new I18nService('de').shippedResources('de');
// The shipped menus may point at entries of the shipped knowledge pack (active after seeding), also
// by a former key the knowledge base resolves, as FaqService.index() lists them.
const packIds = loadKnowledgePack().map((e) => e.id);
const shippedFaqs = new Map(
  [...packIds, ...Object.keys(KEY_ALIASES).filter((k) => packIds.includes(KEY_ALIASES[k]))].map((id) => [
    id,
    { active: true },
  ]),
);
const withEntry = (key: string, active: boolean) => new Map([...shippedFaqs, [key, { active }]]);

describe('admin validators', () => {
  it('accepts the shipped menu as it is', () => {
    expect(validateMenus(structuredClone(DEFAULT_MENUS), shippedFaqs)).toEqual(DEFAULT_MENUS);
  });

  it('refuses a main menu without the around-the-clock blocking option', () => {
    const menus = structuredClone(DEFAULT_MENUS);
    menus.main.options = menus.main.options.filter((o) => o.id !== 'lost_or_stolen');
    expect(() => validateMenus(menus, shippedFaqs)).toThrow(
      /^menus\.main\.options: must keep an option for the dialog "lost_or_stolen"/,
    );
  });

  it('refuses a digit used twice and a label too long for a WhatsApp list row', () => {
    const twice = structuredClone(DEFAULT_MENUS);
    twice.main.options[1].digit = '1';
    expect(() => validateMenus(twice, shippedFaqs)).toThrow(/^menus\.main\.options\[1\]\.digit: "1" is used twice/);
    const long = structuredClone(DEFAULT_MENUS);
    long.main.options[0].label.de = 'Rechnungen und Zahlungen aller Art';
    expect(() => validateMenus(long, shippedFaqs)).toThrow(
      /^menus\.main\.options\[0\]\.label\.de: must have at most 24 characters/,
    );
  });

  it('refuses a menu option pointing at an inactive entry', () => {
    const menus = structuredClone(DEFAULT_MENUS);
    menus.main.options.push({
      id: 'hours',
      digit: '7',
      label: { de: 'Servicezeiten', en: 'Hours' },
      target: { kind: 'faq', faqId: 'general.opening-hours' },
    });
    expect(() => validateMenus(menus, withEntry('general.opening-hours', false))).toThrow(
      /options\[7\]\.target\.faqId: points to the inactive/,
    );
    expect(validateMenus(menus, withEntry('general.opening-hours', true)).main.options).toHaveLength(8);
  });

  it('keeps {{placeholders}} and refuses new ones the code never passes', () => {
    const edit = (welcome: string) =>
      applyTranslationEdit('de', shippedDe, {}, { conversation: { greeting: { welcome } } });
    expect(edit('{{salutation}}, willkommen bei {{company}}! Hier ist {{bot}}.')).toEqual({
      conversation: { greeting: { welcome: '{{salutation}}, willkommen bei {{company}}! Hier ist {{bot}}.' } },
    });
    expect(() => edit('{{salutation}}, willkommen bei {{company}}!')).toThrow(
      'conversation.greeting.welcome: drops the placeholder {{bot}}',
    );
    expect(() => edit('{{salutation}} {{company}} {{bot}} {{customer}}')).toThrow(
      /uses the unknown placeholder \{\{customer\}\}/,
    );
  });

  it('refuses a text where a group of texts is, and a group where a text is', () => {
    expect(() => applyTranslationEdit('de', shippedDe, {}, { conversation: { greeting: 'Hallo' } })).toThrow(
      /^conversation\.greeting: is a group of texts/,
    );
    expect(() => applyTranslationEdit('de', shippedDe, {}, { conversation: { menu: { choose: ['a'] } } })).toThrow(
      /^conversation\.menu\.choose: must be a string/,
    );
  });

  it('finds informal German but not words that merely contain the letters', () => {
    expect(() => requireFormalGerman('Kannst du das prüfen?', 'x')).toThrow(/informal "du"/);
    expect(() => requireFormalGerman('Das ist Ihr Anliegen; eure Rechnung?', 'x')).toThrow(/informal "eure"/);
    expect(() => requireFormalGerman('Dein Vertrag', 'x')).toThrow(/informal "Dein"/);
    expect(() => requireFormalGerman('Bitte drücken Sie die Taste; Dirk dudelt dauernd.', 'x')).not.toThrow();
  });

  it('merges a partial settings edit and checks opening hours', () => {
    const base = defaultSettings({ companyName: 'Muster Telekom', botName: 'Lotse', timeZone: 'Europe/Berlin' });
    const next = applySettingsEdit(base, { businessHours: { holidays: ['2025-12-25', '2025-12-24'] } });
    expect(next.businessHours.holidays).toEqual(['2025-12-24', '2025-12-25']);
    expect(next.businessHours.weekly['1']).toEqual(['08:00', '20:00']);
    expect(() => applySettingsEdit(base, { businessHours: { weekly: { '1': ['20:00', '08:00'] } } })).toThrow(
      /^businessHours\.weekly\.1: must open before it closes/,
    );
    expect(() => applySettingsEdit(base, { timeZone: 'Mars/Olympus' })).toThrow(/^timeZone: /);
    expect(() => applySettingsEdit(base, { colour: 'blue' })).toThrow(/^colour: is not a known field/);
  });
});
