import type { Cue } from './phraseMatcher';

/**
 * Hand-written cues for intent recognition (German as written in Germany, Austria and Switzerland,
 * plus common English). Weights are logit boosts added to the trained model's scores: 3 = nearly
 * decisive, 2 = strong hint, 1 = weak hint. Tags that are not intents ("loss", "object", ...) feed
 * the combination rules in intentRecognizer.ts.
 */

function cues(tag: string, weight: number, patterns: string): Cue[] {
  return patterns
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((pattern) => ({ pattern, tag, weight }));
}

/** Something got lost or stolen. */
const LOSS = cues(
  'loss',
  1,
  `verlor* | verlore | verloore | verlorn | gestohl* | gestohle | gstohl* | gstole* | gschtohl* | gschtol* |
   geklaut | klaut* | beklaut | gklaut | gfladert | gefladert | entwendet | abhanden | diebstahl* | *diebstahl |
   dieb | diebe | taschendieb* | ausgeraubt | uberfallen | raububerfall | einbruch | eingebrochen | verlegt |
   verschwunden | futsch | furt | weg | nicht mehr auffindbar | nicht mehr finden | nicht mehr gefunden |
   finde es nicht mehr | finde sie nicht mehr | finde ihn nicht mehr | finde mein | finde meine | find mein | find meine |
   liegen lassen | liegengelassen | liegen gelassen | vergessen im | im zug vergessen | im taxi |
   geraubt | raub | verlust* | nirgends | vermisse | vermisst | nimma finden | find ~ nimma | find ~ nimmer | finde ~ nicht mehr |
   stolen | stole | lost | theft | robbed | missing | misplaced`,
);

/** Things that can be blocked: cards, phones, SIMs, wallets holding cards. */
const OBJECT = cues(
  'object',
  1,
  `*karte | karte | karten | kart | *karten | chartli | charte | kartli | card | cards | creditcard |
   handy* | *handy | telefon | mobiltelefon | smartphone* | iphone* | samsung | galaxy | pixel | phone | mobile |
   natel | sim | simkarte | sim karte | esim | geldbeutel | geldborse | portemonnaie | portmonee | portemonee |
   brieftasche | tasche | rucksack | wallet | purse | bankomatkarte | maestro | visa | mastercard | amex | ec karte |
   girocard | debitkarte | kreditkarte* | laptop | tablet | ipad | notebook`,
);

/** A request to block (not the passive "was blocked", which is a technical or billing question). */
const BLOCK = cues(
  'block',
  1,
  `sperren | sperrn | sperrung* | sperre | sperrt | sperrts | sperred | spere | blockieren | blockiere | deaktivieren |
   einfrieren | stilllegen | block | lock | freeze | cancel my card | sperr* lassen | 116 116 | 116116 | notruf* | notfall*`,
);

/** Already blocked (by the issuer or after wrong PINs): a question about it, not a request to block. */
const BLOCKED = cues('blocked', 1, `gesperrt | gespert | gesperrt worden | entsperr* | blocked | is locked | gsperrt`);

/** Card fraud: a card block is the urgent answer. */
const FRAUD = cues(
  'fraud',
  1,
  `betrug* | *betrug | betruger* | missbrauch* | missbraucht | gehackt | phishing | nicht von mir | nicht ich |
   habe ich nicht gemacht | nicht autorisiert | unautorisiert* | unbekannte abbuchung* | fremde abbuchung* |
   unbekannte buchung* | fremde buchung* | kenne ich nicht | fraud* | unauthori* | skimming | kopiert | war nie | nie dort |
   nicht getatigt | ohne meine erlaubnis | ohne mein wissen | without permission | not mine | abhebungen`,
);

/** Words naming a person on the company's side. */
const PERSON = cues(
  'person',
  1,
  `mitarbeiter* | mitarbeiterin* | kundenberater* | berater* | beraterin | sachbearbeiter* | servicemitarbeiter* |
   kundendienstmitarbeiter* | supervisor* | vorgesetzt* | teamleiter* | chef | chefin | geschaftsfuhrer* |
   mensch | menschen | menschlich* | person | personen | jemand | jemanden | jemandem | echte* | agent | agentin |
   operator | human | someone | somebody | representative | rep | real person | live agent | live chat |
   persohnlich | personlich | telefonisch | mitarbeiter* | manager | zustandige*`,
);

