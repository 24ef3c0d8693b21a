import { foldTokens } from '../../services/nlu/normalize';
import { CUE_TABLES, loadCueTables, type CueMatch, type CueTableName } from './cueTables';

/**
 * Conversation cues: what a customer message says about the conversation itself (who they want to
 * talk to, whether they are done, which language) as opposed to what their request is about.
 * Pure functions over the folded text (umlauts, missing umlauts and doubled letters meet), so
 * "Tschüss", "tschuess" and "tschuss" are one word. Every pattern is a literal alternation or a
 * bounded gap between literals: linear time on any input.
 */
export type Cue =
  | 'supervisor'
  | 'person'
  | 'closing'
  | 'thanks'
  | 'cancel'
  | 'menu'
  | 'back'
  | 'howLong'
  | 'callback'
  | 'callMe'
  | 'thinksItOver'
  | 'languageEn'
  | 'languageDe'
  | 'help';

/**
 * "Kann mir das nicht ein Mensch erklären?": a human, set against the machine, to explain or help; a
 * question to anyone ("Kann mir jemand erklären, was die Positionen bedeuten?") stays a question.
 */
const HUMAN_TO_EXPLAIN =
  /(?:^| )(?:ein|eine|einem|echter|echte|richtiger|a|real) (?:mensch|menschen|human|person)(?: [a-z]+){0,3} (?:erklaren|erklart|helfen|hilft|explain|help)(?= |$)/;

/** "Und wann genau meldet sich jemand?", "Wann ruft man mich an?" (folded: "wan", "cal"): when the team gets in touch. */
const WHEN_CONTACTED =
  /(?:^| )(?:wan|when)(?: [a-z]+){0,3} (?:meldet|melden|ruft|rufen|antwortet|antworten|hor|hore|horen|cals|cal|contact|reply|replies)(?= |$)/;

/** Words that, before "Englisch", make it a complaint: asked why, refused, or not understood. */
const WHY_WORDS: ReadonlySet<string> = new Set(['wieso', 'warum', 'weshalb', 'wiaso', 'worum']);
const NOT_WORDS: ReadonlySet<string> = new Set([
  'kein',
  'keine',
  'ka',
  'koa',
  'kei',
  'nicht',
  'ned',
  'net',
  'nid',
  'nod',
  'nix',
  'nichts',
]);

/** "Wieso redns jetzt Englisch? I versteh des ned", "Kein Englisch bitte": English is not wanted. */
function englishUnwanted(words: readonly string[]): boolean {
  if (words.includes('deutsch') || words.includes('german')) return false;
  const english = words.indexOf('englisch');
  if (english >= 0 && words.slice(0, english).some((w) => WHY_WORDS.has(w))) return true;
  if (english > 0 && (NOT_WORDS.has(words[english - 1]) || NOT_WORDS.has(words[english - 2] ?? ''))) return true;
  const understand = words.findIndex((w) => w.startsWith('versteh'));
  return understand >= 0 && words.slice(understand + 1).some((w) => NOT_WORDS.has(w));
}

/** The folded words of a message joined by single spaces ("Tschüss!" -> "tschus"). */
export function foldedText(text: string): string {
  return foldTokens(text).join(' ');
}

const fold = (phrase: string): string => foldTokens(phrase).join(' ');
const alternation = (items: string[]): string =>
  [...new Set(items.map(fold))].sort((a, b) => b.length - a.length).join('|');

// The word lists are data (content/dialogs/conversation-cues.json); the patterns are built from them
// once, here, as the module loads. The loader admits only letters, digits and single blanks.
const { polite, tables } = loadCueTables();
const POLITE = alternation(polite);

/** Whole words or phrases anywhere in the folded text; the phrases are folded as messages are. */
export function wordsPattern(items: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${alternation(items)})(?= |$)`);
}

/** Words starting with one of the stems ("vorgesetz" matches "Vorgesetzten"). */
function prefixes(items: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${alternation(items)})`);
}

/** The whole message is one of the phrases, optionally with a polite word before or after. */
function whole(items: string[]): RegExp {
  return new RegExp(`^(?:(?:${POLITE}) ){0,2}(?:${alternation(items)})(?: (?:${POLITE})){0,2}$`);
}

/** The message ends with one of the phrases. */
function ending(items: string[]): RegExp {
  return new RegExp(`(?:^| )(?:${alternation(items)})$`);
}

