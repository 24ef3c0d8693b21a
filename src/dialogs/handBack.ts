import { handBackTargetInfo, HandBackTarget } from '../services/handoff/handBackTargets';
import type { MenuOptions } from './mainMenu';

/** The root dialog's options that open the dialog an agent handed the customer back to. */
export function handBackMenuOptions(target: HandBackTarget): MenuOptions {
  const { intent } = handBackTargetInfo(target);
  return intent === 'menu' ? { mode: 'menu' } : { mode: 'route', text: '', intent };
}