/** Verbs and phrases that turn a person word into a request. */
const PERSON_REQUEST = cues(
  'request',
  1,
  `sprechen | reden | red* | schwatz* | verbinde* | weiterleit* | weiterverbind* | durchstell* | ubergeben |
   will | wil | mocht* | moechte | moecht | wunsche | verlang* | hatte gern | hatte gerne | brauch* | bitte | bite | pls | plz |
   holen | hol | geben sie mir | gebts | gib mir | her | sofort | jetzt | endlich | dringend | anruf* | rueckruf* |
   ruckruf* | zuruckruf* | zuruckrufen | ruf* mich an | kontakt | kontaktier* | chatten | schreiben | speak | talk |
   connect | transfer | want | need | please | get me | chan i | cha ich | chani | wott | wett | mag ich | mochte | leiten | weiter`,
);

/** The customer describes a person instead of asking for one ("your agent was rude"). */
const PERSON_NARRATIVE = cues(
  'narrative',
  1,
  `hat | hatte | war | waren | sagte | gesagt | meinte | versprochen | aufgelegt | unfreundlich | unhoflich | frech |
   inkompetent | gestern | letzte woche | letzten woche | am telefon | was | said | told | rude`,
);

/** Explicit wish not to talk to a machine. */
const NOT_A_BOT = cues(
  'human',
  3,
  `kein bot | keinen bot | keine maschine | kein roboter | keinen roboter | kein computer | keine ki | nicht mit dem bot |
   nicht mit einem bot | nicht mit einer maschine | nicht mit ihnen | echten menschen | echte person | echten person |
   real human | real person | no bot | not a bot | kei bot | kei maschine | mit eme mensch | mit emne mensch |
   am telefon sprechen | persohnlich sprechen | personlich sprechen`,
);

const GREETING = cues(
  'greeting',
  3,
  `hallo | hallochen | hallihallo | hi | hey | heyho | servus | servas | seas | gruss gott | gruss got | gruss di |
   griass di | griass eich | gruezi | gruezi mitenand | gruessech | grussech | grussi | salu | sali | hoi | moin | moin moin |
   tach | gude | guten tag | guten morgen | guten abend | gute nacht | guten mittag | mahlzeit | ciao | tschau | tschuss |
   tschu | ade | adieu | baba | pfiat di | pfiat eich | auf wiedersehen | auf wiederschauen | wiederhoren | bis bald |
   schonen tag | schones wochenende | habe die ehre | hello | hiya | good morning | good evening | good afternoon | bye |
   goodbye | greetings | wie geht es | wie gehts | wie geht es ihnen | danke | dankeschon | vielen dank | merci | merci vilmal |
   danke vielmals | thanks | thank you | alles klar | ok danke | super danke | hoi zame | wie geht s | gehts`,
);

const BILLING = [
  ...cues(
    'billing',
    2.5,
    `rechnung* | *rechnung | *rechnungen | rachnig | rechnig | faktura | abrechnung* | *abrechnung | kontoauszug* |
     monatsabrechnung | vorschreibung | zahlschein | einzahlungsschein | ebill | e bill | invoice* | bill | billing |
     abbuchung* | abgebucht | abgezogen | lastschrift* | bankeinzug | eingezogen | *gebuhr | *gebuhren | gebuhr* |
     berechnet | verrechnet | in rechnung gestellt | doppelt bezahlt | doppelt abgebucht | doppelt belastet | belastet |
     belastung | mahnung* | mahngebuhr* | inkasso | gutschrift* | ruckerstattung* | erstattung | erstatten | geld zuruck |
     refund* | charged | overcharged | charge | payment* | zinsen | jahresgebuhr | saldo | zahlungserinnerung |
     ratenzahlung | stundung | zaster | kohle zuruck | teuer | teurer | zu viel | zuviel | betrag | summe | nachzahlung |
     kostet ~ mehr | mehr kostet | plotzlich mehr`,
  ),
  ...cues(
    'billing',
    1.5,
    `zahlung | zahlungen | bezahl* | zahlen | gezahlt | zahle | zahlig | uberweis* | euro | eur | chf | franken |
     kosten | mwst | mehrwertsteuer | pay | paid | fallig | falligkeit | zahlungsziel | bezahlt | kohle | geld | moneten`,
  ),
];

