import { cues, type Cue } from './phraseMatcher';

/**
 * Frustration cues for German from Germany, Austria and Switzerland, plus common English.
 * Weights are evidence strengths in [0, 1], combined by noisy-or in the scorer: with the default
 * thresholds (annoyed 0.3, irate 0.6) one insult, one expression of contempt or one threat of a lawyer,
 * regulator or the press alone makes a customer irate, and one annoyance marker alone makes them
 * annoyed. Annoyance, sarcasm and impatience never add up to irate on their own (see the scorer).
 * Tags become the signal names reported to the dialog ("insult", "threat:legal", ...).
 * Patterns are folded like the text: write "kundig" or "kündig", "scheis" or "scheiß" alike.
 */


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
     nicht alle tassen | an der waffel | nicht mehr alle | amateure | diebe | arschgeige* | dumpfbacke* | knallkop* |
     knalltute | hohlbirne* | hohlkop* | dummbeutel | dodel | torfkop* | pappnase* | flitzpiepe* | schnarchnase* | wixer |
     kretin* | nulpe* | lusche* | trantute* | affenbande | deppenverein | trottelverein | gschissene* | gsindel | gesindel |
     lump | lumpen | lumpenpack | schurke* | parasiten | blutsauger | aasgeier | halunke* | bschiisser | bschisser |
     beschisser | abzockerbande | schmarotzer | taugenichts | deppn | deppm | deppade* | deppata | deppate* | depate* |
     trottl | volltrottl* | trotteln | wappla | oaschgeig* | oaschlecha | gscherte* | hanswurst* | hanswurscht |
     kaschperl* | dodl | dodln | hirni | hirnis | chaibe | chaibä | tschumpu | bireweich | dumpfbacken`,
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
  ...cues(
    'anger',
    0.6,
    `richtig arger | sonst gibt s arger | sonst gibts arger | mach ~ arger | mache ~ arger | sonst knallt s | sonst knallts |
     sonst passiert was | sonst werde ich ungemutlich | werde ungemutlich | zockt ~ ab | zocken ~ ab | abgezockt | zockts ~ ab | frechheit | bodenlos* | unverschamtheit | unverschamt | sauerei | skandal | skandalos | nase gestrichen voll |
     kragen platzt | platze gleich | platze vor wut | koche vor wut | ausrasten | raste aus | raste gleich aus |
     auf hundertachtzig | auf 180 | auf der palme | ich flippe aus | flipp gleich aus | schweinerei | zum heulen |
     mir platzt | huara schwindel | riesensauerei | frechheit sondergleichen | absolute wahnsinn | absoluter wahnsinn |
     reiner wahnsinn | helle wahnsinn | macht mich wahnsinnig | machen mich wahnsinnig | stocksauer | fuchsteufelswild |
     fuchsteufelswutend | wutentbrannt | kochend vor wut | saugrantig | glatter betrug | purer betrug | das ist betrug |
     das ist doch betrug | ihr betrugt | betrugen ~ kunden | betrugerisch | betrugerei | beschiss | geduldsfaden`,
  ),
];

/**
 * Contempt without swearing: the customer writes the company off ("gehört abgeschafft", "Stümper",
 * "widerlich"). As strong as an insult.
 */
const CONTEMPT = [
  ...cues(
    'contempt',
    0.65,
    `gehort abgeschafft | gehort verboten | gehort geschlossen | gehort dichtgemacht | gehort angezeigt | sollte man verbieten |
     sollte man schliessen | sollte verboten werden | dichtmachen | widerlich | ekelhaft | erbarmlich | erbarmlicher |
     stumper* | stumperhaft* | stumperverein | dilettant* | dilettantisch | laienverein | amateurverein | kasperlverein |
     chaosverein | chaotenverein | haufen chaoten | inkompetenter haufen | unfahiger haufen | lachnummer | witzfigur* |
     armutszeugnis | unter aller sau | unter aller kanone | unter jeder sau | pfui | pfui teufel | schamt euch | schamen sie sich |
     schamt ihr euch nicht | schamen sie sich nicht | nen knall | einen knall | an knall | en knall | nen vogel | einen vogel |
     nicht mehr ganz richtig | nicht ganz richtig im kopf | hirnlos* | hirnrissig | gestort seid | seid ihr gestort |
     sonst wohin stecken | sonstwohin stecken | wohin stecken | konnt ihr euch ~ stecken | konnen sie sich ~ stecken |
     in den arsch | an den hut stecken | laufen euch ~ davon | lauft euch ~ davon | verarschung | volksverarsche |
     kundenverarsche | kundenverarschung | abzockerbande | betrugerbande | verbrecherbande | gaunerbande | raubritter |
     halsabschneider | halsabschnider | halsabschnieder | grosste mist | grosster mist | grosste schrott | grosste dreck |
     letzte mist | letzter mist | letzte dreck | letzter dreck | schlechteste ~ je erlebt | gurkentruppe | chaotentruppe |
     deppentruppe | trotteltruppe | idiotenverein | idiotenhaufen | deppenhaufen | chaotenhaufen | witz von einem | witz von einer |
     witz von firma | witz von unternehmen | witz von anbieter | witz eines unternehmens | witz einer firma | lachnummer von |
     euch ~ davonlaufen | laufen ~ davon | nichtskonner | taugenichtse | tolpel | pfeifen | vollversager | saftladen | tickt ihr noch | tickst du noch |
     ticken sie noch | ihr tickt doch | nicht mehr alle latten | einen an der klatsche | disgusting | shameful | clowns |
     joke of a company | bunch of clowns | ubergeschnappt | durchgeknallt | verruckt geworden | wahnsinnig geworden |
     irre geworden | nicht mehr alle beisammen | nicht mehr alle | pfusch | pfuscher* | murks | complete joke | total joke`,
  ),
];

/** "Geht's noch?": exasperated, not yet abusive; irate only together with shouting or worse. */
const EXASPERATION = cues(
  'contempt',
  0.5,
  `geht s noch | geht s no | gehts no | gaht s no | gahts no | gaht s eigentlich no | geht s eigentlich noch | hakt s | hackts |
   hackt s | hakts`,
);

const ANNOYANCE = [
  ...cues(
    'annoyance',
    0.4,
    `genervt | nervt | nervig | nervend | entnervt | argerlich | argert | arger mich | verargert | frustriert* | frustrierend |
     muhsam | enttauscht* | enttuscht* | entauscht* | enttauschend | enttauschung | unzufrieden | schon wieder | scho wieder | wieder mal | wiedermal |
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
     kann doch nicht ~ sein | echt jetzt | auch schneller | geduld ist am ende | geduld am ende | keine geduld mehr | satt | es leid | bin es leid | es langt | langts | das geht so nicht | so geht das nicht`,
  ),
  ...cues(
    'annoyance',
    0.3,
    `immer noch | noch immer | imer noch | seit wochen | seit monaten | seit tagen | seit stunden | warte seit | warten seit |
     wart scho | warte scho | scho lang | schon lange | mehrmals | mehrfach | dreimal | viermal | funfmal | zweimal | jedes mal |
     wie immer | immer wieder | nicht akzeptabel | nicht zufrieden | gar nicht zufrieden | nod zfriede | nid zfriede | ned zfrieden |
     versprochen | angeblich | nicht ernst | schade | sorry to say | so lange | dasselbe | das gleiche | nochmal alles |
     von vorne | irgendwer | irgendjemand | bis heute nicht | bis heute nichts | bis heute keine |
     bis heute kein | typisch | wie kann das sein | wie kann es sein | tja | naja | na ja | schon probiert | schon versucht |
     schon alles probiert | schon alles versucht | das geht gar nicht | geht so nicht | wieder kein | wieder keine | wieder nicht |
     erneut | abermals | nochmals | wieder nichts | auch noch | einfach aufgelegt`,
  ),
  // Impatience, being ignored, talking to a wall: annoyed, never irate on their own.
  ...cues(
    'annoyance',
    0.4,
    `gegen eine wand | gegen die wand | gegen eine mauer | auf die nerven | auf den keks | auf den geist | auf den senkel |
     auf den wecker | geht mir auf | geht ma auf | gaht mer uf | nervig | anstrengend | zermurbend | nervenaufreibend |
     zum verzweifeln | verzweifelt | verzweifle | nicht zumutbar | unzumutbar | nicht kundenfreundlich | kundenunfreundlich |
     wenig kundenfreundlich | nicht besonders kundenfreundlich | nicht hilfreich | wenig hilfreich | nicht sehr hilfreich |
     beantwortet ~ frage nicht | nicht meine frage | meine frage nicht | war nicht die frage | am thema vorbei |
     einfach meine frage | statt mich | verweisen sie mich | immer dieselbe | immer die gleiche |
     immer das gleiche | immer dasselbe | jedes mal das gleiche | jedes mal dasselbe | alles von vorn | alles von vorne |
     wieder von vorn | wieder von vorne | alles nochmal erklaren | wieder ein anderer | jeder sagt was anderes |
     jeder mitarbeiter ~ anderes | jeder erzahlt | erzahlt jeder | wie oft soll ich | wie oft muss | zweiter versuch |
     dritter versuch | vierter versuch | funfter versuch | zweiten versuch | dritten versuch | vierten versuch | funften versuch |
     x ten versuch | xten versuch | zigsten | zigste | zum zigsten | versuche seit | versuch es seit | erreiche niemanden |
     erreiche keinen | niemand zu erreichen | keiner zu erreichen | kein durchkommen | komme nicht durch | ignoriert |
     ignoriert mich | ignoriert werden | einfach verschwunden | spurlos | untergegangen | im sand verlaufen | versandet |
     liegen geblieben | kommt da noch was | kommt da heute noch | tut sich da noch was |
     passiert da noch was | passiert da endlich | wann passiert | wann kommt endlich | wann endlich | in der warteschleife | in der schleife | dauerschleife |
     warteschlange | hange ~ schleife | hang ~ schleife | hange seit | hang seit | wart scho |
     wart i scho | wart ich scho | wart jetzt | ungeduldig | endlos | ewig und drei tage | ewigkeiten |
     das dauert aber | dauert ja ewig | dauert echt | dauert aber lange | im falschen film | falschen film | kindergarten | irrenhaus | tollhaus | zirkus | affentheater | theater mit euch |
     lacherlich lange | viel zu lange | viel zu lang | dauert ewig | dauert zu lange | total daneben | voll daneben |
     nicht in ordnung | nicht ok | nicht okay | kein wunder | war ja klar |
     wie erwartet | wie immer | leeres versprechen | leere versprechungen | leeren versprechungen | nur ausreden | ausreden |
     blabla | bla bla | floskel* | textbaustein* | standardantwort* | copy paste | copy and paste | unbrauchbar | 
     sinnlos | zwecklos | bringt doch nichts | hab ich doch schon | habe ich doch schon | hab i scho | han ich scho | han i scho | mega nervig | hueremuhsam |
     huere muhsam | muss ich mir | lasst mich hangen | im stich gelassen | allein gelassen | alleine gelassen | also wirklich | ugh | argh | seufz | omg | meh | ich will nicht unhoflich sein |
     mit verlaub | bei allem respekt | leider schon wieder | dass ich nicht lache | unverstandlich |
     das kann doch nicht | wieso dauert | warum dauert | why does it take | so complicated | so complex | come on | i just want | cant believe | still waiting |
     waiting for | uberhaupt jemand | hort mir keiner zu | hort mir niemand zu | hort mir ~ zu | liest das uberhaupt |
     liest das jemand | liest hier jemand | nobody answers | no one answers | waste of time | zeitverschwendung | verschwendete zeit`,
  ),
];

/**
 * The answer or the bot does not help, nobody reacts, what was said yesterday is void today, the customer is asked
 * again for what they gave already. Civil, so annoyed, never irate on their own.
 */
const UNHELPED = [
  ...cues(
    'annoyance',
    0.4,
    `not helpful | isn t helpful | not very helpful | unhelpful | not useful | doesn t help | does not help | didn t help |
     did not help | no help at all | not what i asked | you don t understand | doesn t understand | does not understand |
     still no answer | still no reply | no response | no reply | anyone there | anybody there | is anyone | hello anyone |
     nicht die antwort | keine antwort auf meine | nicht das ~ gefragt | nicht ~ was ich gefragt | hab ich nicht gefragt |
     habe ich nicht gefragt | hatte ich nicht gefragt | nicht meine frage | an meiner frage vorbei | an der frage vorbei |
     geht ~ an meiner frage | beantwortet ~ nicht | gleiche antwort | gleichen antwort | dieselbe antwort | selbe antwort |
     gleiche automatische | dieselbe automatische | gleichen automatischen | nicht wieder die gleiche | nicht wieder dieselbe |
     nicht wieder den gleichen | nicht wieder das gleiche | nicht schon wieder die | vorgefertigt* | automatisierte antworten |
     automatische antworten | was soll ich damit | was soll ich mit ~ link | was soll ich mit ~ faq | was mach ich mit ~ link |
     steht ~ nicht drin | steht da nichts | steht nirgends | nicht weitergeholfen | nicht weiter geholfen |
     hilft ~ nicht weiter | versteht mich ~ nicht | verstehen mich ~ nicht | verstehst mich ~ nicht |
     versteht ~ nicht was ich | versteht mi ned | verstehts mi ned | verstehsch mi nid | kapiert ~ nicht | kapiert nix |
     kapierts ned | kapiersch nid | ist da jemand | ist da wer | ist hier jemand | ist hier wer | is hier wer | isch da opper | is do wer | is da wer | is da jemand |
     hallo hallo | hallo jemand | hallo ist da | bisher keine reaktion | noch keine reaktion | keine reaktion von |
     keinerlei reaktion | null reaktion | keine reaktion auf | nie eine antwort | noch immer keine | immer noch keine |
     krieg ich heute noch | kriege ich heute noch | krieg ich ~ noch ~ antwort | kriege ich ~ noch ~ antwort |
     bekomme ich ~ noch ~ antwort | bekomm ich ~ noch ~ antwort | heute noch eine antwort | irgendwann eine antwort |
     jemals eine antwort | uberhaupt eine antwort | uberhaupt noch eine | antwortet keiner | antwortet niemand |
     keiner antwortet | niemand antwortet | unbeantwortet | ohne antwort | nichts mehr gehort | nie wieder was gehort |
     nie mehr was gehort | nichts gehort | nix gehort | was denn nun | was denn jetzt | was stimmt denn nun | was stimmt jetzt |
     was gilt denn nun | was gilt jetzt | was ist denn nun | es hiess doch | hiess es doch | jetzt heisst es auf einmal |
     heisst es jetzt auf einmal | auf einmal heisst es | plotzlich heisst es | heisst es plotzlich | sagt jeder was |
     sagt ~ was anderes | steht ~ was anderes | mal so mal so | einmal so einmal so | widerspricht sich |
     widerspruchlich* | nichts ist passiert | ist nichts passiert | ist aber nichts | nicht wie versprochen |
     nicht wie vereinbart | nicht wie zugesagt | trotz zusage | trotz versprechen | zugesagt ~ aber | versprochen ~ aber |
     antwort ~ war ~ falsch | antwort ist ~ falsch | auskunft ~ war ~ falsch | auskunft ist ~ falsch |
     information ~ war ~ falsch | info ~ war ~ falsch | antwort stimmt nicht | auskunft stimmt nicht |
     doch schon ~ angegeben | doch bereits ~ angegeben | schon angegeben habe | bereits angegeben habe | schon angegeben hab |
     doch schon ~ mitgeteilt | doch bereits ~ mitgeteilt | schon mitgeteilt habe | bereits mitgeteilt habe |
     doch schon gesagt | doch bereits gesagt | schon gesagt habe | bereits gesagt habe | schon x mal gesagt | schon zigmal |
     doch schon geschrieben | doch bereits geschrieben | schon geschrieben habe | bereits geschrieben habe |
     doch schon erklart | doch bereits erklart | schon erklart habe | bereits erklart habe | doch schon durchgegeben |
     warum fragen sie mich | wieso fragen sie mich | weshalb fragen sie mich | warum fragt ihr mich | wieso fragt ihr mich |
     fragen sie mich ~ nochmal | fragen sie mich ~ schon wieder | fragt mich ~ schon wieder | fragt mich ~ nochmal |
     dieselben daten | die gleichen daten | wie bereits gesagt | wie bereits erwahnt | wie schon erwahnt |
     wie schon geschrieben | wie bereits geschrieben | wie bereits mitgeteilt | steht doch oben | steht doch da |
     hab ich doch geschrieben | habe ich doch geschrieben | richtig lesen | genau lesen | richtig zuhoren | genau zuhoren |
     lesen sie ~ richtig | lesen sie ~ genau | lest ~ richtig | lest ~ genau | meinen arger | mein arger | meinem arger |
     meinen frust | mein frust | verstehen sie ~ arger | verwirrt total | total verwirrt | total verwirrend | verwirrt mich |
     das verwirrt | sehr verwirrend | voll verwirrend | bin verwirrt | einfacher vorgestellt | anders vorgestellt |
     besser vorgestellt | mehr erwartet | hatte mehr erwartet | schon den zweiten | schon der zweite | schon das zweite |
     schon die zweite | schon den dritten | schon der dritte | schon das dritte | schon die dritte | bereits den zweiten |
     bereits der zweite | bereits das zweite | bereits die zweite | woar eh kloa | wor eh kloa | war eh klar | war eh kloa |
     hob i ma docht | hab ich mir gedacht | hab ich mir schon gedacht | wieder ka | wieder koa | scho wieder ka | wieder kai |
     wieder kei | no immer ned | no imma ned | immer no ned | imma no ned`,
  ),
  // Weaker: alone they make a customer annoyed, but courtesy ("danke", "bitte") takes them back to calm.
  ...cues(
    'annoyance',
    0.3,
    `also ehrlich | also wirklich | verwirrend | falsche auskunft | falsche auskunfte | falsch informiert | falsch beraten |
     falsch ausgekunftet | falsche information* | keine ruckmeldung | muss ich ~ wirklich | muss man ~ wirklich |
     soll ich wirklich | muss ich jetzt echt | schon angegeben | bereits angegeben | schon gesagt | bereits gesagt |
     schon mitgeteilt | bereits mitgeteilt | schon geschrieben | bereits geschrieben | lesen sie ~ bitte`,
  ),
  // Tip a borderline message over, never alone: "wie gesagt" and "gestern hieß es" are often just context.
  ...cues('annoyance', 0.2, `dauert des no | dauert das no | dauert ~ noch lange | wie lang dauert | wie gesagt | wie schon gesagt | gestern hiess es | erst hiess es | zuerst hiess es | damals hiess es`),
];

/**
 * Threats beyond lawyers: a flood of bad reviews, a scene in the shop, a licence to be taken away, unnamed
 * consequences. As strong as a lawyer's letter: irate on their own.
 */
const THREATS_MORE = [
  ...cues(
    'threat:public',
    0.65,
    `bewertungsplattform* | bewertungsportal* | bewertungsseite* | bewertungen ~ fluten | schlechte rezension* | negative rezension* | shitstorm |
     shit storm | whatsapp gruppe | im internet ~ verbreiten | ins internet stellen | ins netz stellen |
     uberall posten | uberall schreiben | uberall verbreiten | allen bekannten | jedem erzahlen |
     schlechte bewertung* | negative bewertung* | google rezension | google bewertung* | yelp | tripadvisor | bewerte ~ schlecht |
     null sterne | 0 sterne | keinen stern | einen stern geben | 1 stern geben | fluten | an die presse |
     zur presse | zu den medien | an die medien | zum fernsehen | konsumentenmagazin | bad review* | one star | 1 star`,
  ),
  ...cues(
    'threat:authority',
    0.65,
    `lizenz entziehen | lizenz ~ entziehen | konzession entziehen | konzession ~ entziehen | zulassung entziehen |
     zulassung ~ entziehen | lizenz ~ entzogen | konzession ~ entzogen | zulassung ~ entzogen | gewerbeschein ~ entzogen |
     gewerbeschein ~ entziehen | laden dichtmachen | euch dichtmachen | den laden zumachen | euch schliessen`,
  ),
  ...cues(
    'anger',
    0.65,
    `werdet euch ~ wundern | werden sich ~ wundern | werdet ihr euch ~ wundern | werden sie sich ~ wundern |
     werds eich ~ wundern | werdet ~ blaues wunder | werden ~ blaues wunder |
     das wird konsequenzen haben | das hat konsequenzen | konsequenzen fur euch | konsequenzen fur sie | ziehe ~ konsequenzen |
     konsequenzen ziehen |
     ein nachspiel | hat ein nachspiel | wird ein nachspiel | werdet ~ bereuen | werden ~ bereuen | wirst ~ bereuen |
     das bereut ihr | lasse ich mir nicht gefallen | lass ich mir nicht gefallen | lasse mir das nicht gefallen |
     lass mir das nicht gefallen | aufstand | riesenaufstand | riesentheater | riesenszene | szene machen | theater machen |
     mach ~ szene | mach ~ theater | moch ~ theater | moch ~ szene | moch an aufstand | mach an aufstand |
     i schwor wenn | ich schwor wenn | ich schwore wenn | i schwors | ich schwore euch | ich schwor euch | schwore ~ wenn |
     wehe ihr | wehe wenn | wehe euch | wehe ich | wehe sie | und wehe | gnade euch | gnade ihnen | macht euch auf ~ gefasst |
     machen sie sich auf ~ gefasst | warm anziehen | zieht euch warm an | ziehen sie sich warm an | nicht mit mir |
     wird teuer fur euch | wird teuer fur sie | you will regret | you ll regret | consequences`,
  ),
];

/** Sarcasm that mocks rather than sighs ("Ich bin gerührt", "beeindruckende Leistung"). */
const SARCASM_MORE = cues(
  'sarcasm',
  0.45,
  `bin geruhrt | bin zu tranen geruhrt | ich bin geruhrt | beeindruckende leistung | beeindruckend schnell | starke leistung |
   glanzleistung | meisterleistung | glanzstuck | meisterstuck | tolle leistung | super leistung | klasse leistung |
   ganz grosse leistung | respekt echt | hut ab echt | bravo echt | bravo wirklich | weltklasse service |
   weltklasse support | weltklasse leistung | wirklich weltklasse | echt weltklasse | einfach weltklasse | gut gemacht echt |
   hervorragende arbeit | ausgezeichnete arbeit | gute arbeit echt | applaus | standing ovations | oscarreif | nobelpreis |
   orden verdient | medaille verdient | wie originell | wie uberraschend | welch uberraschung | was fur eine uberraschung |
   wer hatte das gedacht | wer hatte das gedacht | wie kreativ | wow danke | danke fur gar nix | slow clap |
   amazing job`,
);

/** Patterns that mock rather than sigh: two of them, or one with another jab, are contempt. */
export const MOCKERY: ReadonlySet<string> = new Set(SARCASM_MORE.map((c) => c.pattern));

/** Austrian interjections: colour, not complaint ("Oida, mei Handy is weg"); they only add to other cues. */
const INTERJECTION = cues('annoyance', 0.15, `heast | oida | geh bitte | jessas | jessasna`);

/** Sighs ("Puh", "Boah", "Menno"): weak alone, they tip a borderline message into "annoyed". */
const SIGHS = cues('annoyance', 0.2, `puh | pff | pfff | boah | boah ey | mann ey | man ey | menno | och nee | oh mann | ach mann | seufz`);

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
  ...cues(
    'sarcasm',
    0.45,
    `heisst bei euch | heisst bei ihnen | bei euch wohl | bei ihnen wohl | herzlichen gluckwunsch | gluckwunsch |
     na wunderbar | na herrlich | na grossartig | na fein | na spitze | wie praktisch | wie nett | danke fur die hilfe auch |
     verstekt* kamera | versteckt* kamera | wofur ich eigentlich | wofur zahle ich | wofur bezahle ich | wozu zahle ich |
     wozu bezahle ich | fur was zahle ich | fur was bezahle ich | soll das ein scherz | soll das ein witz | ist das ein witz | ein scherz |
     sehr witzig | echt witzig | haha sehr | ganz grosses tennis | grosses tennis | reife leistung | wow einfach | einfach wow | wow echt`,
  ),
];

const THREATS = [
  ...cues(
    'threat:legal',
    0.65,
    `anwalt* | rechtsanwalt* | anwaltin | rechtliche schritte | rechtlichen schritte | juristisch* | gericht | klage |
     verklag* | zeige euch an | zeige sie an | zeig euch an | zeige ich euch an | zeige ich sie an | anzeige gegen |
     strafanzeige gegen | erstatte ich anzeige | ich erstatte anzeige | werde anzeige erstatten | werde ich anzeige | lawyer | sue | legal action | court | zeige euch ~ an | zeige sie ~ an | zeig euch ~ an |
     zeige ihr unternehmen ~ an | zeige die firma ~ an | erstatten anzeige | advokat* | rechtsschutz* | rechtsweg | gerichtlich* | vor gericht | 
     klage ein | mahnbescheid | abmahnung | abmahnen | juristen | rechtsabteilung ~ einschalten | mein anwalt | meinem anwalt |
     meine anwaltin | letzte warnung | letzte frist | setze ihnen eine frist | setze euch eine frist | fristsetzung |
     einschreiben mit ruckschein | schadenersatz einklagen | einklagen | lawsuit | attorney | solicitor`,
  ),
  ...cues(
    'threat:authority',
    0.6,
    `verbraucherzentrale | verbraucherschutz | bundesnetzagentur | bnetza | schlichtungsstelle | schlichtung | ombudsstelle |
     ombudsmann | ombudsman | ombudsfrau | konsumentenschutz | arbeiterkammer | vki | rtr | kassensturz | bafin | finma |
     stiftung warentest | k tipp | ktipp | beobachter | consumer protection | regulator | verbraucherzentralen |
     verbraucherschutzzentrale | rundfunk ~ regulierung | regulierungsbehorde | aufsichtsbehorde | finanzaufsicht |
     finanzmarktaufsicht | fma | bakom | comcom | ombudscom | ombudsstelle der | schlichtungsstelle der | preisuberwacher |
     preisuberwachung | datenschutzbehorde | datenschutzbeauftragt* | landesdatenschutz* | edoeb | 
     europaische verbraucherzentrale | evz | bankenombudsman* | schlichter | wettbewerbszentrale | gewerbeaufsicht |
     handelskammer | wirtschaftskammer | konsumentenforum | frc | acsi | sos konsument | beschwerdestelle |
     melde euch bei | melde sie bei | ich melde das`,
  ),
  ...cues(
    'threat:public',
    0.6,
    `presse | zeitung | bild zeitung | medien | journalist* | offentlich machen | social media | facebook | twitter | instagram |
     tiktok | schlechte bewertung | negative bewertung | einen stern | ein stern | 1 stern | trustpilot | reddit | newspaper |
     google bewertung | bewertung schreiben | schlecht bewerten | uberall erzahlen | allen erzahlen | kronen zeitung | heute zeitung | linkedin | x com | bewertungsportal |
     kununu | verbraucherportal | forum posten | publik machen | an die offentlichkeit | viral`,
  ),
  ...cues(
    'threat:cancel',
    0.45,
    `sonst kundig* | dann kundig* | kundige ich | kundigen wir | werde ich kundigen | werde kundigen | kundige sofort |
     kundige fristlos | fristlos | zur konkurrenz | anbieter wechseln | wechsle den anbieter | kundig i | kundige denn |
     sunst chundig* | denn chundig* | chundi ich | cancel everything | switch provider | kundigung ist raus | keinen cent mehr |
     ich bin weg | bin ich weg | das wars fur mich | das war s fur mich | das war das letzte mal | zum letzten mal bei euch |
     wechsle zur | wechsle zu | wechsel zur | letzte chance | sonst bin ich weg | bin ich raus | ich bin raus |
     kundigung lauft | kundigung ist unterwegs | kundigung geht raus | kundigung geht heute raus | kundige alles | kundige ~ alles |
     kundig ~ alles | chundige alles`,
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
   fantastic | wonderful | lovely | perfect | bravo | herrlich | suuper | lasst grussen | mega | geil | cool | spitzenmassig |
   wunderbar | grandios | phantastisch | wow | chapeau | hervorragend | ausgezeichnet | respekt | hut ab`,
);

