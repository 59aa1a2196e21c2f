"""German phrases for the template writer (friendly "du")."""

from . import join_with, percent

SENTENCE_GAP = " "


def join_list(items: list[str]) -> str:
    return join_with(items, " und ")


def format_percent(score: float) -> str:
    return percent(score, " %")


GREETING = [
    "Hallo {name}, und willkommen bei deinem Dailycast! Das ist dein persönlicher Lern-Podcast für heute, "
    "ganz für dich gemacht. Mach es dir gemütlich, hol dir vielleicht eine Tasse Tee, und lass uns die nächsten Minuten gemeinsam lernen.",
    "Schön, dass du da bist, {name}! Willkommen beim heutigen Dailycast, dem Podcast, der deinem eigenen Lernweg folgt. "
    "Ich bin dein Moderator, und in den nächsten Minuten geht es nur um dich, um mich und um gutes Lernen.",
    "Hallo {name}, schön, dass du wieder bei Dailycast bist! Jede Folge wird nach dem zusammengestellt, was du gerade lernst, "
    "also dreht sich heute alles um deine Kurse, deine Fortschritte und deine nächsten Schritte.",
    "Hey {name}, wie schön, wieder mit dir zu sprechen! Hier ist Dailycast, dein täglicher Lernbegleiter. "
    "Such dir einen ruhigen Platz, atme einmal tief durch, und lass uns die Minuten heute richtig gut nutzen.",
]

INTRO_COURSES = [
    "Da du {courses} lernst, dreht sich die heutige Folge genau darum. "
    "Wir gehen deine Kurse nacheinander durch, nehmen uns dort etwas mehr Zeit, wo es am wichtigsten ist, "
    "und am Ende stelle ich dir drei Fragen zum Nachdenken.",
    "Da du {courses} lernst, habe ich einen Plan vorbereitet, der zu deiner Woche passt. "
    "Zuerst ein kurzer Blick auf jeden Kurs, dann etwas gezieltes Üben, eine Lerntechnik "
    "und zum Schluss drei Fragen, die du beantworten kannst.",
    "Da du {courses} lernst, gibt es heute viel zu besprechen. "
    "Wir verbinden deine Kurse miteinander, schauen uns deine letzten Ergebnisse an "
    "und schließen mit drei Fragen, die dir helfen, das Gelernte zu behalten.",
]

INTRO_NO_COURSES = [
    "Du bist gerade in keinem Kurs eingeschrieben, also geht es heute darum, das Lernen selbst zu lernen. "
    "Wir sprechen über Gewohnheiten, die das Lernen leichter machen, über eine Technik, die du noch heute ausprobieren kannst, "
    "und am Ende stelle ich dir drei Fragen zum Nachdenken.",
    "Die heutige Folge ist eine allgemeine Lerneinheit, weil du noch keinen Kurs gewählt hast. "
    "Das ist der perfekte Moment, um gute Gewohnheiten aufzubauen: Wir schauen uns an, wie das Gedächtnis funktioniert, "
    "wie du deine Lernzeit planst, und zum Schluss gibt es drei Fragen.",
    "Im Moment stehen noch keine Kurse auf deiner Liste, also lass uns diese Zeit gut nutzen. "
    "Wir konzentrieren uns auf Lernfähigkeiten, die dir später in jedem Fach helfen, "
    "und ich schließe mit drei Fragen, die dich zum Nachdenken bringen.",
]

