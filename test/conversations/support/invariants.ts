import type { Lang } from '../../../src/services/i18n/i18nService';
import type { Script } from './script';
import { matchesAny, templatesOf, templatesWhere, type Template } from './templates';
import type { Facts, Line } from './transcript';

/** One broken rule, at the bot line that broke it. */
export interface Violation {
  rule: string;
  /** Index into the transcript lines. */
  line: number;
  detail: string;
}

const INFORMAL = /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|euren|eurem|eurer|eures)\b/i;
// Words a German reply never needs and an English one always has (and the other way round).
const ENGLISH_WORDS =
  /\b(the|you|your|please|thank|thanks|sorry|hello|welcome|would|could|should|which|with|our|we|are|have|this|what|how)\b/i;
const GERMAN_WORDS =
  /\b(und|nicht|sie|ihre|ihr|ihnen|bitte|danke|ist|mit|für|ich|wir|sehr|gern|gerne|oder|wenn|noch|eine|einen|der|das|zum|zur|vielen|guten)\b/i;
const CONNECTING =
  /\b(verbinde|verbinden|verbunden|durchstellen|stelle\s+ich\s+sie\s+durch)\b|\bconnect(ing)?\s+you\b|\bput\s+you\s+through\b|\bbe\s+connected\b|\btransfer(ring)?\s+you\b/i;