const BUILD: Record<CueMatch, (items: string[]) => RegExp> = { words: wordsPattern, prefixes, whole, ending };
const CUE = Object.fromEntries(
  (Object.keys(CUE_TABLES) as CueTableName[]).map((name) => [name, BUILD[CUE_TABLES[name]](tables[name])]),
) as Record<CueTableName, RegExp>;

/** "keinen Mitarbeiter" is not a wish for one; removed before looking for a person word. */
const NEGATED_PERSON =
  /(?:^| )(?:kein|keinen|keine|ohne|no|not a|nicht mit einem|nicht mit einer) (?:mitarbeiter|mitarbeiterin|menschen|mensch|person|agent|human|berater|beraterin)(?= |$)/g;
/** "keine Teamleitung", "no manager" (folded). */
const NEGATED_SUPERVISOR =
  /(?:^| )(?:kein|keinen|keine|ohne|no|not a|not the|nicht mit dem|nicht mit der|nicht den|nicht die) (?:teamleit|vorgesetz|chef|supervisor|manager|geschaftsfuhr|abteilungsleit)[a-z]*(?= |$)/g;
/** "die", "Ihr", "the" (folded): the words before staff who are the subject of a sentence. */
const STAFF_DETERMINER = '(?:die|der|ihr|ihre|eure|euer|ein|eine|the|your|a)';
/** "der unfreundliche Mitarbeiter", "the rude agent": one word describing the staff member (folded). */
const STAFF_ADJECTIVE = '(?:(?:[a-z]+e|[a-z]+en|rude|unfriendly|young|other) )?';
/** "der Mitarbeiter dort war …": where or when, between the staff member and what they did (folded). */
const STAFF_WHERE = '(?: (?:dort|da|am telefon|an der kase|gestern|heute|damals|there|on the phone|yesterday|today))?';
/** "Mitarbeiterin", "Kollege", "agent" (folded). */
const STAFF = 'mitarbeiter|mitarbeiterin|kolege|kolegin|berater|beraterin|agent|representative|colegue';
/** "Muss ich jetzt mit jemandem sprechen?", "do I have to talk to someone?" (folded): whether a person is needed. */
const PERSON_NEEDED_QUESTION =
  /(?:^| )(?:mus ich|muss ich|do i have to|do i need to|do i stil need to) (?:jetzt |da |dafur |dan |noch |now |then |stil |realy ){0,2}(?:mit |to |with )?(?:jemandem|jemand|einem mitarbeiter|einer person|someone|somebody|anyone|a person|an agent) (?:sprechen|reden|telefonieren|talk|speak)(?= |$)/g;

/** Whether the customer asks if they must talk to a person, which is no wish for one. */
export function asksWhetherPersonNeeded(text: string): boolean {
  PERSON_NEEDED_QUESTION.lastIndex = 0;
  return PERSON_NEEDED_QUESTION.test(foldedText(text));
}

/**
 * "mich belästigt ständig jemand", "jemand hat meine Karte", "someone keeps calling me": somebody
 * else in the story, not a wish for a person; removed before looking for a person word.
 */