const TECHNICAL = [
  ...cues(
    'technical',
    2.5,
    `internet* | *internet | wlan* | *wlan | wifi | wi fi | router* | *router | modem | fritzbox | fritz box | dsl |
     glasfaser* | *storung | storung* | gestort | ausgefallen | ausfall | netzausfall | kein netz | keinen empfang |
     kein empfang | empfang | kei empfang | signal | funkloch | verbindung* | verbindungsabbruch* | bricht ab | abbruche |
     funktioniert nicht | funktioniert nimmer | funktioniert ned | funktioniert net | funktioniert nod | funktioniert nid |
     geht nicht | geht ned | geht net | geht nimmer | gaht nod | gaht nid | tuet nod | lauft nicht | lauft ned | kaputt* |
     defekt* | is hin | ist hin | hin is | hin ist | bildschirm* | display* | akku* | ladt nicht | ladt ned | ladekabel | ladegerat |
     startet nicht | startet ned | bootet | update* | software* | firmware | app | apps | login | einloggen | anmelden |
     passwort* | kennwort | fehlermeldung* | fehlercode | error | absturz* | sturzt ab | abgesturzt | hangt | eingefroren |
     neustart* | zurucksetzen | reset | bluetooth | esim | puk | mailbox | hotspot | 5g | 4g | lte | datenverbindung |
     mobile daten | touchscreen | reagiert nicht | schwarz | flackert | funktioniert ~ nicht | funktioniert ~ ned |
     funktioniert ~ nod | geht ~ nicht mehr | geht ~ nicht | geht ~ ned | gaht ~ nod | klappt nicht | klappt ~ nicht |
     lauft ~ nicht | tut ~ nicht | tuet ~ nod |
     abgelehnt | declined | kontaktlos | apple pay | google pay | 3d secure | tan | pushtan | online banking | kartenleser |
     reparatur* | repair | not working | doesnt work | does not work | broken | crash* | no signal | slow |
     schnecke | ruckelt | ladt | lad* nicht | wackelkontakt | telefonieren | anrufe | sms | whatsapp geht`,
  ),
  ...cues('technical', 1.5, `langsam | lahm`),
  ...cues(
    'technical',
    1,
    `handy | telefon | laptop | tablet | gerat | natel | sim | simkarte | pin | fernseher | tv | receiver | fernbedienung |
     kopfhorer | lautsprecher | drucker | kamera | konsole | waschmaschine | kuhlschrank | geschirrspuler | spulmaschine`,
  ),
];

const GENERAL = [
  ...cues(
    'general',
    2.5,
    `offnungszeit* | geoffnet | vertragslaufzeit | laufzeit* | mindestlaufzeit |
     kundig* | kundigungsfrist* | kundigen | vertrag* | *vertrag | lieferung* | *lieferung | liefer* | geliefert | verschick* |
     paket* | bestellung* | bestellt | bestellen | versand* | versendet | sendungsverfolgung | sendungsnummer | tracking |
     zugestellt | unterlagen | dokument* | formular* | agb | tarif* | *tarif | angebot* | preis* | *preis | verfugbar* |
     roaming | filiale* | garantie* | gewahrleistung | ruckgabe | umtausch* | zurucksenden |
     widerruf* | verlangern | verlangerung | portierung | rufnummernmitnahme | umzug | kreditrahmen |
     bonus* | punkte | meilen | versicherung* | opening hours | contract | cancel* | delivery | order |
     shipping | warranty | tariff | price | datenvolumen | flatrate | prepaid | guthaben | aufladen | faq | wo finde ich`,
  ),
  ...cues(
    'general',
    1.5,
    `offen | kostet | gibt es ~ auch | erreichbar | hotline | ausland | shop | geschaft | upgrade | mitnehmen | limit | kundennummer | vertragsnummer |
     info* | wie lange | wann | termin* | techniker* | kundenkonto | datenschutz | frage | wissen | wie funktioniert`,
  ),
];

