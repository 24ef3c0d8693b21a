/**
 * What agents read about a handoff: its priority, the short summary (in the agents' language, from
 * locales/<lng>/agent.json) and the list item of the queue.
 */
import type { TFunction } from 'i18next';
import { maskSensitive } from '../privacy/masking';
import { HandoffListItem, HandoffPriority, HandoffRecord, PRIORITY_NAMES } from './handoffModel';
import type { HandoffRequest } from './types';
import { windowClosesAt } from './whatsappWindow';

export function priorityOf(request: Pick<HandoffRequest, 'category' | 'reason' | 'frustration'>): HandoffPriority {
  if (request.category === 'lost_or_stolen' || request.reason === 'urgent') return 0;
  if (request.frustration.level >= 2) return 1;
  if (request.frustration.level === 1) return 2;
  return 3;
}

/** The mood word for a frustration level ("ruhig", "verärgert", "sehr aufgebracht"). */
export function moodOf(agentT: TFunction, level: number): string {
  return agentT(`agent:mood.${level}`, { defaultValue: agentT('agent:mood.0') });
}

/** The short summary an agent reads first. */
export function buildSummaryText(request: HandoffRequest, agentT: TFunction): string {
  const label = (group: string, key: string) => agentT(`agent:${group}.${key}`, { defaultValue: key });
  const parts = [
    agentT('agent:summary.head', {
      category: label('category', request.category),
      reason: label('reason', request.reason),
    }),
  ];
  if (request.summary.menuPath.length)
    parts.push(agentT('agent:summary.menuPath', { path: request.summary.menuPath.join(' › ') }));
  if (request.summary.facts.length)
    parts.push(agentT('agent:summary.facts', { facts: request.summary.facts.join('; ') }));
  if (request.summary.references.length)
    parts.push(agentT('agent:summary.references', { references: request.summary.references.join(', ') }));
  parts.push(
    agentT('agent:summary.mood', {
      mood: moodOf(agentT, request.frustration.level),
      score: request.frustration.score.toFixed(2),
    }),
  );
  return maskSensitive(parts.join(' '));
}

/** The record without the long arrays, plus live figures, as the queue lists it. */
export function listItemOf(record: HandoffRecord, now: Date, position?: number): HandoffListItem {
  const end = record.claimedAt ?? record.closedAt ?? now;
  const closes = windowClosesAt(record);
  return {
    id: record.id,
    status: record.status,
    mode: record.mode,
    ...(record.callbackReason ? { callbackReason: record.callbackReason } : {}),
    priority: record.priority,
    priorityName: PRIORITY_NAMES[record.priority],
    category: record.category,
    reason: record.reason,
    needsSupervisor: record.needsSupervisor,
    frustration: record.frustration,
    customer: {
      channel: record.customer.channel,
      ...(record.customer.name ? { name: record.customer.name } : {}),
      language: record.customer.language,
    },
    summary: record.summary,
    ...(record.agent ? { agent: record.agent } : {}),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.claimedAt ? { claimedAt: record.claimedAt } : {}),
    ...(record.closedAt ? { closedAt: record.closedAt } : {}),
    waitingSeconds: Math.max(0, Math.round((end.getTime() - record.createdAt.getTime()) / 1000)),
    ...(position ? { position } : {}),
    ...(record.contact && (record.contact.phone || record.contact.email || record.contact.declined)
      ? { contact: record.contact }
      : {}),
    ...(closes && (record.status === 'queued' || record.status === 'assigned') ? { windowClosesAt: closes } : {}),
  };
}