/** Failure words that turn a positive word sarcastic. */
const FAILURE = cues(
  'failure',
  0,
  `nichts | nix | nut | nuet | kein | keine | nicht | ned | nid | nod | nie | immer noch | schon wieder | kaputt |
   again | nothing | never | still | not | no | abgebucht | ausgefallen | weg | auch noch | ganz weg | gar nichts | tot |
   wieder | nochmal | zu viel | mahnung | mahngebuhr | storung | gesperrt | ohne | falsch | falsche | kaputt | tot |
   aufgegeben | hinuber | defekt | futsch | im eimer`,
);

/** Things went well: a "super" next to "wieder" is then sincere ("Toll, jetzt geht es wieder"). */
const RESOLVED = cues(
  'resolved',
  0,
  `geht wieder | geht es wieder | gehts wieder | funktioniert wieder | funktioniert jetzt | lauft wieder | klappt wieder |
   hat geklappt | hat funktioniert | geholfen | gelost | behoben | works again | working again | fixed | lauft super |
   lauft gut | lauft prima | alles gut | alles super | alles bestens | passt alles | passt jetzt | funktioniert super |
   kann nicht klagen | kann ich nicht klagen | zufrieden | erledigt | all good | wieder da | wieder online | wieder verfugbar |
   wieder ok | wieder okay | wieder in ordnung | wieder normal | back online | fehler ist weg | problem ist weg |
   storung ist weg | fehler ~ behoben | problem ~ behoben | alles wieder`,
);