const SOMEONE_ELSE = [
  // "die Hotline will ein Kennwort", "Ihr Kollege hat mir gesagt", "eure Hotline hängt ewig in der
  // Warteschleife", "the agent said": staff in the story.
  new RegExp(
    `(?:^| )${STAFF_DETERMINER} ${STAFF_ADJECTIVE}(?:${STAFF}|hotline)${STAFF_WHERE} (?:hat|hate|hatte|wil|wolte|sagt|sagte|meint|meinte|verlangt|verlangte|fragt|fragte|war|said|told|was|wants|wanted|asked|hangt|hing|dauert|braucht|antwortet|klingelt|keps|takes|never answers)(?= |$)`,
    'g',
  ),
  // "die Mitarbeiterin im Shop in der Goethestraße war super geduldig": the same with a place between.
  new RegExp(
    `(?:^| )${STAFF_DETERMINER} (?:${STAFF}) (?:im|in|am|vom|aus|bei|at|in the) (?:[^ ]+ ){0,4}(?:war|hat|hatte|sagte|meinte|was|said|told)(?= |$)`,
    'g',
  ),
  // "an der Hotline heißt es immer …", "bei der Hotline anrufen kann ich nicht": the hotline is where the
  // story happened (or a phone line the customer cannot use), not a wish to be put through.
  // "kann kaum mit Ihrer Hotline telefonieren": a line the customer cannot use.
  /(?:^| )(?:an|bei|von|in|uber|at|from|on|(?:kaum|nicht|schlecht|schwer|nie|hardly|not|never) mit) (?:der|die|eurer|ihrer|eure|ihre|the|your) hotline[a-z]*(?= |$)/g,
  // "kommt mit Ihrer Hotline nicht mehr klar", "can't cope with your hotline": the same, said after it.
  /(?:^| )(?:mit|with) (?:der|die|eurer|ihrer|eure|ihre|the|your) hotline[a-z]* (?:(?:gar|uberhaupt|nicht|nimer|kaum|mehr|so|gut|recht|schlecht) ){1,3}(?:klar|zurecht|zurechtkomt|klarkomt)(?= |$)/g,
  // "Muss ich jetzt mit jemandem sprechen oder …?", "do I have to talk to someone?": whether one is needed.
  PERSON_NEEDED_QUESTION,
  // "I don't need to talk to anyone, just log it": a person refused, not asked for.
  /(?:^| )(?:(?:don t|dont|do not) (?:ned|want) (?:to )?|no ned (?:to )?)(?:talk|speak) (?:to|with) (?:anyone|anybody|someone|somebody|a person|an agent|a human)(?= |$)/g,
  // "Gibt es für Menschen wie mich eine andere Möglichkeit?": people like the customer, not a person to talk to.
  /(?:^| )(?:menschen|leute|personen|people|persons|folks) (?:wie|like) (?:mich|ich|me|uns|us)(?= |$)/g,
  /(?:^| )(?:ruft|belastigt|nervt|stort|bedroht|schreibt|hat|haben|anrufen|angerufen|telefoniert|benutzt|nutzt|misbraucht|klaut|gestohlen|geklaut) (?:(?:standig|dauernd|imer|wieder|oft|so|mich|mir|mein|meine|nachts|einfach|da) ){0,2}(?:jemand|someone|somebody)(?= |$)/g,
  /(?:^| )(?:jemand|someone|somebody) (?:ruft|hat|belastigt|nervt|schreibt|telefoniert|benutzt|nutzt|misbraucht|anderes|fremdes|keps|is|has|stole|caled|cals|used|uses)(?= |$)/g,
];
/**
 * "eine Firma mit 6 Mitarbeitern", "für alle unsere Mitarbeiter", "wir stellen einen neuen Mitarbeiter
 * ein": the customer's staff, not a wish for a person.
 */
const OWN_STAFF =
  /(?:^| )(?:\d+|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|meine|meinen|meiner|unsere|unseren|unserer|seine|seinen|ale|einen neuen|eine neue|neue|neuen) (?:mitarbeiter|mitarbeitern|mitarbeiterin|mitarbeiterinnen|angestellte|angestellten|employes|staf)(?= |$)/g;
/** "Ansprechpartner für Geschäftskunden": asks whether a customer group has its own contact, not for one now. */
const CONTACT_FOR_GROUP =
  /(?:^| )(?:ansprechpartner|ansprechpartnerin|ansprechpersonen|kundenberater|berater) (?:fur|for) (?:geschaftskunden|firmenkunden|gewerbekunden|unternehmen|firmen|business|busines customers|senioren|studenten|schuler)(?= |$)/g;

/**
 * "Hotline-Nummer?", "Wie ist die Nummer der Hotline?", "wann ist die Hotline erreichbar": a question
 * about the hotline (its number, hours, cost), answered from the knowledge; no wish to be put through.
 */
const HOTLINE_FACTS =
  /(?:^| )(?:hotline ?(?:numer|number|telefonumer|rufnumer|zeiten|kosten|kostet|ereichbar)[a-z]*|(?:numer|number|telefonumer|rufnumer|phone number)[a-z]* (?:(?:der|eurer|ihrer|your|of the|of your|for the|for your|fur die|fur eure|von der|von eurer) )?hotline[a-z]*|(?:ereich|reach)[a-z]* (?:(?:ich|man|i) )?(?:die|eure|ihre|the|your) hotline[a-z]*)(?= |$)/g;

