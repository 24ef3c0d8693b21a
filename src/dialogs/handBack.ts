import type { Activity } from 'botbuilder';
import { DEFAULT_MENUS } from '../services/content/defaultMenu';
import type { ContentProvider } from '../services/content/types';
import type { I18nService, Lang } from '../services/i18n/i18nService';
import { handBackTargetInfo, HandBackTarget } from '../services/handoff/handBackTargets';
import { renderQuestion } from './interpreter/expectation';
import type { MenuOptions } from './mainMenu';
import { menuChoices, menuLines } from './subMenus';

/** The root dialog's options that open the dialog an agent handed the customer back to. */
export function handBackMenuOptions(target: HandBackTarget): MenuOptions {
  const { intent } = handBackTargetInfo(target);
  return intent === 'menu' ? { mode: 'menu' } : { mode: 'route', text: '', intent };
}

/**
 * The first question of the dialog an agent hands back to, as that dialog asks it: with its
 * sub-menu's numbered options and buttons where it has one, so the customer's answer (a digit, a
 * tap) means what the resumed dialog expects.
 */
export function handBackQuestion(content: Pick<ContentProvider, 'menus'>, i18n: I18nService) {
  return async (target: HandBackTarget, lang: Lang): Promise<Partial<Activity>> => {
    const { intent, askKey } = handBackTargetInfo(target);
    const menu = intent === 'menu' ? undefined : ((await content.menus())[intent] ?? DEFAULT_MENUS[intent]);
    const t = i18n.t(lang);
    if (!menu) return renderQuestion([{ key: askKey }], undefined, t, lang);
    return renderQuestion([{ key: askKey }, menuLines(menu)], menuChoices(menu), t, lang);
  };
}