/** Politeness softens only the weakest evidence; "annoyed but civil" remains annoyed. */
const POLITE = cues(
  'polite',
  0,
  `bitte | danke | dankeschon | vielen dank | mit freundlichen grussen | freundliche grusse | liebe grusse | lg | mfg |
   konnten sie | wurden sie | waren sie so nett | entschuldigung | entschuldigen sie | sorry | please | thank you | thanks |
   merci | gern | gerne | im voraus`,
);

/** An emergency (loss, theft, fraud): capitals then carry urgency, not anger. */
const URGENT = cues(
  'urgent',
  0,
  `gestohlen | geklaut | gklaut | gstohle | verloren | verlore | weg | sperren | sperre | sperrt | blockieren | dringend |
   notfall | hilfe | sos | gehackt | betrug | missbrauch | stolen | lost | urgent | emergency | help | block`,
);

/**
 * Kinds of anger the older lists lacked: "shut up" said to the bot or the staff, losing control ("ich raste aus"),
 * accusing the company of indifference, lies or greed, and mock titles ("ihr Genies"). Irate on their own.
 */
const HOSTILITY = [
  ...cues(
    'insult',
    0.7,
    `halt s maul | halts maul | halt dein maul | halt die fresse | halts fresse | halt die schnauze | halt die gosch* |
     halt di gosch* | halt d gosch* | halt die pappn | halt d pappn | halt d schnurre | halt dini schnurre | heb d schnurre |
     hebed d schnurre | halt de latz | halten sie ~ klappe | halten sie ~ maul | halten sie ~ mund | haltet ~ klappe |
     haltet ~ maul | haltet ~ fresse | halt ~ klappe | halt ~ maul | halt ~ fresse | maul halten | fresse halten | schnauze halten | klappe halten | shut up | shut the |
     ihr genies | sie genie | ihr experten | ihr profis | ihr helden | ihr spezialisten | ihr schlaumeier | ihr witzbolde |
     ihr komiker | ihr spassvogel | ihr vogel | ihr pappnasen | ihr marchenerzahler | ihr lugner | ihr heuchler |
     ihr geldeintreiber | ihr halsabschneider | ihr gauner | ihr schlafmutzen | ihr schnarchnasen | ihr luschen |
     ihr pfeifen | ihr nasen | ihr heinis | ihr heinzelmannchen | ihr pfuscher | ihr chaoten | ihr stumper | ihr kasper* |
     du pfeife | dir pfeife | sie pfeife | so eine pfeife | so ne pfeife | du flasche | sie flasche | ihr flaschen |
     so eine flasche | so ne flasche | du nulpe | sie nulpe | ganz bache | nod ganz bache | nid ganz bache |
     nicht ganz gebacken | alle tassen im schrank`,
  ),
  ...cues(
    'contempt',
    0.7,
    `einen dreck | an dreck | en dreck | einen scheiss | an scheiss | en scheiss | einen feuchten* | an feichtn | einen kehricht |
     scheissegal | scheiss egal | schnurzegal | schnurzpiepegal | piepegal | wurschtegal | furzegal | haut egal |
     lugner* | marchenerzahler* | marchenstunde | lugenmarchen | lugen sie | lugt ihr | ihr lugt | sie lugen | lugen ~ an |
     angelogen | belogen | anlugen | verlogen* | heuchler* | heuchelei | scheinheilig* | krokodilstranen |
     wollen ~ nur ~ geld | wollt ~ nur ~ geld | wollen ~ nur abkassieren | wollt ~ nur abkassieren | geht ~ nur ums geld |
     nur auf mein geld | nur aufs geld | nur ums geld | nur am geld | geldgeil* | geldgierig* | raffgierig* | abkassieren |
     kassieren ab | kassiert ~ ab | ausnehmen wie | nimmt ~ aus wie | melkkuh | lying | liars | liar | don t give a |
     machen sie ~ doch allein | macht ~ doch allein | macht ~ doch alleine | machen sie ~ doch alleine | euren mist |
     ihren mist | euer mist | ihr mist | euren scheis | ihren scheis | wie den letzten dreck | wie der letzte dreck |
     wie dreck | wie ein stuck dreck | wie vieh | wie idioten | wie deppen | wie bittsteller | wie menschen zweiter klasse |
     wie kunden zweiter klasse | wie den letzten deppen | wie den letzten idioten`,
  ),
  ...cues(
    'anger',
    0.65,
    `raste ich aus | rast ich aus | raste ~ aus | rast ~ aus | rastet ~ aus | drehe durch | dreh durch | drehe ~ durch |
     dreh ~ durch | drehe ich durch | dreh ich durch | werde wahnsinnig | werd wahnsinnig | werde noch wahnsinnig |
     werd narrisch | werd no narrisch | wird narrisch | werd deppat | explodiere | explodier | platze gleich | ich platze |
     platzt mir | reisst mir | reisst der geduldsfaden | geht mir der hut hoch | hutschnur | brennt die sicherung |
     brennen die sicherungen | sicherung durch | verliere die beherrschung | verliere ~ nerven | bin auf hundert |
     bin auf achtzig | chume id saft | chum id saft | chume in saft | bin im saft | wird zum tier | werd zum tier |
     kriege die krise | krieg die krise | krieg zuviel | krieg zu viel | kriege zu viel | kriege zuviel | losing my mind |
     going to lose it | gonna lose it | sick and tired | tired of your | had enough | reicht ~ endgultig |
     reichts ~ endgultig | reicht s ~ endgultig | langt ~ endgultig | endgultig genug | endgultig die nase | werfe ~ an die wand | schmeiss ~ an die wand | schmeisse ~ an die wand |
     werfe ~ aus dem fenster | schmeiss ~ aus dem fenster | schmeisse ~ aus dem fenster | fliegt ~ aus dem fenster |
     was erlauben sie sich | was erlaubt ihr euch | erlauben sie sich eigentlich | was fallt ihnen ein | was fallt euch ein |
     wie konnen sie es wagen | wie konnt ihr es wagen | wie konnen sie sich erlauben | wie konnt ihr euch erlauben |
     ist diebstahl | ist ~ diebstahl | ist notigung | ist ~ notigung | ist erpressung | ist ~ erpressung | ist raub |
     ist ~ raub | wucher | wucherpreis* | halsabschneiderei | raubritter* | mafiamethoden | mafia methoden | diebesbande`,
  ),
  // Telling everyone, claiming damages: threats, irate on their own.
  ...cues(
    'threat:public',
    0.62,
    `sage allen | erzahle allen | erzahl allen | erzahl ~ uberall | erzahle ~ uberall | verbraucherschutz* | allen meinen freunden | allen freunden | im freundeskreis erzahlen |
     im bekanntenkreis | jeder erfahrt | jeder erfahren | alle erfahren | dafur sorgen dass ~ erfahrt | warne alle |
     warne jeden | warnen alle | werde ~ alle warnen | werde ~ jeden warnen | von euch abraten | von ihnen abraten |
     jedem abraten | allen abraten`,
  ),
  ...cues(
    'threat:legal',
    0.62,
    `fordere ~ schadenersatz | fordere ~ schadensersatz | verlange ~ schadenersatz | verlange ~ schadensersatz |
     mache ~ schadenersatz geltend | mache ~ schadensersatz geltend | schadenersatzforderung | schadensersatzforderung`,
  ),
  // Accusing the company of not caring: as hostile as an insult.
  ...cues(
    'anger',
    0.6,
    `ist ihnen egal | ist euch egal | ist ihnen ~ egal | ist euch ~ egal | ist ihnen ~ wurscht | ist euch ~ wurscht |
     ist ihnen ~ wurst | ist euch ~ wurst | ist ihnen ~ schnuppe | ist euch ~ schnuppe | ist ihnen ~ gleichgultig |
     ist euch ~ gleichgultig | frachheit | frechheit | lah mir das numme gfalle | lasse mir das nicht mehr gefallen |
     lass mir das nimmer gfallen | numme gfalle | nimmer gefallen | nicht langer gefallen | nicht mehr gefallen |
     is eich wurscht | is ihna wurscht | is eich egal | isch eu egal | isch ene egal | isch eu glich | isch ene glich`,
  ),
  // Not caring, fobbing off, paying for nothing: annoyed, irate with anything stronger.
  ...cues(
    'anger',
    0.5,
    `interessiert sie nicht | interessiert euch nicht | interessiert ~ offenbar nicht | interessiert ~ wohl nicht |
     interessiert ~ niemanden | interessiert keinen | kummert sie nicht | kummert euch nicht | kummert ~ niemanden |
     kummert keinen | juckt euch nicht | juckt sie nicht | juckt ~ niemanden | juckt keinen | verschaukelt | verschaukeln |
     veraeppelt | veraeppeln | verapelt | verapeln | verkackeiert | vergackeiert | verhohnepipelt | verkohlt | verkohlen |
     fur dumm verkauft | fur dumm verkaufen | fur blod verkauft | fur blod verkaufen | fur dumm halten | fur blod halten |
     halten mich fur | haltet mich fur | abgespeist | abspeisen | abzuspeisen | abgefertigt | abgewurgt | abwimmeln | abzuwimmeln |
     you don t care | nobody cares | no one cares`,
  ),
];