/** Whether the message speaks of the customer's own staff ("mit 6 Mitarbeitern"). */
export function mentionsOwnStaff(text: string): boolean {
  OWN_STAFF.lastIndex = 0;
  return OWN_STAFF.test(foldedText(text));
}

/**
 * "wenn ich jemanden anrufe", "wänn ich öpper aalüte", "when I call someone": the customer is the
 * caller; "mein Ex ruft mich ständig an": someone else calls the customer, unwanted. Neither is a wish
 * to be called or put through. Nor is "Ihr ruft mich jetzt zum dritten Mal an, um mir … anzudrehen":
 * calls the customer gets ("Ruft mich bitte an", "Rufen Sie mich an" put the verb first).
 */
const CALLING_SOMEONE =
  /(?:^| )(?:(?:ich |i )?(?:ruf|rufe) mich (?:mal |kurz |jetzt |grad )?(?:selbst|selber|sebst) an|jemanden anrufe|jemanden anrufen|jemanden anruf|(?:ich|i) (?:oper|eper|opis|epis) alute|cal someone|cal somebody|sol ich zuruckrufen|sol ich da zuruckrufen|sol ich die zuruckrufen|kan ich zuruckrufen|mus ich zuruckrufen|should i cal back|should i cal them back|ruft mich (?:standig|daurnd|andaurnd|imer|permanent|taglich|nachts|oft|wieder|jeden tag|miten in der nacht)|(?:ex|exfreund|exfreundin|exman|exfrau|stalker|nachbar|nachbarin|werbung|calcenter|unbekanter|fremder|einer|er) ruft mich|(?:ihr|die|man) ruft (?:mich|mi)(?! bite)|(?:sie|die) rufen (?:mich|mi)(?! bite)|you keep caling me|keps caling me|keeps caling me)(?= |$)/g;

/** "ohne dass die zurückrufen", "without them calling back": a call the customer does not want. */
const NOT_CALLED_BACK =
  /(?:^| )(?:ohne das|without) (?:die|der|er|sie|man|them|they|he|she|you) (?:[^ ]+ ){0,3}(?:zuruckrufen|zuruckruft|zuruck rufen|anrufen|anruft|caling back|cal back|caling)(?= |$)/g;

/**
 * "the phone number you call me on", "die Nummer, unter der Sie mich anrufen" (folded: "numer"): which number is used
 * for calls, not a wish to be called now.
 */
const NUMBER_CALLED_ON =
  /(?:^| )(?:number|numer|rufnumer|telefonumer|handynumer|mobilnumer|kontaktnumer) (?:[^ ]+ ){0,3}(?:you|sie|ihr) (?:mich )?(?:cal|cals|anrufen|anruft|erreichen|erreicht)(?: me| mich)?(?= |$)/g;

/** Whether the customer speaks of calling someone themselves ("Nummer unterdrücken, wenn ich jemanden anrufe"). */
export function callsSomeone(text: string): boolean {
  CALLING_SOMEONE.lastIndex = 0;
  return CALLING_SOMEONE.test(foldedText(text));
}

/** "Ist da jemand?", "anyone there?": the customer checks that someone listens; no wish for a person. */
const ANYONE_THERE =
  /(?:^| )(?:ist da (?:wer|jemand)|ist hier (?:wer|jemand)|is wer do|jemand da|anyone there|anybody there|someone there|is anyone|is anybody)(?= |$)/g;

/** "an Techniker brauch i ned", "keinen Techniker", "no engineer needed" (folded): a technician refused. */
const NO_TECHNICIAN =
  /(?:^| )(?:(?:kein|keinen|ka|kan|koan|no) (?:techniker|technician|engineer)|(?:techniker|technician|engineer) (?:[a-z]+ ){0,2}(?:nicht|ned|net|nid|nod|not|no))(?= |$)/;

/** Nobody called (folded): "keiner", "niemand", "nie", "no one", "never". */
const NOBODY_CALLS = /(?:^| )(?:keiner|keina|niemand|nieman|nie|nimmer|no one|noone|nobody|never)(?= |$)/;
/** "Mensch, das nervt!": an exclamation, not a wish for a person. */
const MENSCH_EXCLAMATION = /^(?:mensch|menschenskind) (?!bitte|please|sprechen)/;

