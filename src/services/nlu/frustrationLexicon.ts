import type { Cue } from './phraseMatcher';

/**
 * Frustration cues for German from Germany, Austria and Switzerland, plus common English.
 * Weights are evidence strengths in [0, 1], combined by noisy-or in the scorer: with the default
 * thresholds (annoyed 0.3, irate 0.6) one insult or one legal threat alone makes a customer irate,
 * one annoyance marker alone makes them annoyed, and two annoyance markers come close to irate.
 * Tags become the signal names reported to the dialog ("insult", "threat:legal", ...).
 * Patterns are folded like the text: write "kundig" or "kündig", "scheis" or "scheiß" alike.
 */

function cues(tag: string, weight: number, patterns: string): Cue[] {
  return patterns
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((pattern) => ({ pattern, tag, weight }));
}

const INSULTS = [
  ...cues(
    'insult',
    0.8,
    `idiot* | *idiot | *idioten | vollidiot* | arschloch* | arschlocher | *arsch | arsch | depp | deppen | deppert* |
     deppat* | trottel* | *trottel | volltrottel* | vollpfosten | pfosten | spast* | wichser | hurensohn* | huerensohn* |
     schwachkopf* | dummkopf* | blodmann | blodmanner | versager | nichtsnutz* | penner | flachpfeife* | pfeifen |
     clowns | kasperl* | schwachmat* | vollhonk | honk | mistkerl | drecksack | drecks* | saftladen | sauladen | saustall |
     sauhaufen | saubande | sauhund | souhund | sauhuufe | souhuufe | schafseckel | schofseckel | tubel | dubel | totsch |
     glunggi | lappi | loli | tschumpel | vollkoffer | wappler | beidl | oaschloch | oasch | gfrastsackl | gfrast |
     hirnederl | hirnverbrannt | ungustl | bledl | gauner | halsabschneider* | verbrecher* | kriminell* | mafia | abzocker |
     betruger | bande | scheissladen | scheissfirma | schrottladen | idiots | idiot | moron* | stupid | assholes | asshole |
     jerks | clowns | losers | scammers | crooks | thieves | halbschue | pfife | gstorte | trottln | nicht ganz dicht |
     nicht alle tassen | an der waffel | nicht mehr alle | amateure | diebe`,
  ),
  ...cues('insult', 0.55, `dumm | dumme | dummer | dummen | dummes | blod | blode | bloder | bloden | blodes | koffer | affen | lappen`),
];

const SWEARING = [
  ...cues(
    'swear',
    0.7,
    `scheis* | *scheis | *scheise | *schis* | beschissen | verdammt* | verflucht* | kacke | kack* | fuck* | *fucking | shit* |
     wtf | zum kotzen | kotz* | gopfertami | gopferdami | gopferdammi | gopfertamisiech | gopferteli | huere | hueren |
     huara | seich | schas | schaas | leck mich | leckt mich | lack mir | konnt mich mal | konnt ihr mich mal | konnen mich mal |
     halt die klappe | halts maul | halt die pappn | gehts scheisen | gehts scheissen | sakra | zefix | kruzifix |
     kruzitirken | kruzituerken | himmel arsch | herrgottsakrament | damn | bullshit | crap | pissed | schnauze`,
  ),
  ...cues('swear', 0.45, `mist | dreck | dreckig | herrgott | gopfridstutz | gopf | verdammi | teufel | zum teufel | verdammte | chabis`),
];

const ANGER = [
  ...cues(
    'anger',
    0.6,
    `wut | wutend* | verarsch* | veraschen | abzocke* | ist betrug | ist doch betrug | reiner betrug | stinksauer | stinkwutend | wutend |
     kotzt mich an | platzt mir der kragen | platzt der kragen | allerletzte | das letzte | schnauze voll | schnauze gestrichen |
     bescheuert | bekloppt | geisteskrank | spinnt ihr | spinnen sie | spinnts | gahts no | gehts noch | seid ihr noch ganz |
     furious | scam | pathetic | outrageous | disgrace | disgraceful | fed up | sick of`,
  ),
  ...cues(
    'anger',
    0.5,
    `frechheit | unverschamt* | zumutung | sauerei | skandal* | unfassbar | nicht zu fassen | darf doch nicht wahr sein |
     es reicht | reicht mir | reichts | mir reicht | jetzt reicht | langsam reicht | reicht jetzt | nase voll | faxen dicke |
     sauer | hassig | grantig | angefressen | zornig | emport | inkompetent* | unfahig* | nutzlos* | schrott* |
     *schrott | mull | katastrophe | katastrophal | schlechteste* | nie wieder | inakzeptabel | unakzeptabel |
     ridiculous | unacceptable | useless | angry | terrible | worst | horrible | awful | lacherlich | ein witz |
     witzlos | was fur ein witz | unterirdisch | armselig | peinlich | ist das ihr ernst | ist das euer ernst | soll das ein witz sein |
     urgschissen | angschissen | oida ey | fix oida`,
  ),
];