/**
 * Quieter annoyance: no more patience or wish to go on ("keine Lust mehr", "null Bock"), help worth nothing
 * ("hilft null"), feeling badly treated, hurry, a robot instead of a person, wishy-washy quality ("mau").
 */
const DISCONTENT = [
  ...cues(
    'annoyance',
    0.4,
    `langt s | mir langt | langt mir | reicht s | glangt s | taking forever | takes forever | took forever |
     hinterhertelefonier* | hinterher telefonieren | hinterherlaufen | hinterher laufen | hinterherrennen | hinterher rennen |
     hinterherschreiben | hinterherrenne* | nachtelefonieren | anders zugesagt | anders zugesichert | was anderes zugesagt | etwas anderes zugesagt | anders gesagt bekommen |
     zahle ~ fur ~ kaum | bezahle ~ fur ~ kaum | zahle ~ fur nichts | bezahle ~ fur nichts | zahle ~ fur nix |
     zahle ~ und bekomme ~ nicht | zahle ~ und kriege ~ nicht | zahle ~ und bekomme ~ kein* |
     verliere ~ lust | vergeht ~ lust | lust vergangen | vergeht mir | noch ein einziges mal | noch ein einziges mol |
     horen sie auf mit | horen sie auf mich | hort auf mit | hort auf mich | versteht ~ gar nichts | verstehen ~ gar nichts |
     versteht ~ uberhaupt nichts | verstehen ~ uberhaupt nichts | versteht ~ gar nix | not ok | not okay | been waiting |
     keine lust mehr | kei lust meh | ka lust mehr | koa lust mehr | null bock | kein bock mehr | ka bock mehr | koan bock |
     keinen nerv mehr | keine nerven mehr | kei nerv meh | han gnueg | hob gnua | ich habe es satt |
     hilft ~ null | null weiter | bringt ~ null | null hilfe | null komma nichts | hilft ~ gar nicht | hilft ~ uberhaupt nicht |
     hilft ~ kein stuck | bringt ~ kein stuck | nutzt ~ null | bringt mir gar nichts |
     schlecht informiert | schlecht beraten | schlecht behandelt | schlecht betreut | falsch behandelt |
     fuhle mich ~ schlecht | fuhle mich ~ allein | fuhle mich ~ verarscht | fuhle mich ~ nicht ernst | nicht ernst genommen |
     nicht ernstgenommen | fuhle mich ~ abgewimmelt | fuhle mich ~ veraeppelt | fuhle mich ~ ubergangen | ubergangen |
     komme mir ~ vor wie | kome mir ~ vor wie | ganz anders erklart | ganz anders gesagt | ganz anders gesagt bekommen |
     anders erklart bekommen | anders versprochen | nur noch ein roboter | nur noch roboter | nur noch bots | nur noch ein bot |
     nur noch maschinen | nur noch automaten | kein mensch mehr | keine menschen mehr | mit maschinen reden | beeilen sie sich |
     beeilen | beeilung | bisschen schneller | bitzli schneller | e bizeli schneller | bissl schneller | geht das ~ schneller |
     gehts ~ schneller | mach schneller | machen sie schneller | zackig | dalli | hopp hopp |
     wrote already | already wrote | already written | written already | asked already | already asked | why nobody |
     why no one | why does nobody | nobody answer | no one answer | nobody helps | again and again | how many times |
     keeps happening | not again`,
  ),
  ...cues(
    'annoyance',
    0.3,
    `mau | durftig | lausig | nicht das gelbe vom ei | lasst zu wunschen ubrig | lasst ~ zu wunschen ubrig |
     last zu wunschen | ging schon besser | schlechter geworden | immer schlechter |
     three times | 3 times | several times | many times | multiple times | nicht glucklich | nicht so glucklich |
     nicht wirklich glucklich | nicht sehr glucklich | mehr kulanz | mir mehr ~ erwartet | mehr entgegenkommen | unglucklich mit | mir ~ zu blod | mir ~ zu dumm | mir ~ zu bled | mir ~ zu deppert |
     ma ~ zu blod | ma ~ zu bled | mer ~ zu blod | mer ~ zu dumm`,
  ),
];

