import { cues, type Cue } from './phraseMatcher';

/**
 * Hand-written cues for intent recognition (German as written in Germany, Austria and Switzerland,
 * plus common English). Weights are logit boosts added to the trained model's scores: 3 = nearly
 * decisive, 2 = strong hint, 1 = weak hint. Tags that are not intents ("loss", "object", ...) feed
 * the combination rules in intentRecognizer.ts.
 */


/** Something got lost or stolen. */
const LOSS = cues(
  'loss',
  1,
  `verlor* | verlore | verloore | verlorn | gestohl* | gestohle | gstohl* | gstole* | gschtohl* | gschtol* |
   geklaut | klaut* | beklaut | gklaut | gfladert | gefladert | entwendet | abhanden | diebstahl* | *diebstahl |
   dieb | diebe | taschendieb* | ausgeraubt | uberfallen | raububerfall | einbruch | eingebrochen | verlegt |
   verschwunden | futsch | furt | weg | nicht mehr auffindbar | nicht mehr finden | nicht mehr gefunden |
   finde es nicht mehr | finde sie nicht mehr | finde ihn nicht mehr | finde mein | finde meine | find mein | find meine |
   liegen lassen | liegengelassen | liegen gelassen | la liege | la ligge | liege la | liege lah | ligge la | liegn lossn |
   liegen lossn | liegn lassn | vergessen im | im zug vergessen | im taxi |
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
   nicht getatigt | ohne meine erlaubnis | ohne mein wissen | without permission | not mine | abhebungen |
   war ich nicht | das war nicht ich | nicht gemacht | nie gemacht | nid gmacht | nod gmacht | ned gmacht | nicht veranlasst |
   nie veranlasst | stammt nicht von mir | nicht von uns | fremde umsatz* | fremde zahlung* | unbekannte zahlung* |
   unbekannte umsatz* | verdachtige* | kann ich mir nicht erklaren | did not make | didnt make | hacked | kartendaten | war aber zu hause | war zu hause | war nie in | war gar nicht in |
   bin nie in | war noch nie in | nie was gekauft | nie etwas gekauft | nichts gekauft | nie gekauft | nie was bestellt |
   komische abbuchung* | seltsame abbuchung* | merkwurdige abbuchung* | komische buchung* | seltsame buchung* | nicht in ~ gewesen | karte ist bei mir | karte ist noch bei mir | karte noch da`,
);

/** Money moving on a card or account: with a fraud cue nearby it is card misuse, not a billing question. */
const PAYMENT = cues(
  'payment',
  1,
  `zahlung | zahlungen | zahlige | abbuchung* | buchung | buchungen | abhebung* | abgehoben | umsatz* | uberweisung* |
   transaktion* | transaction* | eingekauft | bezahlt | belastung* | payment | payments`,
);

