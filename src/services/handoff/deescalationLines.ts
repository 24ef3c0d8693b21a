import type { TFunction } from 'i18next';

/** The customer's mood as the agent sees it, from the handoff's frustration level (0, 1, 2). */
export type Mood = 'calm' | 'frustrated' | 'irate';

export function moodOf(level: number | undefined): Mood {
  if (level !== undefined && level >= 2) return 'irate';
  return level === 1 ? 'frustrated' : 'calm';
}

/**
 * Two or three opening lines for the agent, fitted to mood and category: acknowledge, apologise
 * for the inconvenience (not when calm), a concrete next step. From the locales, so admins change
 * them like every other text (the translations overrides), without a deploy.
 */
export function openingLines(t: TFunction, category: string, level: number | undefined): string[] {
  const mood = moodOf(level);
  const lines = [t(`agent:deescalation.acknowledge.${mood}`)];
  if (mood !== 'calm') lines.push(t(`agent:deescalation.apologise.${mood}`));
  const general = t('agent:deescalation.nextStep.general');
  lines.push(t(`agent:deescalation.nextStep.${category}`, { defaultValue: general }));
  return lines.filter((line) => line.trim() !== '');
}