const NEGATED = /\b(nicht|kein|keine|leider nicht|not|cannot|can't|unable)\b/i;
const PROMISE =
  /\b(ist|wurde|wird|sind|wurden|habe|haben|hat)\b[^.!?]{0,60}\b(bestellt|gesperrt)\b|\b(has|have|is|was|were)\s+(been\s+)?(ordered|blocked)\b/i;
const INVITATION =
  /\b(bitte\s+(?:\w+\s+){0,2}?(nennen|wählen|geben|schreiben|antworten|beschreiben|schildern|senden|prüfen|starten|fassen|laden|melden|verbinden|schalten|aktualisieren|entfernen|installieren|erzwingen|lassen|tippen)|antworten\s+sie|wählen\s+sie|schreiben\s+sie|nennen\s+sie|please\s+(?:\w+\s+){0,2}?(enter|choose|select|reply|write|tell|describe|send|type|answer|give|name|restart|check|try|update|remove|reinstall|sign|switch|charge|hold|connect|install)|reply\s+with|just\s+write)\b/i;
const GOODBYE =
  /auf\s+wiederseh|auf\s+wiederschau|\bschönen\s+(tag|abend|sonntag|wochenende|nachmittag|morgen)|\beinen\s+schönen\b|\balles\s+gute\b|\bbis\s+bald\b|\btschüss\b|\bgood\s*bye\b|\bhave\s+a\s+(nice|good|great|lovely)\b|\btake\s+care\b/i;

export function langOf(script: Pick<Script, 'lang'>): Lang {
  return script.lang === 'en' ? 'en' : 'de';
}

interface Vocabulary {
  greetings: Template[];
  handoff: Template[];
  closing: Template[];
}

const vocabularies = new Map<Lang, Vocabulary>();
function vocabulary(lng: Lang): Vocabulary {
  let v = vocabularies.get(lng);
  if (!v) {
    v = {
      greetings: [
        ...templatesOf(lng, 'conversation:greeting.welcome'),
        ...templatesOf(lng, 'conversation:greeting.returning'),
        ...templatesOf(lng, 'conversation:greeting.short'),
      ],
      // The queue's own sentences announce what happens next; so do the dialogs' handoff lines.
      handoff: templatesWhere(lng, (k) => k.startsWith('handoff:') || k.startsWith('conversation:handoff.')),
      // Goodbye and closing sentences, wherever the interpreter keeps them; the survey's thanks ends a conversation too.
      closing: templatesWhere(lng, (k) => /(goodbye|closing|farewell|bye)/i.test(k) || k === 'handoff:survey.thanks'),
    };
    vocabularies.set(lng, v);
  }
  return v;
}

/** A goodbye in either language: a shipped closing sentence or the usual phrases. */
export function isGoodbye(text: string): boolean {
  return (
    GOODBYE.test(text) ||
    matchesAny(text, vocabulary('de').closing) !== undefined ||
    matchesAny(text, vocabulary('en').closing) !== undefined
  );
}

function isGreeting(text: string): boolean {
  return (
    matchesAny(text, vocabulary('de').greetings) !== undefined ||
    matchesAny(text, vocabulary('en').greetings) !== undefined
  );
}

function announcesHandoff(text: string): boolean {
  return (
    matchesAny(text, vocabulary('de').handoff) !== undefined || matchesAny(text, vocabulary('en').handoff) !== undefined
  );
}

/** English and German at once: the dominant language decides which words are foreign. */
function mixedLanguage(text: string): string | undefined {
  // Reference numbers are random letters ("BE-WE9Q6"): their "WE" is not English.
  const words =
    text
      .replace(/\b[A-Z]{2}-[A-Z0-9]{5}\b/g, ' ')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  const en = words.filter((w) => ENGLISH_WORDS.test(w));
  const de = words.filter((w) => GERMAN_WORDS.test(w));
  if (en.length === 0 || de.length === 0) return undefined;
  return de.length >= en.length
    ? `English in a German reply: ${[...new Set(en)].join(', ')}`
    : `German in an English reply: ${[...new Set(de)].join(', ')}`;
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
}

const LOOP_WINDOW = 6;

/**
 * The rules every conversation keeps, whatever the script: formal Sie, no loops, no promise of a
 * person while nobody is on duty, one greeting per half hour, always a way forward, one language
 * per reply, no "ordered"/"blocked" without a record.
 */
export function checkInvariants(script: Script, lines: Line[], facts: Facts): Violation[] {
  const out: Violation[] = [];
  const bots = lines.map((line, index) => ({ line, index })).filter((x) => x.line.from === 'bot');
  const recordExpected = script.expect.outcome === 'request_recorded' || facts.requests.length > 0;
  let lastGreetingAt: number | undefined;

  bots.forEach(({ line, index }, n) => {
    const text = line.text;
    const knowledge = facts.knowledgeLines.get(index);
    const add = (rule: string, detail: string) => out.push({ rule, line: index, detail });

    const informal = INFORMAL.exec(text);
    if (informal && !knowledge?.germanFallback && langOf(script) === 'de')
      add('formal Sie', `informal "${informal[0]}"`);

    if (n >= 2 && bots[n - 1].line.text === text && bots[n - 2].line.text === text)
      add('no repetition', 'the same message three times in a row');
    // A follow-up question right after fresh content ("Hat Ihnen das geholfen?" after each new answer) is progress, not a loop.
    const afterNewContent = (k: number) => k > 0 && facts.knowledgeLines.has(bots[k - 1].index);
    const window = bots
      .slice(Math.max(0, n - LOOP_WINDOW + 1), n + 1)
      .map((b, i) => ({ ...b, k: Math.max(0, n - LOOP_WINDOW + 1) + i }))
      .filter((b) => b.line.text === text && !afterNewContent(b.k));
    if (
      window.length === 3 &&
      !(n >= 2 && bots[n - 1].line.text === text && bots[n - 2].line.text === text) &&
      /\?/.test(text)
    ) {
      add('no loop', `the same prompt three times within ${LOOP_WINDOW} messages`);
    }

    if (!line.onDuty && !knowledge) {
      const promise = sentences(text).find((s) => CONNECTING.test(s) && !NEGATED.test(s));
      if (promise)
        add('honest about the desk', `promises a person while nobody is on duty: "${promise.trim().slice(0, 120)}"`);
    }

    if (isGreeting(text)) {
      if (lastGreetingAt !== undefined && line.at - lastGreetingAt < 30 * 60_000)
        add('one greeting', 'a second greeting within 30 minutes');
      lastGreetingAt = line.at;
    }

    if (line.lastOfTurn) {
      const forward =
        /\?/.test(text) ||
        line.actions.length > 0 ||
        INVITATION.test(text) ||
        isGoodbye(text) ||
        announcesHandoff(text);
      if (!forward)
        add('way forward', 'leaves the customer without a question, choice, goodbye or handoff announcement');
    }

    if (!knowledge?.germanFallback) {
      const mixed = mixedLanguage(text);
      if (mixed) add('one language', mixed);
    }

    if (!recordExpected && !knowledge) {
      const promise = PROMISE.exec(text);
      if (promise) add('no unbacked promise', `"${promise[0]}" without a recorded request`);
    }

    for (const phrase of script.expect.never ?? []) {
      if (text.toLowerCase().includes(phrase.toLowerCase())) add('never', `said "${phrase}"`);
    }
  });
  return out;
}

/** i18n keys ("conversation:x.y", or "en/conversation:x.y" for another language) that no bot message carried. */
export function missingMustSay(script: Script, lines: Line[]): string[] {
  const bots = lines.filter((l) => l.from === 'bot');
  return (script.expect.mustSay ?? []).filter((entry) => {
    const [lng, key] = entry.includes('/') ? (entry.split('/', 2) as [Lang, string]) : [langOf(script), entry];
    const templates = templatesOf(lng, key);
    if (templates.length === 0) return true;
    return !bots.some((l) => matchesAny(l.text, templates));
  });
}
