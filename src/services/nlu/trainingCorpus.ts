/**
 * Labelled German training corpus for the intent and frustration models, one example per line:
 * `intent|level|text`. Written independently of the development set in eval/ (never copy lines
 * between the two: the dev set measures generalisation). Covers the four kinds of company
 * (mobile, internet, electronics, credit cards), German, Austrian and Swiss writing, English,
 * typos, missing umlauts, sarcasm and anger.
 */
export const TRAINING_CORPUS = `
billing|0|Warum ist meine Rechnung diesen Monat höher als sonst?
billing|0|Ich verstehe einen Posten auf meiner Handyrechnung nicht.
billing|0|Wann wird der Betrag von meinem Konto abgebucht?
billing|0|Können Sie mir die Rechnung für März noch einmal schicken?
billing|0|Mir wurde eine Gebühr von 4,99 € berechnet, wofür ist die?
billing|0|Ich habe doppelt bezahlt, bekomme ich das Geld zurück?
billing|0|Wie kann ich meine Rechnung per Lastschrift bezahlen?
billing|0|Wo sehe ich meine offenen Zahlungen?
billing|0|Die Abrechnung meiner Kreditkarte enthält eine Buchung aus einem Hotel, die schon storniert wurde.
billing|0|Ich habe eine Mahnung bekommen, obwohl ich schon überwiesen habe.
billing|0|Was bedeutet die Position Drittanbieter auf meiner Rechnung?
billing|0|Bis wann muss ich die Rechnung bezahlen?
billing|0|Kann ich die Rechnung in Raten zahlen?
billing|0|Ich möchte eine Rechnung als PDF.
billing|0|wieso wurde mir roaming berechnet, ich war gar nicht im ausland
billing|0|die rechnung stimmt nicht, da sind 20 euro zu viel drauf
billing|0|Rechnung passt ned, da steht a Betrag den i ned kenn
billing|0|Griaß Sie, auf meiner Vorschreibung ist ein Fehler drin.
billing|0|Mini Rächnig isch viel z'höch dä Monet.
billing|0|Wieso han ich zwei Rächnige becho?
billing|0|Ich habe den Einzahlungsschein verloren, können Sie mir einen neuen QR-Code schicken?
billing|0|Wie hoch ist die Jahresgebühr für meine Kreditkarte?
billing|0|Warum wurden mir Zinsen berechnet?
billing|0|Ich warte noch auf meine Rückerstattung für das zurückgeschickte Gerät.
billing|0|Die Gutschrift von letzter Woche ist noch nicht auf meinem Konto.
billing|0|Abbuchung ist zweimal erfolgt, bitte prüfen
billing|0|Why was I charged twice this month?
billing|0|I have a question about my invoice.
billing|0|Can you explain the fees on my bill?
billing|0|Ich hab meine Handyrechnung noch nicht erhalten
billing|0|Wie setzt sich der Betrag auf meiner Internetrechnung zusammen?
billing|0|Kann ich statt Lastschrift auch per Überweisung zahlen?
billing|0|Fremdwährungsgebühr auf meiner Kreditkartenabrechnung ist unklar
billing|0|Der Saldo auf meiner Karte stimmt nicht mit meinen Umsätzen überein.
billing|0|Was kostet die Mahngebühr?
billing|0|Ich wurde für einen Monat berechnet, in dem ich schon gekündigt hatte.
billing|0|meine rechnung is falsch
billing|0|rechnug zu hoch
billing|0|Ich bezahle monatlich, aber die Abbuchung kam diesmal nicht.
billing|0|Warum ist die Lastschrift zurückgegangen?
billing|1|Schon wieder eine falsche Rechnung. Das ist jetzt das dritte Mal.
billing|1|Ich zahle seit Monaten zu viel und niemand kümmert sich darum.
billing|1|Wieso kostet das plötzlich 10 Euro mehr? Davon hat mir keiner was gesagt.
billing|1|Ich habe jetzt zum zweiten Mal eine Mahnung bekommen, obwohl alles bezahlt ist. Langsam nervt es.
billing|2|Ihr bucht einfach Geld ab ohne zu fragen, das ist Abzocke!!!
billing|2|Was für eine Abzocke, 80 Euro für nichts, ihr Betrüger
billing|2|DIE RECHNUNG IST SCHON WIEDER FALSCH
billing|2|Heast, wos is des fia a Rechnung, seid's deppert?
billing|2|Huere Abzocker, ihr hend mir zwöimol abbuecht!
billing|1|Zaster zurück, aber zackig, ihr habt doppelt abgebucht
billing|0|Ich möchte die Kosten der letzten Rechnung verstehen.
billing|0|Was ist die Servicepauschale auf meiner Abrechnung?
billing|0|Warum kostet mein Vertrag jetzt mehr als vereinbart?
billing|0|Wann kommt die Rechnung für meinen neuen Fernseher?
billing|0|Kann ich eine Kopie der Rechnung für die Garantie bekommen?
billing|0|Bitte schicken Sie mir die Rechnungen an meine neue E-Mail-Adresse.
billing|0|Ich möchte einen Betrag zurückbuchen lassen.
billing|0|Muss ich die Mahngebühr bezahlen, wenn die Zahlung nur zwei Tage zu spät war?
billing|0|Ist die Jahresgebühr im ersten Jahr frei?
technical|0|Mein Internet funktioniert seit heute Morgen nicht.
technical|0|Der Router blinkt rot, was bedeutet das?
technical|0|Das WLAN bricht ständig ab.
technical|0|Ich habe kein Netz mit meinem Handy.
technical|0|Meine SIM-Karte wird nicht erkannt.
technical|0|Der Fernseher geht nicht mehr an.
technical|0|Das Display meines Smartphones ist schwarz.
technical|0|Die App stürzt beim Öffnen ab.
technical|0|Ich kann mich nicht in der App einloggen.
technical|0|Wie richte ich die eSIM ein?
technical|0|Mein Akku ist nach zwei Stunden leer.
technical|0|Meine Kreditkarte wird beim Bezahlen im Supermarkt abgelehnt.
technical|0|Kontaktlos zahlen klappt nicht mehr.
technical|0|Ich bekomme den Bestätigungscode für Online-Zahlungen nicht.
technical|0|Die Internetgeschwindigkeit ist viel langsamer als gebucht.
technical|0|Mein Laptop lädt nicht mehr.
technical|0|Die Waschmaschine zeigt Fehler E18 an.
technical|0|Das Update hat mein Handy lahmgelegt.
technical|0|Ich kann keine SMS senden.
technical|0|Anrufe brechen nach ein paar Sekunden ab.
technical|0|mobile daten gehen nicht im ausland
technical|0|wlan passwort vergessen wie kann ich das zurücksetzen
technical|0|Handy is hin, geht nimmer an
technical|0|Mei Internet geht scho wieder ned
technical|0|S Natel hät kei Empfang.
technical|0|Mis Internet gaht nöd, de Router blinkt.
technical|0|De Fernseh tuet nöd.
technical|0|My router keeps restarting.
technical|0|The app shows an error when I log in.
technical|0|My phone has no signal.
technical|0|Die Kopfhörer verbinden sich nicht per Bluetooth.
technical|0|Ich habe meine PIN dreimal falsch eingegeben, jetzt will das Handy den PUK.
technical|0|Der Kühlschrank kühlt nicht mehr richtig.
technical|0|Mein Fernseher hat kein Bild, nur Ton.
technical|0|Wie verbinde ich den Drucker mit dem WLAN?
technical|0|Das Telefon klingelt nicht, wenn mich jemand anruft.
technical|0|Mailbox einrichten, wie geht das?
technical|0|Die Verbindung ist abends total instabil.
technical|0|Kamera vom Handy macht nur unscharfe Bilder.
technical|0|Ich habe ein neues Handy, wie übertrage ich meine Daten?
technical|0|Online-Banking sagt mein Passwort ist falsch.
technical|0|Router zeigt DSL-Fehler an
technical|0|intrnet langsam seit gestern
technical|0|wlan geht nich
technical|0|handy lädt nich mehr
technical|1|Mein Internet ist schon wieder weg, zum dritten Mal diese Woche.
technical|1|Seit zwei Wochen funktioniert das WLAN nicht und niemand hilft mir.
technical|1|Der Techniker war schon zweimal da und es geht immer noch nicht.
technical|1|Das hilft mir nicht, ich habe den Router schon hundertmal neu gestartet.
technical|2|Verdammte Scheiße, das Internet ist SCHON WIEDER tot!!!
technical|2|Euer Drecks-Router ist der letzte Mist, nix funktioniert!
technical|2|Oida, des Handy is urgschissen, nach zwa Wochen hin, so a Schas
technical|2|Gopfertami, s Internet gaht scho wieder nöd, ihr Tubel!
technical|1|Ich zahle für 100 Mbit und bekomme 5. Das ist nicht akzeptabel.
technical|0|Mein Display hat einen Riss, kann das repariert werden?
technical|0|Wie lange dauert eine Reparatur?
technical|0|Das Gerät hat einen Wackelkontakt beim Ladekabel.
technical|0|Bildschirm flackert nach dem Update
technical|0|Die Fernbedienung reagiert nicht.
technical|0|Kann man das Tablet auf Werkseinstellungen zurücksetzen?
technical|0|Mein Handy ist ins Wasser gefallen und geht nicht mehr an.
general|0|Wann haben Sie geöffnet?
general|0|Wie lange läuft mein Vertrag noch?
general|0|Ich möchte meinen Vertrag kündigen.
general|0|Was ist die Kündigungsfrist?
general|0|Wo ist meine Bestellung?
general|0|Wann wird mein Paket geliefert?
general|0|Wo finde ich meine Vertragsunterlagen?
general|0|Welche Tarife haben Sie?
general|0|Was kostet das Roaming in der Schweiz?
general|0|Gibt es eine Filiale in Graz?
general|0|Wie lange habe ich Garantie auf meinen Laptop?
general|0|Kann ich das Gerät zurückgeben?
general|0|Wie funktioniert die Rufnummernmitnahme?
general|0|Kann ich meinen Internetanschluss beim Umzug mitnehmen?
general|0|Wie erhöhe ich das Limit meiner Kreditkarte?
general|0|Wie sammle ich Bonuspunkte?
general|0|Ist eine Reiseversicherung bei der Kreditkarte dabei?
general|0|Wie kann ich mein Prepaid-Guthaben aufladen?
general|0|Gibt es eine Flatrate fürs Ausland?
general|0|Wann kann ich meinen Vertrag verlängern?
general|0|Haben Sie ein Angebot für ein neues Handy?
general|0|Wie bekomme ich mehr Datenvolumen?
general|0|Wo finde ich die AGB?
general|0|Kann ich einen Termin in der Filiale buchen?
general|0|Welche Öffnungszeiten hat die Hotline am Wochenende?
general|0|Wie ist meine Kundennummer?
general|0|Sendungsnummer für meine Bestellung bitte
general|0|wie lange dauert die lieferung
general|0|wann kommt der techniker für den anschluss
general|0|kundigungsfrist handyvertrag?
general|0|Wia lang lauft mei Vertrag no?
general|0|Wo is mei Packerl?
general|0|Wänn händ Sie offe?
general|0|Wie lang gaht min Vertrag no?
general|0|Wo isch mis Päckli?
general|0|When are you open?
general|0|How do I cancel my contract?
general|0|Where is my order?
general|0|Do you ship to Austria?
general|0|Gibt es den Fernseher auch in 55 Zoll?
general|0|Ist das Handy mit Dual-SIM erhältlich?
general|0|Wie mache ich einen Widerruf?
general|0|Wie funktioniert die Garantieabwicklung?
general|0|Welche Kreditkarte passt zu mir?
general|0|Brauche ich für Zahlungen im Ausland eine PIN?
general|0|Bieten Sie auch Glasfaser in meiner Straße an?
general|0|Wie lange dauert es, bis mein Anschluss freigeschaltet wird?
general|0|Kann ich online einen Termin vereinbaren?
general|0|Wie kann ich eine Zweitkarte beantragen?
general|0|Wie beantrage ich eine neue Kreditkarte?
general|0|Wie viel kostet der Tarif mit 20 GB?
general|0|Wo finde ich meinen Einzelverbindungsnachweis?
general|1|Ich will kündigen. Ich habe genug von eurem Verein.
general|1|Wo bleibt meine Bestellung? Ich warte seit drei Wochen!
general|2|Wo ist mein verdammtes Paket, ihr Schlafmützen?!
general|1|Seit 10 Tagen keine Lieferung, was soll das?
general|2|ICH WILL SOFORT AUS DIESEM VERTRAG RAUS!!!
general|0|Gibt es einen Studentenrabatt?
general|0|Kann ich mein Abo pausieren?
technical|0|Wie schalte ich die Mailbox ab?
general|0|Wie funktioniert die Cashback-Funktion der Karte?
general|0|Was ist der Unterschied zwischen Debit- und Kreditkarte?
lost_or_stolen|0|Meine Kreditkarte wurde gestohlen.
lost_or_stolen|0|Ich habe mein Handy verloren, bitte die SIM sperren.
lost_or_stolen|0|Bitte sperren Sie meine Karte.
lost_or_stolen|0|Mein Portemonnaie mit allen Karten ist weg.
lost_or_stolen|0|Man hat mir gestern in der U-Bahn das Handy geklaut.
lost_or_stolen|0|Ich finde meine Kreditkarte nicht mehr.
lost_or_stolen|0|Ich glaube, ich habe meine Karte im Restaurant liegen lassen.
lost_or_stolen|0|Handy gestohlen, was muss ich tun?
lost_or_stolen|0|Mein Smartphone wurde mir aus der Tasche gezogen.
lost_or_stolen|0|Karte verloren
lost_or_stolen|0|Wie sperre ich meine SIM-Karte, mein Telefon ist weg?
lost_or_stolen|0|Auf meiner Kreditkarte sind Abbuchungen, die ich nicht gemacht habe.
lost_or_stolen|0|Jemand hat mit meiner Karte online eingekauft, das war nicht ich.
lost_or_stolen|0|Ich bin Opfer eines Taschendiebstahls geworden, meine Bankkarte und mein Handy sind weg.
lost_or_stolen|0|Bei uns wurde eingebrochen, der Laptop und die Kreditkarte sind gestohlen.
lost_or_stolen|0|Mei Handy is gstohln worden.
lost_or_stolen|0|I hob mei Bankomatkarte verlorn.
lost_or_stolen|0|Mir hams des Handy gfladert.
lost_or_stolen|0|Mis Natel isch gstohle worde.
lost_or_stolen|0|Ich ha mis Chärtli verlore.
lost_or_stolen|0|Mini Kreditkarte isch weg, chönd Sie sie sperre?
lost_or_stolen|0|My credit card was stolen.
lost_or_stolen|0|I lost my phone, please block the SIM.
lost_or_stolen|0|Please block my card immediately.
lost_or_stolen|0|kreditkarte geklaut bitte sperren
lost_or_stolen|0|handy weg
lost_or_stolen|0|karte gestolen
lost_or_stolen|0|hab mein handy im zug vergessen
lost_or_stolen|0|Mein Geldbeutel wurde gestohlen, da war die Kreditkarte drin.
lost_or_stolen|0|Meine Karte ist im Automaten stecken geblieben und nicht mehr herausgekommen.
lost_or_stolen|0|Ich habe eine verdächtige SMS bekommen und meine Kartendaten eingegeben, was nun?
lost_or_stolen|0|Bitte sofort die Karte sperren, ich wurde überfallen.
lost_or_stolen|0|Wie kann ich mein verlorenes Handy orten und sperren lassen?
lost_or_stolen|0|Ich möchte meine SIM sperren lassen, das Telefon ist verschwunden.
lost_or_stolen|0|Meine Tochter hat ihr Handy verloren, es läuft auf meinen Vertrag.
lost_or_stolen|0|Ersatzkarte nach Diebstahl beantragen
lost_or_stolen|0|Unbekannte Buchungen auf meiner Visa, bitte Karte blockieren.
lost_or_stolen|0|Jemand hat meine Kartendaten missbraucht.
lost_or_stolen|0|Mein iPhone wurde am Bahnhof entwendet.
lost_or_stolen|0|Das Tablet ist aus dem Auto gestohlen worden, da ist eine SIM von Ihnen drin.
lost_or_stolen|1|Mein Handy wurde geklaut und ich erreiche seit einer Stunde niemanden. Bitte helfen Sie endlich!
lost_or_stolen|2|Verdammt, meine Karte ist weg und eure Hotline geht nicht ran!!!
lost_or_stolen|2|KARTE GESTOHLEN SOFORT SPERREN!!!
lost_or_stolen|1|Zum zweiten Mal frage ich: Wie sperre ich meine gestohlene Karte???
lost_or_stolen|0|Handy verloren, kann ich die Nummer behalten?
lost_or_stolen|0|Ich bräuchte eine neue SIM, weil mein Handy gestohlen wurde.
lost_or_stolen|0|Karte gestohlen und jemand hat schon 500 Euro abgehoben.
lost_or_stolen|0|Mir ist die Brieftasche abhandengekommen.
lost_or_stolen|0|Grüß Gott, mei Geldbörse is weg mit da Kreditkartn drin.
lost_or_stolen|0|Grüezi, ich glaub mis Portemonnaie isch gstohle worde, mit de Charte.
data_change|0|Ich bin umgezogen und möchte meine Adresse ändern.
data_change|0|Bitte ändern Sie meine Bankverbindung.
data_change|0|Ich habe geheiratet und heiße jetzt anders.
data_change|0|Meine E-Mail-Adresse hat sich geändert.
data_change|0|Wie kann ich meine Telefonnummer aktualisieren?
data_change|0|Neue IBAN: bitte für die Lastschrift hinterlegen.
data_change|0|Mein Name ist falsch geschrieben.
data_change|0|Ich möchte die Rechnungsadresse ändern.
data_change|0|Die Lieferadresse für meine Bestellung soll geändert werden.
data_change|0|Ich habe ein neues Konto, wohin schicke ich die Kontodaten?
data_change|0|Bitte meine Handynummer in den Kontaktdaten ändern.
data_change|0|Können Sie meine neue Anschrift eintragen?
data_change|0|Ich ziehe nächsten Monat nach München.
data_change|0|adresse ändern bitte
data_change|0|neue email hinterlegen
data_change|0|bankdaten aktualisieren
data_change|0|Mei neiche Adress is Hauptstraße 5 in Linz.
data_change|0|I bin umzogn, wia ändere i d'Adress?
data_change|0|Ich bi zügelt, bitte Adrässe ändere.
data_change|0|Ich möcht mini Bankverbindig ändere.
data_change|0|I moved, please update my address.
data_change|0|I need to change my bank details.
data_change|0|Please update my email address.
data_change|0|Mein Nachname hat sich nach der Scheidung geändert.
data_change|0|Das Geburtsdatum in meinem Kundenkonto ist falsch.
data_change|0|Bitte die Lastschrift auf mein neues Konto umstellen.
data_change|0|Ich möchte meine persönlichen Daten ändern.
data_change|0|Wie ändere ich die hinterlegte Mobilnummer für die Kreditkarte?
data_change|0|Die Postleitzahl in meiner Adresse ist falsch.
data_change|0|Korrigieren Sie bitte meinen Vornamen.
data_change|1|Ich habe meine Adresse schon zweimal geändert und trotzdem kommt die Post an die alte.
data_change|1|Wie oft muss ich euch noch meine neue Bankverbindung schicken?
data_change|2|Zum VIERTEN MAL: meine Adresse hat sich geändert!!! Lest ihr eigentlich?
data_change|0|Meine neue Adresse lautet Bahnhofstrasse 12, 8001 Zürich.
data_change|0|Können Sie die Kontaktperson im Vertrag ändern?
data_change|0|Ich möchte eine andere E-Mail für die Rechnungen angeben.
data_change|0|Wo kann ich meine Stammdaten ändern?
data_change|0|Umzug: bitte neue Anschrift ab 1. Mai übernehmen.
data_change|0|Meine Telefonnummer ist nicht mehr aktuell.
data_change|0|Die IBAN hat sich geändert, ich bin zu einer anderen Bank gewechselt.
data_change|0|bitte namen ändern, hab geheiratet
complaint|0|Ich möchte mich über Ihren Kundenservice beschweren.
complaint|0|Ich möchte eine Beschwerde einreichen.
complaint|0|Der Techniker ist nicht zum vereinbarten Termin gekommen.
complaint|0|Ihre Mitarbeiterin am Telefon war sehr unfreundlich.
complaint|0|Ich bin mit der Bearbeitung meiner Reklamation nicht zufrieden.
complaint|0|Ich warte seit vier Wochen auf eine Antwort auf meine E-Mail.
complaint|0|Ich möchte das Gerät reklamieren.
complaint|0|Wie kann ich mich offiziell beschweren?
complaint|0|I want to file a complaint.
complaint|0|Ich möchte eine Entschädigung für den Ausfall letzte Woche.
complaint|0|Mir wurde ein Rückruf versprochen, der nie kam.
complaint|1|Ich bin wirklich enttäuscht von Ihrem Service.
complaint|1|Man wird bei Ihnen nur vertröstet.
complaint|1|Ich hänge seit 45 Minuten in der Warteschleife.
complaint|1|Das ist nicht der Service, den ich erwarte.
complaint|1|Ich möchte mich beschweren, ich werde ständig hingehalten.
complaint|2|Ihr seid der schlechteste Laden überhaupt, ich gehe zur Verbraucherzentrale!
complaint|2|Das ist eine bodenlose Frechheit, ich schalte meinen Anwalt ein.
complaint|2|Was für ein Saftladen. Unfähig, alle miteinander.
complaint|2|Sie sind ja komplett inkompetent, unglaublich!
complaint|2|So a Sauhaufen, i geh zur Arbeiterkammer!
complaint|2|Ihr sind en Sauhuufe, ich gang zum Kassensturz!
complaint|1|Ich möchte mich über die lange Wartezeit beschweren, das geht so nicht.
complaint|2|Ich melde das der Bundesnetzagentur, das ist ja nicht mehr auszuhalten!
complaint|0|Ich möchte eine schriftliche Beschwerde über den Verkäufer in der Filiale abgeben.
complaint|0|Der Kurier hat das Paket einfach vor die Tür gestellt, das möchte ich beanstanden.
complaint|1|Ihr Mitarbeiter hat mir falsche Auskünfte gegeben.
complaint|0|Ich will mi beschwern.
complaint|0|I möcht a Beschwerde einlegen.
complaint|0|Ich wett mi beschwere.
complaint|1|Ich bi gar nöd zfriede mit eurem Service.
complaint|0|Your service is not acceptable, I want to complain.
complaint|1|Niemand ruft zurück, niemand antwortet, so geht man nicht mit Kunden um.
complaint|1|Ich habe dreimal angerufen und jedes Mal etwas anderes gehört.
complaint|2|Ihr seid doch alle Verbrecher, ich gehe an die Presse!
complaint|0|Bei der Installation wurde meine Wand beschädigt, ich möchte das melden.
complaint|1|Das Verhalten Ihres Technikers war unmöglich.
complaint|0|Beschwerde wegen Lieferverzögerung
complaint|1|Reklamation: der Ersatz ist genauso defekt wie das Original, schon wieder.
complaint|0|Ich bin mit der Beratung im Shop sehr unzufrieden.
complaint|2|Ich bin stinksauer auf euren Kundendienst, ihr seid die Letzten!
complaint|1|Seit Monaten Probleme und kein Mensch interessiert sich dafür. Ich bin enttäuscht.
complaint|0|Ich möchte Feedback zu meinem letzten Telefonat geben, das war nicht in Ordnung.
human|0|Ich möchte mit einem Mitarbeiter sprechen.
human|0|Bitte verbinden Sie mich mit einem Menschen.
human|0|Kann ich mit einer echten Person reden?
human|0|Mitarbeiter bitte
human|0|Ich hätte gern einen Kundenberater.
human|0|Gibt es jemanden, mit dem ich sprechen kann?
human|0|Bitte rufen Sie mich zurück.
human|0|Ich brauche einen Sachbearbeiter für meinen Fall.
human|0|Ich möchte lieber mit einem Menschen chatten.
human|0|Können Sie mich weiterleiten?
human|0|I want to talk to a human.
human|0|Agent please
human|0|Can I speak to a real person?
human|0|Connect me to a representative.
human|0|I möcht mit an Mitarbeiter redn.
human|0|Kann i bitte mit wem Echtem redn?
human|0|Chan ich bitte mit emne Mitarbeiter rede?
human|0|Ich wett gern mit emne Mensch schwätze.
human|0|Mensch
human|0|Mitarbeiterin bitte
human|0|Berater bitte
human|0|Bitte stellen Sie mich zu Ihrem Vorgesetzten durch.
human|0|Ich möchte mit Ihrem Supervisor sprechen.
human|0|Ich will einen Rückruf von einem Kundenberater.
human|0|Kein Bot bitte, ich will einen Menschen.
human|0|Ich möchte das lieber persönlich am Telefon klären.
human|0|Wer ist für meinen Vertrag zuständig? Den möchte ich sprechen.
human|0|Gibt es auch einen Live-Chat mit Mitarbeitern?
human|1|Ich will jetzt endlich mit einem Menschen sprechen!
human|1|Hören Sie auf mit den Fragen, geben Sie mir einen Mitarbeiter.
human|1|Ich rede nicht mit einer Maschine. Mitarbeiter, jetzt.
human|2|ICH WILL EINEN MENSCHEN SPRECHEN, SOFORT!!!
human|2|Holt mir euren Chef, ihr Idioten!
human|2|Scheiß Bot, gib mir einen echten Menschen!
human|2|Heast, gib ma an Menschen, du depperte Maschin!
human|2|Gopfridstutz, ich wott en Mensch und kei Maschine!
human|1|Du verstehst mich nicht. Bitte einen Mitarbeiter.
human|0|Können Sie mir einen Termin für einen Rückruf geben?
human|0|Ich möchte mit der Beschwerdeabteilung telefonieren, bitte verbinden.
human|0|Ich brauch einen Menschen, der mir das erklärt.
human|0|Kann mich bitte jemand anrufen?
human|0|Bitte an einen Kollegen übergeben.
human|0|Ist ein Mitarbeiter verfügbar?
human|1|Ich möchte sofort einen Vorgesetzten sprechen, das dauert alles zu lange.
greeting|0|Hallo
greeting|0|Guten Tag
greeting|0|Guten Morgen!
greeting|0|Hi
greeting|0|Servus
greeting|0|Grüß Gott
greeting|0|Grüezi
greeting|0|Grüezi mitenand
greeting|0|Moin
greeting|0|Hallo zusammen
greeting|0|Guten Abend, ist da jemand?
greeting|0|Hey
greeting|0|Hello
greeting|0|Good morning
greeting|0|Servas!
greeting|0|Hoi
greeting|0|Salü
greeting|0|Griaß di
greeting|0|Hallo, wie geht's?
greeting|0|Tschüss
greeting|0|Danke, auf Wiedersehen
greeting|0|Vielen Dank!
greeting|0|hallo?
greeting|0|hallooo
greeting|0|Guten Tag liebes Team
greeting|0|Hallo Lotse
greeting|0|Merci vilmal
greeting|0|Danke schön
greeting|0|Bye
greeting|0|Hi there
greeting|0|Tach
greeting|0|Ciao
greeting|0|Habe die Ehre
greeting|0|Einen schönen Tag noch
other|0|Wie wird das Wetter morgen?
other|0|Erzähl mir einen Witz.
other|0|Wer hat gestern im Fußball gewonnen?
other|0|asdfgh
other|0|😀😀😀
other|0|👍
other|0|???
other|0|...
other|0|Was ist der Sinn des Lebens?
other|0|Ich suche ein Rezept für Apfelkuchen.
other|0|Wie heißt die Hauptstadt von Australien?
other|0|test
other|0|blabla
other|0|Kannst du mir bei meinen Hausaufgaben helfen?
other|0|Bist du verheiratet?
other|0|What's the capital of France?
other|0|lol
other|0|Meine Katze hat Hunger.
other|0|Wann fährt der nächste Zug nach Bern?
other|0|Ich will eine Pizza bestellen.
other|0|kjhkjh lkjlkj
other|0|Was hältst du von Politik?
other|0|Schreib mir ein Gedicht über den Frühling.
other|0|Wos geht?
other|0|Spielst du Schach?
other|0|Ich heiße Peter.
other|0|Was ist 5 mal 7?
other|0|Wie spät ist es?
other|0|Welcher Tag ist heute?
other|0|🤷
other|0|ok
other|0|ja
other|0|nein
other|0|Übersetze bitte Haus ins Englische.
other|0|Wie viel kostet ein Bitcoin?
other|0|Mir ist langweilig.
other|0|Ich mag Züge.
complaint|2|Ihr seid alle Idioten.
complaint|1|Das ist doch alles Quatsch hier.
other|0|Blumen gießen nicht vergessen
other|0|Was ist dein Lieblingsessen?
other|0|Was empfiehlst du für den Urlaub in Italien?
technical|1|Das Internet fällt jeden Abend aus und ich bin es langsam leid.
technical|1|Ihre Anleitung bringt überhaupt nichts, das Handy geht immer noch nicht.
technical|1|Ich habe alles probiert, was Sie gesagt haben. Es geht trotzdem nicht.
technical|1|Immer noch kein Netz. Wann wird das endlich behoben?
technical|1|Das ist jetzt das dritte defekte Gerät, langsam reicht es mir.
technical|2|Das ist doch zum Kotzen, seit einer Woche kein Internet!
technical|2|Was für ein Schrott, das Ding ist nach einem Monat kaputt!!
technical|2|Ihr verkauft doch nur Müll, der Fernseher ist schon wieder hinüber!
technical|2|WIESO GEHT DAS INTERNET NICHT???
technical|2|Fuck, the app crashed again, this is useless!
technical|1|The internet is down again, third time this week.
technical|0|Hallo, mein Router hat seit dem Gewitter kein Licht mehr. Was kann ich tun?
technical|0|Guten Tag, ich kann seit gestern keine Anrufe mehr tätigen.
technical|0|Servus, mei WLAN is sehr langsam, könnt's ihr des prüfen?
technical|0|Grüezi, mis Handy startet immer wieder neu.
technical|1|Heast, des Internet is scho wieder weg, des nervt.
technical|2|Oida, seit drei Tag ka Internet, seid's ihr komplett deppert?
technical|2|Huere Seich, s WLAN isch scho wieder tot!
technical|1|Scho wieder kei Netz, das isch mühsam.
technical|1|Jedes Mal das gleiche, das Update macht alles kaputt. Toll gemacht.
technical|2|Super Service, echt. Zwei Wochen ohne Internet und keiner meldet sich.
billing|1|Danke für nichts. Die Rechnung ist immer noch falsch.
billing|2|Toll, wieder 50 Euro zu viel abgebucht. Ihr könnt mich mal!
billing|1|Na toll, wieder eine Mahnung. Herzlichen Dank auch.
billing|1|Das ist jetzt schon die dritte Rechnung mit Fehlern. Ich bin sehr verärgert.
billing|2|Ihr zockt eure Kunden ab, das ist Betrug! Ich zeige euch an!
billing|2|Wenn das Geld nicht bis Freitag zurück ist, gehe ich zum Anwalt.
billing|1|Wenn das so weitergeht, kündige ich.
billing|1|Ich finde es unverschämt, dass Sie Gebühren erhöhen ohne Ankündigung.
billing|0|Die Rechnung ist leider falsch, können Sie das bitte korrigieren? Danke.
billing|0|Mir ist aufgefallen, dass ich zweimal belastet wurde. Könnten Sie das prüfen?
billing|2|I was charged twice, this is ridiculous! Refund me now!
billing|1|Why am I paying for services I never ordered? This is annoying.
billing|2|Des is a Frechheit, de Rechnung is um 30 Euro z'hoch, ihr Gauner!
billing|2|Ihr Halsabschnieder, wieso isch d Rächnig so höch?
lost_or_stolen|0|Entschuldigung, ich glaube meine Karte wurde gestohlen. Können Sie sie sperren?
lost_or_stolen|0|Dringend: Mein Handy wurde gestohlen. Bitte sperren Sie sofort die SIM-Karte.
lost_or_stolen|0|Es ist dringend, ich habe meine Kreditkarte verloren und brauche schnell eine neue.
lost_or_stolen|1|Ich habe meine Karte verloren und warte schon ewig auf Hilfe.
lost_or_stolen|2|Scheiße, Handy geklaut und ihr habt keine Notfallnummer, die funktioniert!
complaint|2|Ihr seid unfähig, unverschämt und eine Zumutung!
complaint|2|Ihr Vollidioten habt meinen Vertrag verlängert, ohne zu fragen!
complaint|2|Ihr Arschlöcher, wann ruft endlich mal jemand zurück?
complaint|2|Ich verklage euch, das wird teuer für euch!
complaint|2|Das wird Konsequenzen haben, ich informiere die Presse und die Verbraucherzentrale.
complaint|1|Ich bin sehr unzufrieden, so kann man doch nicht mit Kunden umgehen.
complaint|1|Ehrlich gesagt bin ich ziemlich genervt von dem ganzen Hin und Her.
complaint|1|Ich habe langsam die Nase voll.
complaint|2|Mir reicht's endgültig, ich habe die Schnauze voll von euch!
complaint|2|Ihr seid echt das Letzte. Nie wieder!
complaint|1|Ist das Ihr Ernst? Drei Wochen und immer noch keine Antwort?
complaint|1|Bravo, wieder mal nichts passiert. Ganz großes Kino.
complaint|2|Verarschen kann ich mich selber!
complaint|2|Wollt ihr mich verarschen? Das ist doch ein Witz!
complaint|2|Ihr Deppen, lernt erst mal euren Job!
complaint|2|Ihr Koffer, ihr Wappler, es is a Wahnsinn mit euch!
complaint|2|Ihr sind doch alles Dubel, ich bi so hässig!
complaint|1|I bin echt grantig, seit Wochn tut sich nix.
complaint|1|Ich bi langsam sauer, es passiert eifach nüt.
complaint|2|Sie sind ein Haufen Versager, ich erwarte eine Entschuldigung!
complaint|1|Unglaublich, wie lange das bei Ihnen dauert.
complaint|1|This is taking forever, I'm really frustrated.
complaint|2|You people are useless idiots!
complaint|2|I'll report you to the consumer protection agency!
complaint|0|Ich möchte Ihnen mitteilen, dass ich mit der Lieferung nicht zufrieden war.
complaint|0|Leider war die Beratung im Geschäft nicht gut, ich möchte das rückmelden.
human|1|Ich habe jetzt dreimal versucht, das mit dem Bot zu klären. Bitte einen Mitarbeiter.
human|2|Verdammt nochmal, ich will mit einem Mitarbeiter reden und nicht mit diesem dummen Bot!
human|2|Ihr blöder Chatbot versteht gar nichts, ich will einen Menschen!
human|1|Der Bot versteht mich nicht, bitte Mensch.
human|2|Gib mir sofort einen Menschen, du nutzlose Blechbüchse!
general|1|Ich will kündigen, ich habe genug.
general|2|Ich kündige sofort, ihr seid das Allerletzte!
general|1|Wo bleibt mein Paket? Das ist schon die zweite Woche.
general|0|Bitte teilen Sie mir mit, wann mein Vertrag endet. Vielen Dank.
general|0|Ich wollte nur fragen, ob ich meinen Vertrag vorzeitig kündigen kann.
general|1|Warum ist das so kompliziert, einen Vertrag zu kündigen?
other|1|Ach, vergessen Sie es.
other|1|Das bringt doch alles nichts hier.
other|2|Leck mich doch!
other|2|Halt die Klappe, du Blechtrottel.
other|0|Hmm
other|0|Moment bitte
other|0|Ich schaue kurz nach.
other|0|Einen Augenblick.
greeting|0|Hallo, ich hätte eine Frage.
greeting|0|Guten Tag, ich brauche Hilfe.
greeting|0|Servus, kurze Frage
data_change|0|Hallo, ich bin umgezogen. Wie kann ich die Adresse ändern?
data_change|1|Ich habe Ihnen schon dreimal meine neue Adresse mitgeteilt, wieso steht immer noch die alte drin?
data_change|2|Seid ihr zu blöd, eine Adresse zu ändern?!
technical|0|Warum ist meine Kreditkarte plötzlich gesperrt?
technical|0|Meine Karte wurde von Ihnen gesperrt, ich kann nichts mehr bezahlen.
technical|0|SIM gesperrt nach falscher PIN, wie entsperre ich sie?
technical|1|Die Karte ist schon wieder gesperrt worden, ohne Grund.
complaint|2|Scheißladen, ihr könnt mich alle mal!
complaint|2|Huere Sauladen, das isch eifach nume e Frächheit!
complaint|1|Oida, echt jetzt, was is mit euch los?
billing|0|Ich bin vom Kauf zurückgetreten, wie wird mir der Kaufpreis erstattet?
billing|0|Die Rücksendung ist seit zwei Wochen bei Ihnen, die Erstattung fehlt aber noch.
billing|0|Wird mir das Geld für den stornierten Vertrag auf die Karte oder aufs Konto zurückgebucht?
billing|0|Wie lange dauert eine Rückzahlung normalerweise?
billing|0|Bekomme ich nicht verbrauchtes Guthaben zurück, wenn ich zu einem anderen Anbieter wechsle?
billing|0|Bekomme ich die Kaution für den Router zurück?
billing|0|Mir wurde ein Neukundenrabatt versprochen, auf der Abrechnung steht aber der volle Preis.
billing|0|Der Aktionspreis wurde nicht berücksichtigt, ich zahle den normalen Tarif.
billing|0|Auf der Handyrechnung stehen Kosten für ein Abo, das ich nie abgeschlossen habe.
billing|0|Was sind diese Drittanbieterkosten über 4,99 € und wie sperre ich das?
billing|0|Von meiner Prepaidkarte wurden 10 Euro abgezogen, wofür?
billing|0|Ich hab zweimal für dieselbe Bestellung gezahlt, wie krieg ich das zurück?
billing|0|Könnt ihr mir die Überzahlung zurücküberweisen?
billing|0|Grüezi, wänn chunnt s Gäld vo de Rückgab zrugg?
billing|0|Griaß Sie, wann kriag i mei Göld für de Retoure zruck?
billing|0|When will I get my refund for the returned headphones?
billing|0|Die Gebühr für die Papierrechnung möchte ich nicht zahlen, kann man die streichen?
billing|0|Warum ist der Rabatt von 10 Euro auf der letzten Rechnung weggefallen?
billing|0|Ich habe eine Zahlungsaufforderung über 59 € bekommen, wofür ist die?
billing|0|Die Bank hat die Lastschrift zurückgegeben, was kostet mich das jetzt?
billing|1|Die Rückerstattung war vor einem Monat zugesagt, bis heute ist nichts auf meinem Konto. Wie lange soll ich noch warten?
billing|1|Wieder den vollen Preis abgebucht statt dem Aktionspreis. Langsam habe ich keine Lust mehr.
billing|2|Ihr habt mir 120 Euro zu viel abgezogen und rückt das Geld nicht raus, ihr Halunken!
technical|0|Beim Gaming habe ich ständig Verbindungsabbrüche und Verzögerungen.
technical|0|Das Internet hat abends Aussetzer, besonders beim Streamen.
technical|0|Im Keller hab ich überhaupt keinen Empfang, oben geht es.
technical|0|In unserem Dorf ist das Netz seit dem Gewitter weg.
technical|0|Z Internet isch mega langsam am Abig.
technical|0|Mei Handy hot bei mia dahoam nur an Balken, wos kann ma mocha?
technical|0|Meine Bankkarte ist beim Tanken nicht durchgegangen, was ist da los?
technical|0|Das Terminal im Laden lehnt meine Karte ab, obwohl genug Geld drauf ist.
technical|0|Der Download ist viel langsamer als die gebuchten 250 Mbit.
technical|0|Videoanrufe frieren ständig ein.
technical|0|Meine Anrufe werden im Zug ständig unterbrochen.
technical|0|Der Receiver findet keine Sender mehr.
technical|0|Die Smartwatch koppelt sich nicht mit dem Handy.
technical|0|Nach dem Software-Update geht das WLAN am Laptop nicht mehr.
technical|1|Die Verbindung bricht wieder ab, jeden Abend dasselbe Spiel.
general|0|Ist das Konto kostenlos oder kostet es monatlich etwas?
general|0|Kann ich in der Lindenallee in Kassel schon VDSL bekommen?
general|0|Bieten Sie in Innsbruck auch Kabelinternet an?
general|0|Habt ihr das neue Galaxy schon auf Lager?
general|0|Gibt es zur Waschmaschine eine Anleitung auf Deutsch?
general|0|Gibt es ein Handbuch zum Fernseher als Download?
general|0|An welche Adresse geht eine Garantiereparatur für Kopfhörer?
general|0|Kann ich den Laptop auch im Laden zur Reparatur abgeben?
general|0|Funktioniert die Kreditkarte auch in Kanada?
general|0|Wie viel kostet eine Bargeldabhebung im Ausland mit der Debitkarte?
general|0|Welche Gebühren fallen beim Bezahlen in Dollar an?
general|0|Gibt's den Tarif auch mit unbegrenztem Datenvolumen?
general|0|Habt ihr auch eine Kreditkarte für Studenten?
general|0|Ab wann ist das neue iPhone bestellbar?
general|0|Chan ich de Vertrag au online verlängere?
general|0|Gits das Handy au i Schwarz?
general|0|Hobt's es des Handy a in Blau?
general|0|Bis wann ist die Filiale am Samstag offen?
general|0|Gibt es für Bestandskunden ein Treueangebot?
general|0|Kann ich einen zweiten Router mieten?
general|0|Welche Voraussetzungen gibt es für eine Kreditkarte mit höherem Limit?
general|0|Is there a discount for families?
complaint|0|Ein Verkäufer hat mich an der Tür überredet, einen Vertrag abzuschließen, das finde ich nicht in Ordnung.
complaint|0|Ihr Telefonverkauf ruft ständig an und setzt mich unter Druck, das ist aufdringlich.
complaint|0|Die Beraterin im Shop hat mir Zusatzoptionen untergejubelt, die ich nie wollte.
complaint|0|Ihre Mitarbeiterin hat sich über meinen Akzent lustig gemacht.
complaint|0|Der Mitarbeiter an der Hotline war herablassend und hat mich nicht ausreden lassen.
complaint|0|Ich wurde in der Filiale vor anderen Kunden bloßgestellt.
complaint|0|Der Techniker kam drei Stunden zu spät und hat sich nicht einmal entschuldigt.
complaint|0|Bitte halten Sie schriftlich fest, dass die Installation nicht wie vereinbart erfolgt ist.
complaint|0|Ich möchte offiziell festhalten lassen, dass der Service mangelhaft war.
complaint|0|Die Lieferung kam beschädigt an und der Fahrer war auch noch unhöflich.
complaint|0|Ihre Verkaufsmethoden sind unseriös, das möchte ich melden.
complaint|0|Die Hotline hat mich dreimal weiterverbunden und dann einfach die Verbindung getrennt.
complaint|0|Man hat mir am Telefon etwas ganz anderes zugesagt als jetzt im Vertrag steht.
complaint|0|Ich bin mit der Abwicklung meines Garantiefalls überhaupt nicht einverstanden.
complaint|0|D Beratig im Lade isch nöd guet gsi, niemer hät sich Zyt gno.
complaint|0|De Verkäufer im Gschäft war richtig grantig zu mir.
complaint|1|Im Callcenter wurde mir ein Zusatzpaket verkauft, obwohl ich dreimal nein gesagt habe. So nicht.
complaint|1|Ich fühle mich von Ihnen als langjähriger Kunde wirklich schlecht behandelt.
complaint|1|Das ist wirklich nicht die feine Art.
complaint|2|Eure Drückerkolonne zockt alte Leute an der Haustür ab, das ist kriminell und ich melde das der Verbraucherzentrale!
complaint|2|Die gehören alle gefeuert, so eine Unverschämtheit am Telefon hab ich noch nie erlebt.
complaint|2|Euer Laden gehört dichtgemacht, ehrlich.
complaint|2|Ich wende mich an die Schlichtungsstelle, eure Geschäftspraktiken sind eine Schande.
complaint|2|Sollte ich bis Freitag keine Lösung haben, übergebe ich die Angelegenheit meinem Rechtsanwalt.
complaint|2|Ich sehe mich gezwungen, die BaFin über Ihr Vorgehen zu informieren.
complaint|2|I geh jetzt zur Arbeiterkammer, des lass i mir ned gfalln.
complaint|2|Des meld i bei da RTR, so geht's ned.
complaint|2|Ich schalte den Ombudsmann ein, mit Ihnen kann man ja nicht reden.
complaint|2|Das landet bei der FINMA, verlassen Sie sich darauf.
complaint|2|Widerlicher Verein, schämt euch.
complaint|2|Was seid ihr für Stümper, nicht mal einen Termin bekommt ihr hin.
complaint|2|Erbärmlich, wie hier mit Kunden umgegangen wird.
complaint|2|🤬🤬🤬
complaint|2|Euer Service 🤬
data_change|0|Mini neui Telefonnummere isch 079 123 45 67, bitte aapasse.
data_change|0|Chönd Sie bitte mini E-Mail-Adrässe ändere?
data_change|0|Mir sind zügle, ab em erste Juli wohned mir in Luzern.
data_change|0|I hob g'heirat, mei Nochnam is jetzt Gruber.
data_change|0|In der Anrede steht Herr, ich bin aber Frau Keller, bitte korrigieren.
data_change|0|Mein Vorname wird ohne Akzent geschrieben, richtig ist René.
data_change|0|Wir sind jetzt eine GmbH, bitte die Rechtsform in den Kundendaten korrigieren.
data_change|0|Die Post kommt noch an meine frühere Wohnung, bitte umstellen.
data_change|0|Mein Geburtsjahr wurde falsch übernommen, es ist 1984.
data_change|0|In meiner E-Mail-Adresse ist ein Buchstabendreher.
data_change|0|Bitte tragen Sie die neue Ansprechperson für unsere Firma ein.
data_change|0|Please correct the spelling of my surname.
lost_or_stolen|0|Drei Zahlungen an einen Onlineshop auf meiner Karte kann ich mir nicht erklären, ich habe dort nie bestellt.
lost_or_stolen|0|Die Banking-App zeigt eine Überweisung nach Litauen, die stammt nicht von mir.
lost_or_stolen|0|Jemand hat mit meiner Kreditkarte in Spanien bezahlt, ich war nie dort.
lost_or_stolen|0|Es wurde am Automaten Geld abgehoben, obwohl die Karte bei mir ist.
lost_or_stolen|0|Ich glaube, meine Kartendaten wurden gestohlen, da sind fremde Umsätze.
lost_or_stolen|0|Mein Handy wurde gehackt, jemand hat über mein Konto eingekauft.
lost_or_stolen|0|Da san Abbuchungen auf meiner Karte, de hab i ned gmacht.
lost_or_stolen|0|Uf minere Charte sind Zahlige, wo ich nöd gmacht ha.
lost_or_stolen|0|There are transactions on my card that I did not make.
lost_or_stolen|0|Mein Kind hat die Bankkarte verloren, sie ist auf mein Konto ausgestellt.
other|0|Wo kann man hier in der Nähe gut essen?
other|0|Wie wird das Wetter am Wochenende in Wien?
other|0|Weisch du es guets Restaurant z Bern?
other|0|Kennst du a guates Wirtshaus in Salzburg?
other|0|Kannst du mir ein Gedicht über Herbst schreiben?
other|0|Welcher Zug fährt nach Basel?
other|0|Wer hat gestern das Spiel gewonnen?
general|0|Ich bin schon lange bei Ihnen Kunde und wollte fragen, welche Tarife es inzwischen gibt.
general|0|Als treuer Kunde seit 2009 würde mich interessieren, ob ich ein neues Handy vergünstigt bekomme.
general|0|Heast, kurze Frage, habt's ihr am Feiertag offen?
general|0|Oida, wie lang dauert a Lieferung nach Wien?
technical|0|Oida, mei Laptop find des WLAN ned, wos soll i mochn?
lost_or_stolen|0|Heast, mei Geldbörse is weg, wie sperr i de Kartn?
billing|0|Ich wollte nur nachfragen, wie der Stand bei meiner Reklamation der Rechnung ist.
technical|0|Ich habe die Störung letzte Woche gemeldet und wollte fragen, ob es schon etwas Neues gibt.
general|0|Ich bin mir nicht sicher, ob ich das richtig verstanden habe: gilt die Frist ab heute?
billing|0|Vielleicht ist das ein Versehen, aber ich habe eine Rechnung für ein Gerät bekommen, das ich nicht bestellt habe.
technical|0|Ich kenne mich mit Technik nicht so gut aus, können Sie mir beim Einrichten helfen?
general|0|Ich bin sehr zufrieden mit Ihnen und möchte meinen Vertrag gerne verlängern.
other|0|Ich wollte nur loswerden, dass Ihre Kollegin gestern sehr nett war.
data_change|0|Ich bin dringend auf die Änderung der Bankverbindung angewiesen, die alte wird am Freitag geschlossen.
technical|0|DRINGEND: Internet komplett ausgefallen, ich arbeite im Homeoffice.
lost_or_stolen|0|NOTFALL, Handy gestohlen, bitte SIM sofort sperren
lost_or_stolen|0|Schnell bitte, Karte verloren, was muss ich tun?
technical|1|Ich hab jetzt zum dritten Mal den Router neu gestartet, wie Sie sagen. Es hat sich nichts geändert.
technical|1|Ich rede mir hier den Mund fusselig und nichts passiert.
general|1|Ich hänge jetzt seit einer halben Stunde in Ihrer Hotline fest.
general|1|Eine Stunde Wartemusik, und dann fliegt man aus der Leitung.
general|1|Ihre Warteschleife ist eine Geduldsprobe.
general|1|Jedes Mal muss ich alles neu erzählen. Gibt es keinen festen Ansprechpartner?
general|1|Hallo? Ist da überhaupt jemand?
general|1|Mein Anliegen ist seit einer Woche offen und keiner meldet sich zurück.
general|1|Hab vor drei Tagen eine Mail geschrieben und bis heute nichts gehört.
billing|1|Das kann doch nicht so schwer sein, eine Gutschrift zu buchen.
billing|1|Muss ich wirklich für jede Kleinigkeit dreimal anrufen?
general|1|Ich möchte einfach nur eine klare Antwort, nicht schon wieder einen Link.
technical|1|Bei allem Respekt, das war jetzt schon der dritte Techniker ohne Ergebnis.
complaint|1|Ganz ehrlich, so stelle ich mir Kundenservice nicht vor.
general|1|Ist das jetzt Ihr Ernst? Sechs Wochen Lieferzeit?
technical|1|Wie jetzt, schon wieder ein Update und wieder geht nichts?
billing|1|Aha, und wofür genau zahle ich dann monatlich 50 Euro?
general|1|Also langsam komme ich mir veräppelt vor.
technical|1|Ich bin nur noch genervt von dem ständigen Ausfall.
general|1|Mühsam, dass man bei euch nie jemanden erreicht.
technical|1|Es isch jetzt scho s dritte Mal, dass das Internet wegfallt.
general|1|Heast, i wart scho a Wochn auf mei Packerl, des is zach.
complaint|1|Schade, früher war euer Service deutlich besser.
general|1|I find des ned okay, dass ma so lang warten muss.
technical|1|Zwei Wochen und noch immer kein stabiles Netz, so langsam wird es lästig.
billing|1|Ich verstehe nicht, warum das so kompliziert sein muss, ich will nur mein Geld zurück.
billing|2|Ihr seid doch nicht mehr ganz bei Trost, 300 Euro für eine Leitung, die nie ging!
complaint|2|So einen inkompetenten Verein habe ich noch nie erlebt, schämen Sie sich.
complaint|2|Ihr seid eine Schande für die ganze Branche.
technical|2|Seid ihr eigentlich zu dämlich, einen Router zu verschicken, der funktioniert?
complaint|2|Mit euch rede ich nicht mehr, ihr Witzfiguren.
complaint|2|Ich mache das publik, jeder soll wissen, wie ihr mit Kunden umgeht.
complaint|2|Eine Beschwerde bei der Bundesnetzagentur ist schon aufgesetzt.
complaint|2|Wenn das Geld nicht bis Montag da ist, reiche ich Klage ein.
complaint|2|Ich habe die Sache bereits meiner Rechtsschutzversicherung gemeldet.
complaint|2|Glaubt ja nicht, dass ihr damit durchkommt. Ich gehe zum Konsumentenschutz.
complaint|2|Ihr seid so ein Kasperlverein, unglaublich.
complaint|2|Gaht's eigentlich no? Ihr sind de hinterletscht Lade.
complaint|2|Des is a Frechheit sondergleichen, ihr Gauner.
billing|2|Das ist Wucher und ihr wisst das genau, ich lasse das prüfen.
human|2|Holt mir sofort euren Vorgesetzten, sonst werde ich ungemütlich!
complaint|2|Ihr Haufen Nichtskönner, gebt mir endlich jemanden, der Ahnung hat.
technical|0|Seit gestern Abend geht das Festnetz nicht, könnten Sie das bitte prüfen?
billing|0|Ich habe leider eine Mahnung bekommen, vermutlich ist die Überweisung noch unterwegs.
billing|0|Ich glaube, bei der letzten Abrechnung ist Ihnen ein Fehler passiert, könnten Sie das prüfen?
technical|0|Ich weiß nicht weiter, das Modem zeigt nur ein rotes Licht.
general|0|Ich bin unsicher, welcher Tarif für meine Eltern passt.
general|0|Entschuldigung, ich finde auf der Webseite die Kündigungsadresse nicht.
technical|0|Leider lässt sich die App seit dem Update nicht mehr öffnen.
billing|0|Mir ist aufgefallen, dass zwei Monate gleichzeitig abgebucht wurden.
general|0|Ich bin seit über zehn Jahren bei Ihnen und überlege, auf Glasfaser umzusteigen.
technical|0|Kein Empfang im Büro seit dem Umbau, woran kann das liegen?
general|0|Nur eine kurze Frage zur Lieferung: kommt das Paket auch samstags?
lost_or_stolen|0|Ganz ruhig gefragt: Was muss ich tun, wenn die Karte gestohlen wurde?
billing|0|No stress, aber die Rechnung für Mai fehlt mir noch.
technical|0|My internet has been down since this morning, can you check?
billing|0|I was charged a late fee although I paid on time.
general|0|Do you have any offers for students?
billing|1|I have asked three times now for a refund and nothing happened.
technical|1|This is the third time this week the connection drops, really annoying.
general|1|Still no answer to my email from last week.
complaint|2|Your service is an absolute disgrace, I am going to the ombudsman.
complaint|2|You people are useless, I will report you to the consumer protection agency.
technical|1|I weiß ned, wie oft i des no erklärn muass.
general|1|Jetzt hab i scho dreimal angrufen und koaner woaß was.
billing|1|Scho wieder a falsche Rechnung, des gibt's doch ned.
technical|1|Das Internet isch scho wieder weg, langsam wirds mühsam.
general|1|Ich ha jetzt scho drüü Mal aagrüeft und niemer weiss öppis.
billing|1|Es wäre nett, wenn sich endlich mal jemand um meine Gutschrift kümmert.
general|1|Ich hoffe, diesmal bekomme ich eine richtige Antwort und nicht wieder einen Textbaustein.
technical|1|Seit einer Woche dasselbe Theater mit dem Router.
complaint|1|Das hätte ich von Ihnen ehrlich gesagt nicht erwartet.
general|1|Ich fühle mich ehrlich gesagt ziemlich im Stich gelassen.
billing|1|Nett, dass ich für einen kaputten Anschluss auch noch zahlen darf.
technical|1|Wunderbar, der nächste Ausfall.
complaint|2|Mir platzt gleich der Kragen mit eurem Verein.
complaint|2|Ihr Schlafmützen kriegt ja gar nichts gebacken.
technical|2|Jetzt reicht's endgültig, ihr Nieten!
complaint|2|Der letzte Saftladen, ich hab's so satt, ihr Amateure!!!
billing|2|Das ist Wucher, ich melde das der Schlichtungsstelle!
complaint|2|Ihr seid doch nicht mehr ganz dicht, ehrlich.
complaint|2|So eine Lachnummer von einer Firma.
complaint|2|Ihr seid der unfähigste Verein, den ich kenne.
complaint|2|So ein jämmerlicher Haufen ist mir noch nie untergekommen.
complaint|2|Ein erbärmlicher Laden seid ihr, ganz ehrlich.
complaint|2|Lächerlicher Saftladen, nichts klappt bei euch.
complaint|2|Was für eine chaotische Bude, unglaublich.
complaint|2|Ihr seids a deppate Partie, echt wahr.
complaint|2|So a Haufn Trottln, do is jo jeder Kindergarten besser organisiert.
complaint|2|Des is da schiachste Verein weit und breit, lauter Depperte.
complaint|2|Ihr sind de unfähigschte Chaibe überhaupt.
complaint|2|Das ist mit Abstand der mieseste Anbieter, den es gibt.
complaint|2|Die unzuverlässigste Firma der ganzen Branche, Glückwunsch.
complaint|2|Nirgends wird man so schlecht behandelt wie bei euch, das Letzte.
complaint|2|Der unfreundlichste Kundendienst, den ich in meinem Leben erlebt habe.
complaint|2|Ich kündige alles, auf der Stelle. Reicht mir endgültig.
complaint|2|Vertrag weg. Sofort. Ich zahl keinen Cent mehr.
complaint|2|Ich kündige, und zwar fristlos, und wehe es kommt noch eine Rechnung!
complaint|2|Schluss, aus, ich kündige. Nie mehr bei euch.
complaint|2|Wehe, mir wird nach der Kündigung noch was abgezogen.
complaint|2|Ich schreib jetzt überall schlechte Bewertungen, das wird euch leidtun.
complaint|2|Ich mache das öffentlich, auf jeder Plattform, die es gibt. Shitstorm garantiert.
complaint|2|Das landet alles auf Google und in jeder Facebook-Gruppe, versprochen.
complaint|2|Das lasse ich mir nicht gefallen, das wird ein Nachspiel haben.
complaint|2|Zieht euch warm an, ich komme morgen persönlich in die Filiale.
complaint|2|Dem Laden sollte man die Konzession wegnehmen.
complaint|2|Applaus, applaus. Wieder nichts geliefert. Eine Meisterleistung.
complaint|2|Wow, drei Wochen für eine E-Mail. Glanzleistung, ehrlich. Ich bin zu Tränen gerührt.
technical|2|Bravo, ihr habt es hinbekommen, dass seit einer Woche gar nichts mehr geht. Oscarreif.
complaint|1|Das hilft mir leider überhaupt nicht weiter.
complaint|1|Sie beantworten leider etwas ganz anderes als das, was ich wissen wollte.
complaint|1|Schon wieder derselbe Textbaustein, das bringt mich nicht weiter.
general|1|Den Link hatte ich mir schon angeschaut, da steht nichts zu meinem Fall.
human|1|Der Chat versteht leider nicht, was ich meine. Kann mir ein Mensch helfen?
human|1|Der Assistent kapiert mein Anliegen nicht, bitte jemanden vom Team.
human|1|Sie verstehen mich leider falsch, ich möchte mit jemandem sprechen.
complaint|1|Ich warte jetzt den dritten Tag auf eine Antwort auf meine Mail.
complaint|1|Ist hier überhaupt noch jemand? Seit einer Stunde tut sich nichts.
complaint|1|Meine Anfrage ist seit Montag offen und niemand meldet sich zurück.
complaint|1|Letzte Woche wurde mir etwas anderes zugesagt als heute. Was stimmt denn?
complaint|1|Erst sagt der Shop dies, dann die Hotline das. Wem soll ich glauben?
complaint|1|Der Techniker sollte heute Vormittag kommen, jetzt ist es Abend und niemand war da.
complaint|1|Die Information aus dem Chat war nicht korrekt, der Tarif hat diese Option nicht.
data_change|1|Die Adresse habe ich Ihnen doch bereits zweimal geschickt.
data_change|1|Bitte lesen Sie meine Nachricht noch einmal, es geht um die neue Adresse, nicht um die alte.
complaint|1|Wieso muss ich alles dreimal erklären?
technical|1|Na ja, hätt ich mir eh denken können, dass das wieder nix wird.
technical|1|Eh klar, Internet wieder weg. Wie jeden Abend.
complaint|1|Ich hoffe, Sie verstehen, dass ich ziemlich enttäuscht bin.
billing|1|Ich blicke bei Ihren Rechnungen überhaupt nicht mehr durch.
technical|1|Ganz ehrlich, das Gerät ist neu und muss schon zur Reparatur.
billing|1|Seltsam, dass die Abbuchung pünktlich kommt, aber die Erstattung seit Wochen nicht.
billing|1|Interessant, dass ihr das Geld sofort habt, aber meins nie.
general|0|Hallo, ich hätte eine Frage zu Ihren Öffnungszeiten.
general|0|Hallo?
general|0|Ich habe Ihre Antwort bekommen, danke. Eine Frage habe ich noch.
data_change|0|Ich habe meine neue Nummer bereits angegeben, ist die Änderung durch?
complaint|0|Ich möchte meinen Vertrag fristgerecht zum Monatsende kündigen.
complaint|0|Bitte bestätigen Sie mir die Kündigung schriftlich.
general|0|Wie kündige ich am einfachsten, und zwar alle Verträge auf einmal?
complaint|0|Ich kündige zum 30. Juni, weil ich ins Ausland ziehe.
general|0|Wo kann ich eine Bewertung für Ihren Shop abgeben? Ich war sehr zufrieden.
general|0|Der beste Kundenservice, den ich je erlebt habe, vielen Dank!
general|0|Ein sehr hilfsbereites Team, das ist der freundlichste Laden in der Stadt.
technical|0|Das Handy lässt sich nicht mehr laden, was kann ich tun?
technical|0|Das Display zeigt keine Reaktion mehr, wenn ich es berühre.
general|0|Herzlichen Glückwunsch zum Jubiläum, ich bin seit zehn Jahren Kunde!
complaint|1|Der Paketdienst hat die Lieferung einfach beim Nachbarn im dritten Stock abgegeben, ohne Zettel.
complaint|0|Ihr Monteur hat beim Anschluss die Wand beschädigt, wie läuft die Reklamation?
complaint|1|Ihre Lieferfirma hat den Karton offenbar geworfen, das Gerät ist verbeult.
technical|0|Reicht ein Kabel mit zehn Metern für den Anschluss im Keller?
technical|0|Der Empfang reicht im Garten nicht ganz, gibt es eine Lösung dafür?
general|0|Passt scho, dann wart i halt bis nächste Woche.
general|0|Alles klar, i wart auf Ihren Anruf, danke.
general|0|Ok, das passt so, ich warte dann auf die Bestätigung.
technical|0|Gut, ich probiere es morgen früh nochmal und schreibe, falls es dann weiterhin hakt.
technical|0|Danke, ich teste das am Abend, und wenn es dann immer noch spinnt, melde ich mich wieder.
billing|0|Ich warte dann einfach die nächste Abrechnung ab, danke für die Info.
other|0|Ihr Team im Shop war sehr freundlich, danke nochmal.
technical|0|Ihr Techniker war heute da, jetzt läuft alles.
data_change|0|Ihr Newsletter kommt doppelt bei mir an, bitte nur noch an die neue E-Mail-Adresse.
billing|0|Ihr Schreiben zur Preisanpassung habe ich erhalten, ab wann gilt das?
technical|0|Ihr Router zeigt eine rote Lampe, was bedeutet das?
data_change|0|Ihr Formular für die Namensänderung finde ich nicht.
technical|0|Ihr Update hat die Einstellungen zurückgesetzt, wie stelle ich sie wieder her?
human|1|Ihr Chatbot erkennt mein Anliegen leider nicht, bitte verbinden Sie mich.
human|1|Ihr Assistent dreht sich im Kreis, ich hätte gern eine Person.
complaint|1|Ihr System fragt mich jedes Mal dieselben Daten ab.
technical|1|Ihre App stürzt ständig ab, das ist mühsam.
complaint|1|Ihr Kundendienst hat sich trotz Zusage nicht zurückgemeldet.
human|1|Ihr Bot kommt mit meiner Frage nicht klar, gibt es einen Mitarbeiter?
`;