LEVEL_INTRO = {
    "beginner": [
        "Du stehst am Anfang deiner Lernreise, und das ist ein wunderbarer Ort. "
        "Wir gehen Schritt für Schritt vor, halten die Erklärungen einfach und konzentrieren uns auf die Grundlagen. "
        "Mach dir keine Sorgen, ob alles perfekt ist; jede Expertin und jeder Experte hat genau dort angefangen, wo du jetzt bist.",
        "Weil du gerade erst anfängst, lassen wir es heute ruhig angehen und bauen ein stabiles Fundament. "
        "Ich erkläre alles mit einfachen Worten und gebe dir kleine, leichte Schritte. "
        "Denk daran: Einfache Fragen zu stellen ist das Klügste, was man am Anfang tun kann.",
    ],
    "intermediate": [
        "Die Grundlagen hast du schon gut im Griff, also gehen wir heute ein Stück tiefer. "
        "Wir schauen uns an, wie die Ideen zusammenhängen und wo sich die typischen Fehler verstecken. "
        "In dieser Phase verwandelt regelmäßiges Üben Wissen in echtes Können.",
        "Die ersten Schritte hast du hinter dir, und das merkt man an deiner Arbeit. "
        "Heute bauen wir auf deinem Wissen auf, vergleichen Ideen und üben, sie auf neue Probleme anzuwenden. "
        "Wage dich ruhig ein kleines Stück über deine Komfortzone hinaus.",
    ],
    "advanced": [
        "Du arbeitest auf einem fortgeschrittenen Niveau, deshalb wiederhole ich keine Grundlagen. "
        "Heute geht es um Tiefe: um Abwägungen, Grenzfälle und die Gründe hinter den Regeln. "
        "Auf deinem Niveau kommen die großen Fortschritte daher, Ideen präzise zu erklären und die eigenen Annahmen zu hinterfragen.",
        "Deine Ergebnisse zeigen echtes Können, also legt die heutige Folge die Latte höher. "
        "Wir denken darüber nach, warum Dinge funktionieren, wann sie scheitern und wie Fachleute zwischen Alternativen entscheiden. "
        "Versuche, jede Idee mit etwas zu verbinden, das du jemand anderem beibringen könntest.",
    ],
}

COURSE_SEGMENT = [
    "Schauen wir uns {course} an. Denk an deine letzte Lektion: Was war die wichtigste Idee? "
    "Sag sie dir in einem einzigen Satz. Wenn dir das gelingt, hast du sie wirklich verstanden.",
    "Ein Gedanke zum Kurs {course}: Gewöhn dir an, deine Notizen innerhalb eines Tages nach jeder Lektion durchzugehen. "
    "Zehn Minuten Wiederholung heute sparen dir nächste Woche eine Stunde Neulernen.",
    "Jetzt ein Wort zum Kurs {course}. Such dir ein kleines Beispiel aus dem Alltag, das zu dem passt, was du gerade lernst. "
    "Beispiele machen aus abstrakten Ideen etwas, das du dir vorstellen kannst.",
    "Kommen wir zum Kurs {course}. Wähle ein Thema, das sich noch unklar anfühlt, und schreib auf, was genau dir nicht klar ist. "
    "Ein Problem zu benennen ist schon die halbe Lösung.",
    "Jetzt ist {course} dran. Wenn du diese Woche dafür lernst, schließ das Buch und ruf die wichtigsten Punkte zuerst aus dem Gedächtnis ab. "
    "Das fühlt sich schwerer an, aber genau diese Anstrengung sorgt dafür, dass das Wissen hängen bleibt.",
    "Denken wir kurz an den Kurs {course}. Gib ihm einen kurzen, festen Platz in deinem Tag, auch wenn es nur fünfzehn Minuten sind. "
    "Kleine, regelmäßige Einheiten sind besser als eine lange Sitzung am Ende der Woche.",
]

COURSE_BRIEF = [
    "Im Kurs {course} wiederholst du die Hauptidee der letzten Lektion.",
    "Für {course} rufst du drei Kernpunkte aus dem Gedächtnis ab.",
    "Im Kurs {course} suchst du ein Alltagsbeispiel für das Gelernte.",
    "Für {course} notierst du eine Sache, die noch unklar ist.",
    "Im Kurs {course} planst du diese Woche eine kurze Wiederholung.",
    "Für {course} erklärst du das letzte Thema laut in einer Minute.",
]