/**
 * "ok dann schau ich im Kundenportal bzw in der App, danke": the customer takes it from here; a longer
 * message opened by an acknowledgement, or saying the fault is solved, and closed by thanks is thanks,
 * not a question to look up.
 */
const ACKNOWLEDGED_OPENING =
  /^(?:ok|okay|oke|okey|alles klar|alles klaro|gut|na gut|passt|prima|super|verstanden|alright|got it)(?= )/;
const THANKS_LAST = /(?:^| )(?:danke|dankeschon|merci|thanks|thank you|thx|vielen dank|danke schon|chers)$/;
/** "…, now it works. Cheers!", "Kabel war locker, jetzt geht's wieder, danke": solved, then thanks (folded). */
const SOLVED =
  /(?:^| )(?:now it works|it works now|works now|works again|geht wieder|geht s wieder|gehts wieder|funktioniert wieder|funktioniert jetzt|jetzt funktioniert|hat geklapt|klapt wieder|lauft wieder)(?= |$)/;
function planWithThanks(f: string, n: number): boolean {
  return n <= 20 && (ACKNOWLEDGED_OPENING.test(f) || SOLVED.test(f)) && THANKS_LAST.test(f);
}

/** "dann frage ich morgen am Telefon": the customer will call, which is no wish to be called. */
const CALLS_US_THEMSELVES =
  /(?:^| )(?:frage ich|frag ich|rufe ich|ruf ich|melde ich mich|versuche ich|versuch ich|probiere ich|probier ich|ich frage|ich rufe|ich ruf|ich melde mich|i ll call|i will call|i ll phone)(?= |$)/;
/** "wie erreich ich euch telefonisch?", "how can I reach you by phone" (folded): the customer asks how to call us. */
const REACH_US =
  /(?:^| )(?:(?:wie|wo|wann|how|where|when) (?:(?:kan|can) )?(?:ereich[a-z]*|reach|kontaktier[a-z]*|contact) (?:ich|man|i|we|wir) (?:euch|sie|ihnen|you)|(?:wie|wann|how|when) (?:kan|can) (?:ich|man|i|we|wir) (?:euch|sie|ihnen|you) (?:[a-z]+ )?(?:ereichen|anrufen|reach|cal|phone|contact))(?= |$)/;

/**
 * "Wie erreiche ich Sie telefonisch?": a question how to reach us, answered from the knowledge (the
 * hotline), not a wish to be called or put through.
 */
export function asksHowToReachUs(text: string): boolean {
  return REACH_US.test(foldedText(text));
}

/** "Ich wollte eigentlich …": a wish the customer has already given up. */
const HYPOTHETICAL = /(?:^| )(?:wollte|wollten|eigentlich|hatte|actually wanted)(?= |$)/;

function countWords(folded: string): number {
  return folded === '' ? 0 : folded.split(' ').length;
}

/** The language a message asks to be written in ("Bitte auf Deutsch", "in English please"), if any. */
export function languageWish(cues: ReadonlySet<Cue>): 'de' | 'en' | undefined {
  return cues.has('languageEn') ? 'en' : cues.has('languageDe') ? 'de' : undefined;
}

/**
 * The conversation cues in a customer message. Several can hold at once ("Danke, tschüss" is
 * thanks and closing); the interpreter decides which wins.
 */