const ANNOYANCE = [
  ...cues(
    'annoyance',
    0.4,
    `genervt | nervt | nervig | nervend | entnervt | argerlich | argert | arger mich | verargert | frustriert* | frustrierend |
     muhsam | enttauscht* | enttauschend | enttauschung | unzufrieden | schon wieder | scho wieder | wieder mal | wiedermal |
     wieder einmal | zum x ten mal | zum xten mal | x mal | zum zweiten mal | zum dritten mal | zum vierten mal | zum funften mal |
     zum wiederholten mal | zigmal | hundertmal | tausendmal | schon dreimal | schon zweimal | schon viermal |
     schon mehrmals | schon x mal | wie oft noch | wie oft denn noch | wie oft muss ich | wie lange noch | wie lange denn noch |
     was soll das | was soll der | ernsthaft | im ernst | hilft nicht | hilft mir nicht | hilft nichts | hilft nix | hilft mir nix |
     bringt nichts | bringt nix | bringt mir nichts | nutzt nichts | nutzt nix | hilft nud | bringt nud | nutzlos |
     verstehen sie nicht | verstehst du nicht | verstehst mich nicht | verstehen mich nicht | versteht nichts | versteht nix |
     verstehst nix | verstehst nichts | lest ihr | lesen sie eigentlich | kann doch nicht sein | kann nicht sein |
     tut sich nix | tut sich nichts | passiert nichts | passiert nix | passiert nut | hingehalten | vertrostet | abgewimmelt |
     im kreis | keiner meldet sich | niemand meldet sich | meldet sich keiner | meldet sich niemand | kein mensch | keine sau |
     keine antwort | nie erreichbar | niemand erreichbar | warteschleife* | ewig | ewigkeit* | endlich | annoying | annoyed |
     frustrating | frustrated | disappointed | still not | still no | for weeks | unglaublich | unmoglich | ungenugend |
     langsam reicht | langsam nervt | verliere ~ geduld | geduld verlier* | hilft ~ nicht | bringt ~ nichts | dauert ~ so lange |
     kann doch nicht ~ sein | echt jetzt | auch schneller | heast | oida | geduld ist am ende | geduld am ende | keine geduld mehr | satt | es leid | bin es leid | es langt | langts | das geht so nicht | so geht das nicht`,
  ),
  ...cues(
    'annoyance',
    0.3,
    `immer noch | noch immer | imer noch | seit wochen | seit monaten | seit tagen | seit stunden | warte seit | warten seit |
     wart scho | warte scho | scho lang | schon lange | mehrmals | mehrfach | dreimal | viermal | funfmal | zweimal | jedes mal |
     wie immer | immer wieder | nicht akzeptabel | nicht zufrieden | gar nicht zufrieden | nod zfriede | nid zfriede | ned zfrieden |
     versprochen | angeblich | nicht ernst | schade | sorry to say | so lange | dasselbe | das gleiche | nochmal alles |
     von vorne | irgendwer | irgendjemand`,
  ),
];

const SARCASM = [
  ...cues(
    'sarcasm',
    0.55,
    `super service | toller service | super kundenservice | klasse service | spitzen service | spitzenservice | top service |
     toll gemacht | na toll | na super | na klasse | na prima | na bravo | na gratuliere | danke fur nichts | danke fur nix |
     danke fur gar nichts | merci fur nut | danke auch | vielen dank auch | herzlichen dank auch | besten dank auch |
     danke vielmals auch | ganz grosses kino | grosses kino | ganz toll | echt klasse | wirklich toll | wirklich super |
     einfach super | einfach toll | sauber gmacht | great service | thanks for nothing | oh great | just great |
     wie immer super | wunderbar wieder`,
  ),
  ...cues('sarcasm', 0.3, `bravo | gratuliere | weltklasse | spitze | thanks a lot | well done`),
];