WEAK_INTRO = [
    "Jetzt schenken wir dem Bereich besondere Aufmerksamkeit, in dem du am meisten wachsen kannst: {subjects}. "
    "Dass dir etwas schwerfällt, ist kein schlechtes Zeichen; es zeigt nur, wo dein nächster Fortschritt herkommt.",
    "Hier werden wir heute etwas langsamer: {subjects}. "
    "Deine letzten Quizze zeigen, dass hier noch mehr Übung nötig ist, und mit einem klaren Plan wird es leichter.",
    "Lass uns über {subjects} sprechen, denn hier bringt ein bisschen gezielte Arbeit am meisten. "
    "Sich mit einem Thema schwerzutun gehört ganz normal dazu, wenn man es lernt.",
]

WEAK_SEGMENT = [
    "Für {subject} probier Folgendes: Such dir einen Schlüsselbegriff aus, erkläre ihn mit eigenen Worten auf Papier "
    "und vergleiche deine Erklärung dann mit deinen Notizen. Wo die beiden nicht übereinstimmen, liegt dein nächstes Lernziel.",
    "Bei {subject} wirkt kurzes tägliches Üben besser als Pauken in letzter Minute. "
    "Mach eine Woche lang drei kleine Aufgaben pro Tag und markiere die, die du falsch hast, damit du am Wochenende darauf zurückkommen kannst.",
    "Ein konkreter Plan für {subject}: Geh zurück zu deinem letzten Quiz, schau dir jede verpasste Frage an "
    "und finde genau den Schritt, an dem dein Gedankengang abgebogen ist. Dann versuch eine ähnliche Aufgabe, ohne auf die Lösung zu schauen.",
    "Um in {subject} voranzukommen, leg dir ein paar Karteikarten mit den Begriffen und Regeln an, über die du stolperst. "
    "Geh sie jeden Morgen fünf Minuten lang durch und leg die Karten, die du gut kannst, nach hinten.",
]

WEAK_BRIEF = [
    "Für {subject} machst du diese Woche täglich drei kurze Aufgaben.",
    "In {subject} gehst du jede verpasste Quizfrage noch einmal durch.",
    "Für {subject} schreibst du die kniffligen Regeln auf Karteikarten.",
    "In {subject} erklärst du einen Schlüsselbegriff mit eigenen Worten.",
]

NO_WEAK = [
    "Gute Nachricht: Im Moment sticht keines deiner Fächer als Schwachstelle hervor. "
    "Das Ziel für heute ist also, dein Niveau zu halten und dich mit etwas schwierigerem Stoff herauszufordern.",
    "Gerade gibt es kein Fach, das dich deutlich bremst, und das ist großartig. "
    "Nutze diese Freiheit, um tiefer in die Themen einzusteigen, die dir am meisten Spaß machen.",
    "Deine Ergebnisse sind im Moment schön ausgeglichen. "
    "Wiederhole weiter regelmäßig, damit es so bleibt, und trau dich ruhig an schwierigere Aufgaben.",
]

SCORES_INTRO = [
    "Schauen wir uns jetzt deine letzten Quizergebnisse an.",
    "Werfen wir einen kurzen Blick darauf, wie deine letzten Quizze gelaufen sind.",
    "Zeit für einen kurzen Blick auf deine neuesten Ergebnisse.",
]

SCORE_COMMENT = {
    "low": [
        "In {subject} hast du {score} erreicht. Das ist ein Ausgangspunkt, kein Urteil; "
        "geh die Fehler in Ruhe durch, dann wirst du sehen, wie das nächste Ergebnis steigt.",
        "Du hast {score} in {subject} geschafft. Das war dort nicht dein bester Tag, aber jede falsche Antwort zeigt dir genau, was du als Nächstes üben solltest.",
        "Dein Quiz in {subject} lag bei {score}. Lass dich nicht entmutigen; schau es dir diese Woche noch einmal an und probier ein paar ähnliche Fragen.",
    ],
    "mid": [
        "In {subject} hast du {score} erreicht, das ist solide. Mit etwas mehr Wiederholung kannst du das noch steigern.",
        "Du bist in {subject} auf {score} gekommen. Gute Arbeit; schau dir jetzt die verpassten Fragen an, dann schließt du die Lücke.",
        "Dein Quiz in {subject} kam auf {score}. Das ist echter Fortschritt, also bleib dran.",
    ],
    "high": [
        "In {subject} hast du hervorragende {score} erreicht. Sehr gut gemacht, das ist das Ergebnis echter Anstrengung.",
        "Du hast {score} in {subject} geschafft. Fantastisch! Versuch, das Thema jemand anderem zu erklären, um es zu festigen.",
        "Dein Quiz in {subject} zeigt {score}. Ein tolles Ergebnis, also freu dich darüber und ziel beim nächsten Mal auf die gleiche Beständigkeit.",
    ],
}