export const FRUSTRATION_CUES: readonly Cue[] = [
  ...HOSTILITY,
  ...DISCONTENT,
  ...URGENT,
  ...INSULTS,
  ...SWEARING,
  ...ANGER,
  ...ANNOYANCE,
  ...INTERJECTION,
  ...SIGHS,
  ...UNHELPED,
  ...SARCASM,
  ...SARCASM_MORE,
  ...THREATS,
  ...THREATS_MORE,
  ...BOT_ABUSE,
  ...CONTEMPT,
  ...EXASPERATION,
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
   visa amex mbit gb mb kb iphone ios atm sbb obb db iban ps psn xbox fritzbox dringend wichtig achtung notfall hilfe bitte
   rtl orf srf ard zdf sat ntv vox arte sky dazn hbo mtv bbc cnn zdf prosieben orf1 orf2 srf1 nfl nba gmx web aol dsgvo
   bafin finma rtr vki bnetza adac ikea apple google amazon paypal klarna sepa swift pdf jpg otp pin`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Cursing face and middle finger: as strong as a swear word. */
export const CURSING_EMOJI = /[\u{1F92C}\u{1F595}]/u;
/** Censored swearing ("Sch***", "f*ck", "A***loch"): the customer swore and then covered it. Masked numbers do not count. */
export const CENSORED_SWEAR = /(^|[^\p{L}\d])(\p{L}{2,6}\*{2,}\p{L}{0,6}|\p{L}\*{2,}\p{L}{2,6}|f\*+c?k\p{L}*)(?=[^\p{L}\d*]|$)/iu;
/** Text emoticons of annoyance (-.- -_- :-( :/ ) and anger (>:( ). */
export const ANNOYED_EMOTICON = /(^|\s)(-\.-|-_-|:-?\(+|:-?\/|:'\()(\s|$)/;
export const ANGRY_EMOTICON = /(^|\s)(>:-?\(+|>:-?\[)(\s|$)/;
export const ANGRY_EMOJI = /[\u{1F621}\u{1F92C}\u{1F624}\u{1F47F}\u{1F4A2}\u{1F620}\u{1F595}]/u;
export const ANNOYED_EMOJI = /[\u{1F644}\u{1F612}\u{1F611}\u{1F44E}\u{1F926}\u{1F92F}\u{1F62B}\u{1F629}\u{1F624}]/u;