/** Words naming a person on the company's side. */
const PERSON = cues(
  'person',
  1,
  `mitarbeiter* | mitarbeiterin* | kundenberater* | berater* | beraterin | sachbearbeiter* | servicemitarbeiter* |
   kundendienstmitarbeiter* | supervisor* | vorgesetzt* | teamleiter* | chef | chefin | geschaftsfuhrer* |
   mensch | menschen | menschlich* | person | personen | jemand | jemanden | jemandem | echte* | agent | agentin |
   operator | human | someone | somebody | representative | rep | real person | live agent | live chat |
   persohnlich | personlich | telefonisch | mitarbeiter* | manager | zustandige* | kollege | kollegen | kollegin |
   fachmann | fachfrau | experte | expertin | *abteilung | abteilung | buchhaltung`,
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

/** People on the company's side who come to the customer or serve them; described, they are a complaint's subject. */
const STAFF = cues(
  'staff',
  1,
  `kurier* | *fahrer | fahrer | zusteller* | paketbote | postbote | monteur* | installateur* | techniker* | verkaufer* |
   berater* | vertreter | mitarbeiter* | servicetechniker | hotline mitarbeiter | callcenter* | agent`,
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
   am telefon sprechen | persohnlich sprechen | personlich sprechen | jemand echtes | jemanden echten | jemand echten |
   jemand richtiges | richtigen menschen | jemand der sich auskennt | jemanden der sich auskennt | der sich auskennt |
   die sich auskennt | wo sich uskennt | echte leit | echte leute | echten leuten | echte menschen | lebende person |
   lebenden menschen | richtige person | fleisch und blut | rufen sie mich ~ an | ruft mich ~ an | ruf mich ~ an | rufts mich ~ an |
   konnt ihr mich anrufen | konnen sie mich anrufen | mich ~ zuruckrufen | mich ~ zuruckruft | bitte um ruckruf |
   bitte um einen ruckruf | hatte gerne einen ruckruf | hatte gern einen ruckruf | wunsche einen ruckruf | mochte einen ruckruf |
   ruckruf bitte | telefonisch klaren | telefonisch besprechen | am telefon klaren | call me back | callback | der sich auskennt | echte mensch | e mensch | a mensch | an menschen`,
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
   danke vielmals | merci vielmal | merci vielmals | schone tag no | schonen tag noch | en schone tag | schone tag | thanks | thank you | alles klar | ok danke | super danke | hoi zame | wie geht s | gehts`,
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
     ratenzahlung | stundung | laut vertrag | vertraglich vereinbart | vereinbarten preis | statt der vereinbarten | zaster | kohle zuruck | teuer | teurer | zu viel | zuviel | betrag | summe | nachzahlung |
     kostet ~ mehr | mehr kostet | plotzlich mehr | ruckzahlung | zuruckzahl* | zuruckbezahl* | zuruckuberweis* |
     zuruckgebucht | zuruckbuch* | ruckbuchung | auszahl* | ausbezahl* | ausgezahlt | ausgezahlt | storno | storniert |
     stornierung | kaution | restguthaben | mein geld | wo bleibt ~ geld | meinem geld | geld ~ zuruck | rabatt* | aktionspreis |
     neukundenrabatt | angebotenen | drittanbieter* | premium sms | premium dienst* | mehrwertdienst* | abo falle | abofalle |
     uberzahlung | zahlungsaufforderung | wucher | preisminderung | minderung | ermassigung | preisnachlass | nachlass`,
  ),
  ...cues(
    'billing',
    1.5,
    `zahlung | zahlungen | bezahl* | zahlen | gezahlt | zahle | zahlig | uberweis* | euro | eur | chf | franken |
     kosten | mwst | mehrwertsteuer | pay | paid | fallig | falligkeit | zahlungsziel | bezahlt | kohle | geld | moneten |
     guthaben | cashback | gald | gold`,
  ),
];

const TECHNICAL = [
  ...cues(
    'technical',
    2.5,
    `internet* | *internet | wlan* | *wlan | wifi | wi fi | router* | *router | modem | fritzbox | fritz box | dsl |
     *storung | storung* | gestort | ausgefallen | ausfall | netzausfall | kein netz | keinen empfang |
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
     repair | not working | doesnt work | does not work | broken | crash* | no signal | slow |
     schnecke | ruckelt | ladt | lad* nicht | wackelkontakt | telefonieren | anrufe | sms | whatsapp geht`,
  ),
  ...cues('technical', 1.5, `langsam | lahm | glasfaser* | reparatur*`),
  ...cues(
    'technical',
    2.5,
    `ping | lag | lags | latenz | verzogerung* | aussetzer | ka netz | ka empfang | kei netz | koan empfang | koa netz |
     keinen balken | nur an balken | nur einen balken | kein balken | friert ~ ein | frieren ~ ein | hangt sich auf |
     geht nicht durch | nicht durchgegangen | nicht akzeptiert | karte ungultig | fehler`,
  ),
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
     shipping | warranty | tariff | price | datenvolumen | flatrate | prepaid | aufladen | faq | wo finde ich`,
  ),
  ...cues(
    'general',
    2.5,
    `gibt es ~ auch | gibt s ~ auch | gibt es dort | gibt es da | gibt s dort | gibt s da | gits det | gibts ~ auch | gits ~ au | git s ~ au | gibt es ~ ohne | gibt s ~ ohne | gibts ~ ohne |
     bietet ihr | bieten sie ~ an | bietet ~ an | bieten ~ an | biets ~ a | anbieten | auf lager | lieferbar | erhaltlich |
     bestellbar | im sortiment | bedienungsanleitung* | anleitung | handbuch | gebrauchsanweisung | einschicken | hinschicken |
     einsenden | zur reparatur | reparatur abgeben | wohin schicken | wohin muss ich | an welche adresse | im ausland nutzen |
     im ausland bezahlen | im ausland verwenden | auch im ausland | in den usa | kann ich ~ abheben | bargeld abheben |
     auf lager | in schwarz | in blau | in weiss | modell | treueangebot | treuerabatt | bestandskundenangebot | flat |
     unlimited | enthalten | inklusive | inbegriffen | *nummer behalten | *nummer mitnehmen | *nummer ~ behalten |
     *nummer ~ mitnehmen | portieren | portierung | anbieterwechsel | anderen anbieter | neuen anbieter | interessiere mich | interesse an | interessiert mich`,
  ),
  ...cues(
    'general',
    1.5,
    `offen | kostet | erreichbar | hotline | ausland | shop | geschaft | upgrade | mitnehmen | limit | kundennummer | vertragsnummer |
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
     zugelt | zuglet | zugle | scheidung | getrennt | madchenname* | geburtsname* | umfirmiert | umfirmierung |
     rechtsform | buchstabendreher | vertragsubernahme | vertrag ~ umschreiben | vertrag ~ umgeschrieben | vertrag ~ ubertragen |
     auf mich umschreiben | umschreiben lassen | inhaberwechsel | doppelname*`,
  ),
  ...cues('data_change', 2, `ziehen ~ nach | ziehe ~ nach | ziehen wir nach | ziehe ich nach | zugle ~ nach | zugled ~ nach | umgeschrieben werden |
     auf ~ umschreiben | auf ~ umgeschrieben`),
  ...cues(
    'field',
    1,
    `anschrift* | *adresse | adresse* | adrasse | adresse | nachname* | name | namen | vorname* | heirat* | konto |
     kontonummer | bic | e mail | email* | mail | mail adresse | mailadresse | telefonnummer* | handynummer* | natelnummer |
     mobilnummer | nummer | *nummer | meine daten | daten | geburtsdatum | address | wohnort | postleitzahl | plz |
     strasse | hausnummer | lieferadresse | rechnungsadresse | bank | bankkonto | email address | phone number |
     rechnungsempfanger | empfanger | adressiert | adress | adrasse | titel | doktortitel | doktorgrad | anrede |
     firmenname | firmierung | ansprechperson | kontaktperson | registrierung | kundendaten | telefonnummere | nochnam |
     nachnam | geburtsjahr | vornam | surname | spelling | *namen`,
  ),
  ...cues(
    'change',
    1,
    `andern | anderung* | geandert | gandert | ganderet | ander | aktualisier* | update | change | changed | korrigier* |
     berichtig* | umstell* | hinterleg* | eintrag* | austausch* | ersetz* | neue | neuen | neu | falsch geschrieben | tippfehler |
     wechsel* | mutation | mutieren | falsch | falsche | stimmt nicht | nicht mehr aktuell | nicht aktuell | veraltet |
     richtig ist | existiert nicht mehr | fehlt ein | anpassen | aapasse | apasse | apassa | umschreiben | umgeschrieben | erganz* |
     nachtrag* | vertippt | vertan | verschrieben | buchstabendreher | heisst jetzt | heisst neu | heisst nun | neui | neue |
     nicht mehr | noch die alte | alte | statt | umstellen | andere | ander | korrekt | correct | muss ~ heissen`,
  ),
];