NO_SCORES = [
    "Ich habe noch keine Quizergebnisse von dir, und das ist völlig in Ordnung. "
    "Dein erstes Quiz zeigt uns einfach, wo du stehst, also gibt es nichts zu befürchten.",
    "Heute gibt es keine neuen Quizergebnisse zum Anschauen. "
    "Wenn du dein nächstes Quiz machst, sieh es als Übung und nicht als Prüfung deines Werts.",
    "Wir haben noch keine Ergebnisse, also gibt es heute nichts zu bewerten. "
    "Konzentriere dich aufs Verstehen, dann kommen die Punkte von allein.",
]

TECHNIQUE = [
    "Die Lerntechnik des Tages ist aktives Erinnern. Statt deine Notizen noch einmal zu lesen, klapp sie zu und frag dich, was du noch weißt. "
    "Schreib es auf, dann öffne die Notizen und überprüfe es. Jedes Mal, wenn du etwas aus dem Gedächtnis holst, "
    "wird es stärker und beim nächsten Mal leichter zu finden.",
    "Die Lerntechnik des Tages ist verteiltes Wiederholen. Wiederhole ein Thema heute, dann in zwei Tagen, dann nach einer Woche "
    "und noch einmal nach zwei Wochen. Jede Wiederholung kommt kurz bevor du es vergessen würdest, "
    "und genau dieses Timing bringt das Wissen ins Langzeitgedächtnis.",
    "Die Lerntechnik des Tages ist die Feynman-Methode. Wähle ein Thema und erkläre es so, als würdest du es einem zwölfjährigen Kind beibringen. "
    "Wann immer du hängen bleibst oder ein kompliziertes Wort benutzt, geh zurück zu deinem Material. "
    "Einfache Erklärungen zeigen genau, was du noch nicht verstanden hast.",
    "Die Lerntechnik des Tages ist das verschachtelte Üben. Statt eine Stunde lang nur eine Art von Aufgabe zu üben, "
    "mischst du zwei oder drei verschiedene Arten in einer Einheit. Am Anfang fühlt es sich langsamer an, "
    "aber es trainiert dein Gehirn, die richtige Methode zu wählen, und genau das verlangt ein Quiz von dir.",
    "Die Lerntechnik des Tages ist die Pomodoro-Methode. Stell einen Timer auf fünfundzwanzig Minuten und lerne voll konzentriert, "
    "das Handy weit weg. Dann mach fünf Minuten Pause. Nach vier Runden gönnst du dir eine längere Pause. "
    "Kurze, konzentrierte Blöcke halten deinen Kopf frisch.",
    "Die Lerntechnik des Tages ist das Selbsttesten. Bevor du ein neues Kapitel anfängst, schreib drei Fragen zum letzten auf "
    "und beantworte sie ohne Notizen. Sich selbst zu testen misst nicht nur, was man gelernt hat; "
    "es ist eine der besten Arten zu lernen.",
]

TECHNIQUE_DEPTH = {
    "beginner": [
        "Wenn dir das viel vorkommt, fang klein an: Probier es heute ein einziges Mal mit einem Thema aus und schau, wie es sich anfühlt.",
        "Du musst es nicht perfekt machen. Schon eine kurze Runde heute ist ein toller erster Schritt.",
    ],
    "intermediate": [
        "In deiner Phase lohnt es sich, es diese Woche mit deinem schwächsten Thema zu kombinieren und darauf zu achten, welche Teile schwerer abzurufen sind.",
        "Wende es auf ein Thema an, das du gut zu kennen glaubst; vielleicht entdeckst du kleine Lücken, die sich zu schließen lohnen.",
    ],
    "advanced": [
        "Auf deinem Niveau kannst du weiter gehen: Wende es auf knifflige Grenzfälle an und vergleiche zwei Ansätze direkt miteinander.",
        "Für dich liegt die Herausforderung in der Präzision. Prüfe damit, ob du die genauen Bedingungen nennen kannst, unter denen jede Regel gilt.",
    ],
}