/**
 * Examples written for tone (accusations of lies, greed or indifference, "shut up", losing control, mock titles,
 * ultimatums, quiet annoyance, and calm look-alikes), in the same format. Only the frustration model learns from
 * them: their topics sit between intents and would only shift the intent model's boundaries.
 */
export const TONE_CORPUS = `
complaint|2|Sie haben mir am Telefon glatt ins Gesicht gelogen, der Vertrag war nie kostenlos.
complaint|2|Euch geht es doch nur ums Abkassieren, was mit den Kunden ist, kümmert euch null.
complaint|2|Dass Ihnen Ihre Kunden völlig gleichgültig sind, merkt man an jeder Antwort.
complaint|2|Bravo, ihr Profis, jetzt ist der Anschluss ganz tot und die Rechnung doppelt so hoch.
complaint|2|Wenn mich noch ein Mitarbeiter vertröstet, drehe ich durch, ich schwöre es.
complaint|2|Ich krieg gleich zu viel mit euch, das Gerät ist zum vierten Mal kaputt zurückgekommen.
complaint|2|Bis Mittwoch ist das Geld zurück, andernfalls geht die Sache an die Schlichtungsstelle.
complaint|2|Hört endlich auf, mich mit Märchen abzuspeisen, ihr Lügner.
human|2|Halten Sie die Klappe, Bot, und holen Sie einen Menschen.
complaint|2|Isch eu doch glich, ob ich als Kundin zfriede bin, gäll?
complaint|2|Oida, i werd no narrisch mit eicher Hotline, seit zwa Wochen ka Antwort.
billing|2|Ihr nehmt mich aus wie eine Weihnachtsgans, schon wieder 30 Euro Gebühren.
complaint|1|Mir hat man im Shop etwas ganz anderes zugesagt, das ärgert mich schon.
complaint|1|Ehrlich, ich habe keine Lust mehr, jedem Mitarbeiter alles neu zu erklären.
complaint|1|Ich fühle mich von Ihrer Hotline ziemlich schlecht beraten.
technical|1|Das Handbuch hilft mir null, der Drucker druckt immer noch nicht.
human|1|Früher gab es hier noch Menschen, jetzt nur noch einen Roboter, schade.
complaint|1|Die Reklamation läuft seit Dienstag. Heute ist schon wieder Dienstag.
general|1|Geht das auch ein bisschen schneller? Ich warte jetzt eine halbe Stunde auf eine Antwort.
complaint|1|Nein, nein, nein, das habe ich so nicht bestellt.
complaint|1|I already wrote twice about this and still nobody replied.
billing|1|Ich zahle jeden Monat für ein Paket, das kaum funktioniert.
complaint|1|Die Qualität ist seit der Umstellung ziemlich dürftig geworden.
general|0|Sonst noch eine Frage: Gibt es die Hülle auch in Blau?
general|0|Meine Tochter ist Anwältin und möchte wissen, wie lange die Mindestlaufzeit ist.
billing|0|Mir ist egal, ob per Lastschrift oder Überweisung, was ist einfacher?
other|0|Danke, danke, danke, das hat wunderbar geklappt!
lost_or_stolen|0|Ich habe den Diebstahl bei der Polizei angezeigt, brauchen Sie das Aktenzeichen?
technical|0|Der Router läuft seit Montag etwas langsam, was kann ich prüfen?
general|0|Bitte bis Freitag liefern, sonst bin ich verreist und niemand nimmt das Paket an.
`;