const DATA_CHANGE = [
  ...cues(
    'data_change',
    2.5,
    `umgezogen | umziehen | ziehe um | zugezogen | neue adresse | neuen adresse | adressanderung | adressaenderung |
     namensanderung | geheiratet | bankverbindung* | bankdaten | kontodaten | iban | neue bank | neues konto |
     kontaktdaten | stammdaten | personliche daten | new address | bank details | adresse andern | adresse aendern |
     wohne jetzt | wohnen jetzt | wohn jetzt | neue wohnung | heisse jetzt | heisse seit | heisse nun | ziehe ~ um | ziehen ~ um |
     zugelt | zuglet | zugle`,
  ),
  ...cues(
    'field',
    1,
    `anschrift* | *adresse | adresse* | adrasse | adresse | nachname* | name | namen | vorname* | heirat* | konto |
     kontonummer | bic | e mail | email* | mail | mail adresse | mailadresse | telefonnummer* | handynummer* | natelnummer |
     mobilnummer | nummer | *nummer | meine daten | daten | geburtsdatum | address | wohnort | postleitzahl | plz |
     strasse | hausnummer | lieferadresse | rechnungsadresse | bank | bankkonto | email address | phone number`,
  ),
  ...cues(
    'change',
    1,
    `andern | anderung* | geandert | gandert | ganderet | ander | aktualisier* | update | change | changed | korrigier* |
     berichtig* | umstell* | hinterleg* | eintrag* | austausch* | ersetz* | neue | neuen | neu | falsch geschrieben | tippfehler |
     wechsel* | mutation | mutieren | falsch | falsche | stimmt nicht | nicht mehr aktuell | nicht aktuell | veraltet |
     richtig ist | existiert nicht mehr | fehlt ein`,
  ),
];

const COMPLAINT = [
  ...cues(
    'complaint',
    3.5,
    `beschwer* | *beschwerde | beschwerde* | reklamation* | reklamier* | complaint* | complain* | beanstand* |
     bschwar* | beschwar* | reklamiere | ich mochte mich beklagen | beklag*`,
  ),
  ...cues('complaint', 2.5, `entschadigung | schadenersatz | schadensersatz | kulanz | respektlos | weggedruckt`),
  ...cues(
    'complaint',
    1.5,
    `zerkratzt | beschadigt | unzufrieden | enttauscht | unfreundlich | unhoflich | frech | schlechter service | schlechten service | katastrophal |
     kundenservice | kundendienst | service | warteschleife* | niemand | keiner | keine antwort | nie erreichbar |
     nicht erreichbar | ewig | seit wochen | seit monaten | entschadigung | kulanz | schadenersatz | schadensersatz |
     zumutung | frechheit | skandal | katastrophe | unmoglich | saftladen | sauladen | drecksladen | inkompetent |
     versprochen | nicht eingehalten | nicht gekommen | nicht erschienen | kein ruckruf | nicht zuruckgerufen | abgewimmelt |
     vertrostet | hingehalten | kritik | terrible | worst | verbraucherzentrale | anwalt | bundesnetzagentur | schlichtung* |
     ombudsstelle | ombudsman | konsumentenschutz | arbeiterkammer | kassensturz | presse | unverschamt | verarsch* |
     techniker war | mitarbeiter war | mitarbeiterin war`,
  ),
];

const OTHER = cues(
  'other',
  2,
  `wetter | fussball | bundesliga | rezept* | kochen | witz | witze | wer bist du | wie alt | pizza | sinn des lebens |
   hauptstadt | katze | hund | lotto | horoskop | film | musik | song | lied | gedicht | weather | joke | asdf | test |
   testing | lol | haha | hahaha | bitcoin | aktien | politik | wahl | urlaubstipp* | liebst du | bist du ein mensch |
   heiratest du | date | schach | hausaufgaben | mathe | ubersetze | translate | chatgpt | zug fahrplan | bahn | katze* |
   langweil* | einwohner | parken | wurzel | bundeskanzler | restaurant | buch | lieblings*`,
);

export const INTENT_CUES: readonly Cue[] = [
  ...LOSS,
  ...OBJECT,
  ...BLOCK,
  ...BLOCKED,
  ...FRAUD,
  ...PERSON,
  ...PERSON_REQUEST,
  ...PERSON_NARRATIVE,
  ...NOT_A_BOT,
  ...GREETING,
  ...BILLING,
  ...TECHNICAL,
  ...GENERAL,
  ...DATA_CHANGE,
  ...COMPLAINT,
  ...OTHER,
];

/**
 * Words that may surround a greeting without making it a request ("Hallo zusammen", "Guten Tag, ist da jemand?").
 * Folded forms.
 */
export const GREETING_FILLER: ReadonlySet<string> = new Set(
  `und zusammen miteinand mitenand mitanand alle leute liebes liebe lieber team erstmal ersteinmal mal da ist jemand
   jemnd wer hier ihr sie du dir ihnen euch es geht gehts wie gut schon so ok okay ja nein nochmal erst einmal auch
   sehr schon schonen vielen dank danke merci vilmal herzlich herzlichen bitte the there all everyone you how are
   s das wars war zame zamen beinand beieinander frau herr lotse bot assistent assistentin morgen tag abend nacht heute hoffe tschuss ciao ich habe hate eine frage
   kurze brauche hilfe noch mitenand`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