EXTRA = [
    "Hier ist ein Gedächtnistipp. Dein Gehirn merkt sich Geschichten viel besser als Listen. "
    "Wenn du mehrere Fakten lernst, verknüpfe sie zu einer kleinen Geschichte, auch wenn sie albern ist. "
    "Je seltsamer das Bild in deinem Kopf, desto leichter erinnerst du dich später daran.",
    "Ein Wort zum Schlaf. Vieles von dem, was du tagsüber lernst, wird im Schlaf sortiert und gespeichert. "
    "Eine lange Lernnacht, die deinen Schlaf verkürzt, kann also dazu führen, dass du dir weniger merkst. "
    "Ein ausgeruhtes Gehirn ist ein lernendes Gehirn.",
    "Reden wir über Motivation. Es ist normal, nicht jeden Tag motiviert zu sein. "
    "Der Trick ist, sich auf Gewohnheiten statt auf die Laune zu verlassen: Lerne zur gleichen Zeit und am gleichen Ort, "
    "dann wird das Anfangen nach und nach zur Routine.",
    "Eine kleine Reflexion für heute. Denk an etwas, das du jetzt verstehst und vor einem Monat noch nicht verstanden hast. "
    "Das ist der Beweis, dass deine Mühe wirkt. Halte an diesem Gefühl fest, wenn es schwierig wird.",
    "Ein kurzer Tipp zu deinem Lernplatz. Halte deinen Schreibtisch einfach und leg dein Handy beim Lernen in ein anderes Zimmer. "
    "Jede Benachrichtigung lenkt dich ab, und es dauert mehrere Minuten, bis deine Konzentration ganz zurück ist.",
    "Reden wir über Fehler. Eine falsche Antwort gehört zum Nützlichsten, was dir beim Lernen passieren kann, "
    "denn sie zeigt dir genau, wo dein Verständnis noch Arbeit braucht. "
    "Wer am schnellsten lernt, schaut sich die eigenen Fehler oft am genauesten an.",
    "Eine Idee für deine Notizen. Schreib nach jeder Lektion eine kurze Zusammenfassung aus drei Sätzen in deinen eigenen Worten. "
    "Lies am Ende der Woche nur diese Zusammenfassungen. Du wirst staunen, wie viel dann zurückkommt.",
    "Probier diese Reflexion: Wann warst du beim Lernen zuletzt so richtig konzentriert? "
    "Welche Tageszeit war es, wo warst du, und was hattest du gerade davor gemacht? "
    "Versuche, diese Bedingungen diese Woche wieder herzustellen.",
    "Ein Hinweis zu Pausen. Dein Gehirn arbeitet an einem Problem weiter, auch wenn du dich davon entfernst. "
    "Wenn du feststeckst, mach einen kurzen Spaziergang oder hol dir ein Glas Wasser und komm dann zurück. "
    "Die Lösung taucht oft genau dann auf, wenn du sie nicht mehr erzwingen willst.",
    "Hier etwas Ermutigendes. Lernen verläuft nicht geradlinig, sondern in Wellen. "
    "An manchen Tagen hast du das Gefühl, überhaupt nicht voranzukommen, und dann macht es plötzlich Klick. "
    "An diesen ruhigen Tagen knüpft dein Gehirn im Stillen neue Verbindungen.",
    "Noch ein Gedächtnistipp: Bring anderen bei, was du lernst. Wenn du ein Thema einer Freundin, einem Familienmitglied "
    "oder sogar deinem Haustier erklärst, musst du deine Gedanken ordnen. "
    "Wenn du es erklären kannst, dann kannst du es wirklich.",
    "Denken wir ans Planen. Schreib dir zu Beginn jeder Woche zwei oder drei kleine Ziele auf, "
    "zum Beispiel ein Kapitel abschließen oder ein Quiz wiederholen. "
    "Klare, kleine Ziele sind viel leichter zu erreichen als der vage Wunsch, mehr zu lernen.",
    "Ein Gedanke zur Neugier. Bevor du dein Material öffnest, stell dir eine Frage, auf die es dir eine Antwort geben soll. "
    "Mit einer Frage im Kopf liest du aufmerksamer, und die Antwort bleibt, wenn du sie gefunden hast, "
    "viel länger hängen als Fakten, über die du nur hinweggelesen hast.",
    "Ein Tipp zum Lesen. Markiere nicht alles; das fühlt sich produktiv an, bringt aber meistens wenig. "
    "Lies zuerst einen Abschnitt, dann schließ das Buch und schreib die zwei wichtigsten Gedanken auf. "
    "Erst danach schaust du nach, ob du richtig lagst.",
    "Reden wir über Aufregung vor einem Quiz. Ein bisschen Nervosität ist normal und kann dir sogar helfen, dich zu konzentrieren. "
    "Atme vier Sekunden lang langsam ein, halte die Luft vier Sekunden an und atme vier Sekunden lang aus. "
    "Ein paar Wiederholungen beruhigen den Körper und machen den Kopf frei.",
    "Eine Frage zum Nachdenken für heute: Welche Frage hast du dich im Unterricht nicht zu stellen getraut? "
    "Schreib sie jetzt auf. Morgen fragst du deine Lehrkraft, schlägst es nach oder bringst die Frage in eine Lerngruppe mit. "
    "Unbeantwortete Fragen wachsen sonst leicht zu größeren Lücken heran.",
    "Hier ist ein Gedächtnistrick namens Gedächtnispalast. Stell dir einen Ort vor, den du gut kennst, zum Beispiel deine Wohnung, "
    "und lege jede Idee, die du dir merken willst, in einen anderen Raum. "
    "Später machst du einen gedanklichen Rundgang durch die Räume und sammelst die Ideen nacheinander wieder ein.",
    "Reden wir über das Lernen mit anderen. Wenn du in einer kleinen Gruppe etwas erklärst oder hörst, wie jemand eine Aufgabe gelöst hat, "
    "lernst du neue Denkweisen kennen. Schon eine kurze gemeinsame Sitzung pro Woche kann viel bewirken.",
    "Ein Wort zu Ruhetagen. Einen leichteren Tag pro Woche einzulegen ist keine Faulheit; es hilft dir, auf Dauer motiviert zu bleiben. "
    "An diesem Tag kannst du vielleicht nur deine Zusammenfassungen durchgehen oder diesen Podcast hören und deinen Kopf auftanken lassen.",
    "So kommst du in Gang, wenn du keine Lust zum Lernen hast: Versprich dir nur fünf Minuten. "
    "Öffne deine Notizen, lies eine Seite und schau, wie es läuft. "
    "Das Anfangen ist der schwerste Teil, und wenn du erst einmal dabei bist, willst du oft weitermachen.",
]