const THREATS = [
  ...cues(
    'threat:legal',
    0.65,
    `anwalt* | rechtsanwalt* | anwaltin | rechtliche schritte | rechtlichen schritte | juristisch* | gericht | klage |
     verklag* | zeige euch an | zeige sie an | zeig euch an | zeige ich euch an | zeige ich sie an | anzeige gegen |
     strafanzeige gegen | lawyer | sue | legal action | court`,
  ),
  ...cues(
    'threat:authority',
    0.6,
    `verbraucherzentrale | verbraucherschutz | bundesnetzagentur | bnetza | schlichtungsstelle | schlichtung | ombudsstelle |
     ombudsmann | ombudsman | ombudsfrau | konsumentenschutz | arbeiterkammer | vki | rtr | kassensturz | bafin | finma |
     stiftung warentest | k tipp | ktipp | beobachter | consumer protection | regulator`,
  ),
  ...cues(
    'threat:public',
    0.6,
    `presse | zeitung | bild zeitung | medien | journalist* | offentlich machen | social media | facebook | twitter | instagram |
     tiktok | schlechte bewertung | negative bewertung | einen stern | ein stern | 1 stern | trustpilot | reddit | newspaper`,
  ),
  ...cues(
    'threat:cancel',
    0.45,
    `sonst kundig* | dann kundig* | kundige ich | kundigen wir | werde ich kundigen | werde kundigen | kundige sofort |
     kundige fristlos | fristlos | zur konkurrenz | anbieter wechseln | wechsle den anbieter | kundig i | kundige denn |
     sunst chundig* | denn chundig* | chundi ich | cancel everything | switch provider | kundigung ist raus | keinen cent mehr`,
  ),
];

const BOT_ABUSE = cues(
  'bot_abuse',
  0.5,
  `dummer bot | bloder bot | scheiss bot | nutzloser bot | doofer bot | blecheimer | blechbuchse | blechtrottel | dumme maschine |
   blode maschine | depperte maschin | deppate maschin | stupid bot | useless bot | dumb bot | verstehst gar nichts |
   du verstehst nichts | bot versteht nichts | versteht gar nichts | schwachsinn | quatsch | unsinn | blodsinn | seich`,
);

/** Positive words; next to a complaint marker they read as sarcasm ("Toll, wieder kein Netz"). */
const POSITIVE = cues(
  'positive',
  0,
  `super | toll | klasse | prima | grossartig | wunderbar | fantastisch | genial | spitze | perfekt | danke | great | awesome |
   fantastic | wonderful | lovely | perfect | bravo | herrlich | suuper | lasst grussen`,
);

/** Failure words that turn a positive word sarcastic. */
const FAILURE = cues(
  'failure',
  0,
  `nichts | nix | nut | nuet | kein | keine | nicht | ned | nid | nod | nie | immer noch | schon wieder | kaputt |
   again | nothing | never | still | not | no | abgebucht | ausgefallen | weg`,
);

/** Things went well: a "super" next to "wieder" is then sincere ("Toll, jetzt geht es wieder"). */
const RESOLVED = cues(
  'resolved',
  0,
  `geht wieder | geht es wieder | gehts wieder | funktioniert wieder | funktioniert jetzt | lauft wieder | klappt wieder |
   hat geklappt | hat funktioniert | geholfen | gelost | behoben | works again | working again | fixed`,
);

/** Politeness softens only the weakest evidence; "annoyed but civil" remains annoyed. */
const POLITE = cues(
  'polite',
  0,
  `bitte | danke | dankeschon | vielen dank | mit freundlichen grussen | freundliche grusse | liebe grusse | lg | mfg |
   konnten sie | wurden sie | waren sie so nett | entschuldigung | entschuldigen sie | sorry | please | thank you | thanks |
   merci | gern | gerne | im voraus`,
);

export const FRUSTRATION_CUES: readonly Cue[] = [
  ...INSULTS,
  ...SWEARING,
  ...ANGER,
  ...ANNOYANCE,
  ...SARCASM,
  ...THREATS,
  ...BOT_ABUSE,
  ...POSITIVE,
  ...FAILURE,
  ...POLITE,
  ...RESOLVED,
];

/** A preceding negation cancels a single-word emotional cue ("nicht sauer", "kein Problem"). */
export const NEGATIONS: ReadonlySet<string> = new Set(['nicht', 'kein', 'keine', 'ned', 'net', 'nod', 'nid', 'not', 'no', 'nie']);

/** Capitalised words that are names of things, not shouting. Folded forms. */
export const ACRONYMS: ReadonlySet<string> = new Set(
  `sim esim pin puk iban bic wlan lan dsl vdsl lte umts gsm sms mms agb pdf usb tv hd uhd led oled dvd ec eu usa uk ch at de
   ok id nr tel app apps cvc cvv tan faq vip dhl ups gls hdmi wifi nfc gps ssd ram cpu pc mwst qr ebill ag gmbh kg swisscom
   visa amex mbit gb mb kb iphone ios atm sbb obb db iban ps psn xbox fritzbox dringend wichtig achtung notfall hilfe bitte`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

export const ANGRY_EMOJI = /[\u{1F621}\u{1F92C}\u{1F624}\u{1F47F}\u{1F4A2}\u{1F620}\u{1F595}]/u;
export const ANNOYED_EMOJI = /[\u{1F644}\u{1F612}\u{1F611}\u{1F44E}\u{1F926}\u{1F92F}\u{1F62B}\u{1F629}\u{1F624}]/u;