const COMPLAINT = [
  ...cues(
    'complaint',
    3.5,
    `beschwer* | *beschwerde | beschwerde* | reklamation* | reklamier* | complaint* | complain* | beanstand* |
     bschwar* | beschwar* | reklamiere | ich mochte mich beklagen | beklag*`,
  ),
  ...cues('complaint', 3, `entschadigung | schadenersatz | schadensersatz | wiedergutmachung | diskriminier*`),
  ...cues(
    'complaint',
    2.5,
    `kulanz | respektlos | weggedruckt | unserios |
     benachteiligt | benachteiligung | ungerecht | unfair | aufgeschwatzt | aufgequatscht | angedreht | untergejubelt |
     aufgedrangt | aufgedruckt | uberrumpelt | haustur | an der tur | druckerkolonne | verkaufsmethode* | geschaftspraktik* |
     verkaufspraktik* | vertreter | vertriebler | werber | telefonverkauf | keine art | nicht die feine art | herablassend |
     aufgelegt | lustig gemacht | blossgestellt | dokumentiert | festhalten | schriftlich fest* | zur kenntnis | inakzeptabel |
     nicht akzeptabel | mangelhaft | schlecht behandelt | so behandelt man | kundenservice nicht vor | unter druck gesetzt |
     unter druck | aufdringlich | schande | grantig | vorfall | zwischenfall | angeschrien | angeschnauzt | angepampt |
     angemault | ausgelacht | beleidigt | beschimpft | erwarte ~ entschuldigung | fordere ~ entschuldigung |
     verlange ~ entschuldigung | bestandskunde* | treue kunde* | langjahrige* kunde*`,
  ),
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
     techniker war | mitarbeiter war | mitarbeiterin war | nicht gekommen | kein techniker | umsonst gewartet |
     urlaub genommen | frei genommen | termin platzen | nicht erschienen | zu spat | versetzt | nicht wie vereinbart |
     nicht einverstanden | nicht in ordnung | beratung | verkauft | nicht zufrieden | gar nicht zufrieden`,
  ),
];

const OTHER = cues(
  'other',
  2,
  `wetter | fussball | bundesliga | rezept* | kochen | witz | witze | wer bist du | wie alt | pizza | sinn des lebens |
   hauptstadt | katze | hund | lotto | horoskop | film | musik | song | lied | gedicht | weather | joke | asdf | test |
   testing | lol | haha | hahaha | bitcoin | aktien | politik | wahl | urlaubstipp* | liebst du | bist du ein mensch |
   heiratest du | date | schach | hausaufgaben | mathe | ubersetze | translate | chatgpt | zug fahrplan | bahn | katze* |
   langweil* | einwohner | parken | wurzel | bundeskanzler | restaurant | buch | lieblings* | hunger | hungrig | durst |
   mude | velo | fahrrad | wirtshaus | gasthaus | beisl | beiz | kino | ferien | urlaubsziel | spiel gewonnen | gewonnen |
   gedicht* | geschichte erzahlen | sternzeichen | rezept`,
);

/** Charges on a phone or service bill: disputed there (billing), not card misuse. */
const BILL_DOCUMENT = cues('billdoc', 1, `rechnung* | *rechnung | *rechnungen | rachnig | rechnig | abrechnung* | abo | premium | drittanbieter*`);

/** Keeping a number or contract when switching is a general question (porting), not a change of data. */
const KEEP = cues('keep', 1, `behalten | mitnehmen | mitgenommen | portier* | portierung | rufnummernmitnahme | keep my number`);

export const INTENT_CUES: readonly Cue[] = [
  ...KEEP,
  ...STAFF,
  ...PAYMENT,
  ...BILL_DOCUMENT,
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
  `und zusammen miteinand miteinander mitenand mitanand allerseits beieinand alle leute liebes liebe lieber team erstmal ersteinmal mal da ist jemand
   jemnd wer hier ihr sie du dir ihnen euch es geht gehts wie gut schon so ok okay ja nein nochmal erst einmal auch
   sehr schon schonen vielen dank danke merci vilmal herzlich herzlichen bitte the there all everyone you how are
   s das wars war zame zamen beinand beieinander frau herr lotse bot assistent assistentin morgen tag abend nacht heute hoffe tschuss ciao ich habe hate eine frage
   kurze brauche hilfe noch mitenand`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Correctly spelled words one letter away from a cue ("meinen"/"Meilen", "geklärt"/"geklaut", "Konten"/"Kosten"):
 * the fuzzy matcher must take them as they are. Folded forms.
 */
export const NOT_TYPOS: ReadonlySet<string> = new Set(
  `meinen meinem meiner deinen deinem seinen seinem keinen einen lieber konten monaten anbieter anbietern aufgefalen
   einlegen verstanden schade branche nachfragen geklart solen letzter beraten anderen anderes anders anderem
   stelen stelle stellen kochen kosten lasen leben liebe lieben meilen`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