COURSE_TIP = {
    "beginner": [
        "Ein einfacher Tipp für {course}: Schreib nach jeder Lektion die drei wichtigsten Begriffe auf, die du gehört hast, "
        "und zu jedem einen Satz, was er bedeutet. Eine kleine Gewohnheit, die ein starkes Fundament baut.",
        "Im Kurs {course} darfst du dir eine Erklärung ruhig zweimal ansehen oder durchlesen. "
        "Beim zweiten Mal fallen dir Dinge auf, die du übersehen hast, und das ist am Anfang völlig normal.",
    ],
    "intermediate": [
        "Für {course} probier Folgendes: Nimm eine Aufgabe, die du schon gelöst hast, und ändere ein Detail. "
        "Funktioniert deine Lösung noch? Mit Varianten zu spielen bringt dich vom Befolgen von Schritten zum echten Verstehen.",
        "Ein Tipp für {course}: Vergleiche zwei Ideen aus dem Kurs, die ähnlich aussehen, und schreib auf, worin sie sich unterscheiden. "
        "Klare Unterscheidungen machen aus einer guten Antwort eine großartige.",
    ],
    "advanced": [
        "Im Kurs {course} kannst du dich herausfordern, die Grenzen des Gelernten zu finden: "
        "Wo versagt der übliche Ansatz, und was würden Fachleute stattdessen tun? "
        "Über Grenzfälle nachzudenken vertieft echte Meisterschaft.",
        "Im Kurs {course} lohnt es sich, jede Regel zu begründen, statt sie nur anzuwenden. "
        "Wenn du erklären kannst, warum eine Methode so aufgebaut ist, kannst du sie auf Probleme übertragen, die dir noch niemand gezeigt hat.",
    ],
}