export function detectCues(text: string): Set<Cue> {
  const cues = new Set<Cue>();
  const f = foldedText(text);
  if (f === '') return cues;
  const n = countWords(f);
  const question = text.includes('?') || CUE.questionWords.test(f);

  // "Ich will KEINE Teamleitung. Ich will eine Störung melden.": a supervisor refused is none asked for.
  const supervisorText = f.replace(NEGATED_SUPERVISOR, ' ');
  const supervisor =
    (CUE.supervisor.test(supervisorText) && !CUE.notSupervisor.test(supervisorText)) ||
    CUE.supervisorWords.test(supervisorText);
  if (supervisor && (n <= 4 || CUE.asking.test(f))) cues.add('supervisor');
  const personText = SOMEONE_ELSE.reduce(
    (text, pattern) => text.replace(pattern, ' '),
    f
      .replace(NEGATED_PERSON, ' ')
      .replace(OWN_STAFF, ' ')
      .replace(CONTACT_FOR_GROUP, ' ')
      .replace(HOTLINE_FACTS, ' ')
      .replace(ANYONE_THERE, ' ')
      .replace(CALLING_SOMEONE, ' '),
  ).replace(MENSCH_EXCLAMATION, ' ');
  if ((CUE.person.test(personText) || CUE.personWords.test(personText)) && (n <= 4 || CUE.asking.test(f)))
    cues.add('person');
  if (HUMAN_TO_EXPLAIN.test(personText)) cues.add('person');
  if (CUE.technician.test(f) && CUE.sendingTechnician.test(f) && !NO_TECHNICIAN.test(f)) cues.add('person');

  if (CUE.closingRating.test(f)) cues.add('closing');
  // "Ich wollte eigentlich jemanden sprechen … Ich versuche es morgen. Gute Nacht.": leaving wins,
  // unless a callback is asked for ("Rufen Sie mich morgen an. Tschüss").
  // A goodbye after the last question ("Geh bitte, so vü? … Baba!") still ends the message.
  const afterQuestion = text.includes('?') ? foldedText(text.slice(text.lastIndexOf('?') + 1)) : f;
  const callsUs = CALLS_US_THEMSELVES.test(f) || REACH_US.test(f);
  const callbackWished = CUE.callback.test(f) && !callsUs;
  if (n > 2 && afterQuestion !== '' && CUE.farewellEnding.test(afterQuestion) && !callbackWished) {
    cues.add('closing');
    if (HYPOTHETICAL.test(f)) cues.delete('person');
  }
  const requesting = CUE.requesting.test(f) && !CUE.doneDespiteQuestion.test(f);
  // "Ach, ich sehe gerade, die Abbuchung stimmt doch. Hat sich erledigt, danke!": a short closing last
  // sentence ends a longer message too.
  const lastPart = foldedText(
    text
      .split(/[.!;]/)
      .filter((p) => p.trim() !== '')
      .pop() ?? '',
  );
  const closesAtEnd = n <= 24 && countWords(lastPart) <= 10 && CUE.closing.test(lastPart);
  // "ach nee, vergessen Sie's, ist nicht so wichtig. Schönen Tag noch.": the matter dropped, then a goodbye.
  const dropsAndLeaves = closesAtEnd && !text.includes('?') && CUE.cancelPhrase.test(f);
  if (
    (CUE.closing.test(f) &&
      (!question || CUE.doneDespiteQuestion.test(f)) &&
      (n <= 12 || closesAtEnd) &&
      !requesting) ||
    dropsAndLeaves
  ) {
    // "Servus, ich habe eine Frage": a greeting, not a goodbye.
    if (!(/^servus /.test(f) && n > 2)) cues.add('closing');
  }
  if (CUE.thanks.test(f) && !question && (n <= 10 || planWithThanks(f, n)) && !requesting) cues.add('thanks');

  if (CUE.cancel.test(f) || (CUE.cancelPhrase.test(f) && n <= 8) || CUE.cancelEnding.test(f) || dropsAndLeaves)
    cues.add('cancel');
  if (CUE.menu.test(f)) cues.add('menu');
  if (CUE.back.test(f)) cues.add('back');
  if (CUE.howLong.test(f) || WHEN_CONTACTED.test(f)) cues.add('howLong');
  // "Soll ich zurückrufen?" asks whether the customer should call a number back; it asks for no call.
  const callText = f.replace(CALLING_SOMEONE, ' ').replace(NOT_CALLED_BACK, ' ').replace(NUMBER_CALLED_ON, ' ');
  if (CUE.callback.test(callText) && !callsUs) cues.add('callback');
  // "Seit Wochen ruft mich keiner zurück": a complaint about calls that never came, not a wish for one.
  if (CUE.callMe.test(callText) && !NOBODY_CALLS.test(f)) cues.add('callMe');
  if (n <= 8 && !CUE.languageTopic.test(f)) {
    // "Wieso redns jetzt Englisch? I versteh des ned": a complaint about English asks for German.
    if (CUE.languageEn.test(f)) cues.add(englishUnwanted(f.split(' ')) ? 'languageDe' : 'languageEn');
    else if (CUE.languageDe.test(f)) cues.add('languageDe');
  }
  if (CUE.help.test(f)) cues.add('help');
  if (CUE.thinksItOver.test(f)) cues.add('thinksItOver');
  return cues;
}
