/**
 * The tools on an assigned handoff's card: suggested opening lines (one click sends one to the
 * customer) and the hand-back to a chosen dialog. Both arrive as Action.Submit values and run
 * through the thread's command path, so they are checked and delivered like a typed reply.
 */
import type { TFunction } from 'i18next';
import type { HandoffListItem } from '../../services/handoff/handoffModel';
import { HAND_BACK_TARGETS, HandBackTarget, parseHandBackTarget } from '../../services/handoff/handBackTargets';
import { openingLines } from '../../services/handoff/deescalationLines';

export const SAY_VERB = 'say';
export const HAND_BACK_VERB = 'handBack';

export type AgentToolData =
  { kind: 'say'; handoffId: string; text: string } | { kind: 'handBack'; handoffId: string; target: HandBackTarget };

type CardElement = Record<string, unknown>;

/** The card's tool elements for an assigned handoff; none in any other state. */
export function agentToolElements(handoff: HandoffListItem, t: TFunction): CardElement[] {
  if (handoff.status !== 'assigned') return [];
  const lines = openingLines(t, handoff.category, handoff.frustration?.level);
  return [
    { type: 'TextBlock', text: t('agent:card.suggestions'), weight: 'Bolder', spacing: 'Medium', wrap: true },
    {
      type: 'ActionSet',
      actions: lines.map((text) => ({
        type: 'Action.Submit',
        title: text,
        data: { verb: SAY_VERB, handoffId: handoff.id, text },
      })),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'target',
      label: t('agent:card.handBack'),
      value: 'menu',
      choices: HAND_BACK_TARGETS.map((target) => ({ title: t(`agent:desk.handBack.${target}`), value: target })),
    },
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Submit',
          title: t('agent:card.handBackButton'),
          data: { verb: HAND_BACK_VERB, handoffId: handoff.id },
        },
      ],
    },
  ];
}

const HANDOFF_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_LINE = 4000;

/** Reads a tool button's Action.Submit value; undefined when it is none (e.g. a claim). */
export function readAgentToolData(value: unknown): AgentToolData | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const data = value as Record<string, unknown>;
  const handoffId = data.handoffId;
  if (typeof handoffId !== 'string' || !HANDOFF_ID.test(handoffId)) return undefined;
  if (data.verb === SAY_VERB && typeof data.text === 'string' && data.text.trim() !== '')
    return { kind: 'say', handoffId, text: data.text.slice(0, MAX_LINE) };
  if (data.verb === HAND_BACK_VERB && typeof data.target === 'string') {
    const target = parseHandBackTarget(data.target);
    if (target) return { kind: 'handBack', handoffId, target };
  }
  return undefined;
}