CONNECTION = [
    "Hier ist etwas Spannendes: {course} und {course2} haben mehr gemeinsam, als man denkt. "
    "Such nach einer Idee, die in beiden vorkommt, und achte darauf, wie jeder Kurs sie nutzt. "
    "Solche Verbindungen machen beide Fächer leichter zu merken.",
    "Versuch diese Woche, {course} mit {course2} zu verknüpfen. Frag dich, wie dir etwas aus dem einen Kurs "
    "bei einem Problem im anderen helfen könnte. Genau diese Denkweise macht aus einzelnen Fakten echtes Verständnis.",
    "Wenn du für {course} lernst, behalte {course2} im Hinterkopf. "
    "Wissen aus verschiedenen Kursen stützt sich oft gegenseitig, und solche Überschneidungen zu erkennen ist eine Fähigkeit für sich.",
]

QUESTIONS_INTRO = [
    "Und jetzt bist du dran. Ich stelle dir drei Fragen. "
    "Nimm dir für jede Zeit; es gibt keine Eile, und gerade das Nachdenken ist der Sinn der Sache.",
    "Jetzt kommt der Teil, in dem du zu Wort kommst. Hier sind drei Fragen für heute. "
    "Antworte mit deinen eigenen Worten; es muss nicht perfekt sein.",
    "Zum Schluss gibt es drei Fragen. Sie helfen dir, aus dem Gehörten etwas zu machen, woran du dich wirklich erinnerst, "
    "also gönn jeder einen Moment echten Nachdenkens.",
]

QUESTION_LEAD = [
    ["Hier ist deine erste Frage. {question}", "Fangen wir mit Frage eins an. {question}"],
    ["Jetzt die zweite Frage. {question}", "Weiter geht es mit Frage Nummer zwei. {question}"],
    ["Und hier ist die dritte und letzte Frage. {question}", "Zu guter Letzt, Frage drei. {question}"],
]

THINK_PROMPT = [
    "Nimm dir einen Moment zum Nachdenken und schreib deine Antwort dann ins Formular.",
    "Halte hier kurz inne, denk in Ruhe nach und schreib deine Antwort dann ins Formular.",
    "Gönn dir ein wenig Zeit zum Nachdenken und trag deine Antwort dann ins Formular ein.",
    "Denk in Ruhe darüber nach, und wenn du so weit bist, schreib deine Antwort ins Formular.",
]

RECAP = [
    "Fassen wir zusammen. Heute haben wir uns deine Kurse angesehen, den Themen, die es brauchen, besondere Aufmerksamkeit geschenkt, "
    "eine neue Lerntechnik ausprobiert und mit drei Fragen abgeschlossen. Ganz schön viel gute Arbeit für eine kurze Folge.",
    "Eine kurze Zusammenfassung, bevor wir uns verabschieden: Wir haben auf dein Lernen geschaut, besprochen, wo du deine Energie einsetzen kannst, "
    "und geübt, in eigenen Worten zu denken. Solche kleinen täglichen Schritte summieren sich schneller, als du denkst.",
    "Also, kurz gesagt: Du hast wiederholt, was du gerade lernst, eine Technik zum Ausprobieren mitgenommen "
    "und drei Fragen beantwortet. Denk an die Tipps von heute, wann immer du dich zum Lernen hinsetzt.",
]

SIGNOFF = [
    "Das war es für heute, {name}. Danke fürs Zuhören, und wir hören uns in der Folge von morgen. Mach weiter so!",
    "Danke, dass du dir diese Zeit genommen hast, {name}. Sei freundlich zu dir selbst, bleib dran, und bis morgen. Tschüss!",
    "Super gemacht heute, {name}. Denk daran: Ein bisschen jeden Tag bringt dich weit. Bis morgen und viel Spaß beim Lernen!",
    "Das war diese Folge, {name}. Ich bin stolz auf die Arbeit, die du hineinsteckst. Bis morgen bei Dailycast!",
]

QUESTIONS = {
    "course": [
        {
            "text": "Was ist in deinen eigenen Worten die wichtigste Idee, die du zuletzt im Kurs {course} gelernt hast?",
            "key_points": ["nennt eine konkrete Idee aus {course}", "erklärt sie in eigenen Worten", "sagt, warum sie wichtig ist"],
        },
        {
            "text": "Kannst du eine echte Situation beschreiben, in der dir etwas aus dem Kurs {course} nützen würde?",
            "key_points": ["eine konkrete Situation aus dem echten Leben", "verbindet sie mit einem Thema aus {course}"],
        },
        {
            "text": "Welches Thema im Kurs {course} ist dir noch unklar, und wie könntest du es dir klarer machen?",
            "key_points": ["nennt ein konkretes unklares Thema", "einen konkreten Plan, um es besser zu verstehen"],
        },
        {
            "text": "Wenn du einer Freundin oder einem Freund die Grundlagen von {course} in zwei Minuten erklären müsstest, was würdest du zuerst sagen?",
            "key_points": ["wählt die Kernideen von {course}", "erklärt sie einfach und in sinnvoller Reihenfolge"],
        },
    ],
    "weak": [
        {
            "text": "Was wirst du diese Woche ganz konkret tun, um in {subject} besser zu werden?",
            "key_points": ["eine konkrete, realistische Handlung", "wann oder wie oft"],
        },
        {
            "text": "Welcher Teil von {subject} macht dir am meisten Mühe, und woran liegt das deiner Meinung nach?",
            "key_points": ["nennt eine konkrete Schwierigkeit in {subject}", "einen durchdachten Grund dafür"],
        },
        {
            "text": "Denk an einen Fehler, den du zuletzt in {subject} gemacht hast. Was würdest du beim nächsten Mal anders machen?",
            "key_points": ["beschreibt den Fehler", "einen besseren Ansatz für das nächste Mal"],
        },
    ],
    "connect": [
        {
            "text": "Wie könnte dir etwas, das du im Kurs {course} gelernt hast, im Kurs {course2} helfen?",
            "key_points": ["eine Idee aus {course}", "wie sie in {course2} hilft"],
        },
        {
            "text": "Was haben {course} und {course2} gemeinsam, und wo unterscheiden sie sich am stärksten?",
            "key_points": ["eine echte Gemeinsamkeit", "einen klaren Unterschied"],
        },
    ],
    "general": [
        {
            "text": "Welche Lerntechnik von heute möchtest du als Erstes ausprobieren, und wann wirst du es tun?",
            "key_points": ["nennt eine Technik", "einen konkreten Zeitpunkt"],
        },
        {
            "text": "Worauf bist du bei deinem Lernen zuletzt stolz gewesen, und wie hast du das geschafft?",
            "key_points": ["etwas Konkretes, das gelernt wurde", "wie es gelernt wurde"],
        },
        {
            "text": "Was lenkt dich beim Lernen normalerweise ab, und was könntest du ändern, um das zu vermeiden?",
            "key_points": ["eine konkrete Ablenkung", "eine realistische Änderung"],
        },
        {
            "text": "Was möchtest du in einem Monat können, und was ist dein erster Schritt dorthin?",
            "key_points": ["ein klares Ziel", "ein konkreter erster Schritt"],
        },
    ],
}
