"""Italian phrases for the template writer (friendly "tu")."""

from . import join_with, percent

SENTENCE_GAP = " "


def join_list(items: list[str]) -> str:
    return join_with(items, " e ")


def format_percent(score: float) -> str:
    return percent(score)


GREETING = [
    "Ciao {name}, ti do il benvenuto nel tuo Dailycast! Questo è il tuo podcast di studio personale di oggi, "
    "preparato solo per te. Mettiti a tuo agio, magari con una tazza di tè, e passiamo insieme i prossimi minuti a imparare.",
    "Che bello averti qui, {name}! Ecco il Dailycast di oggi, il podcast che segue il tuo percorso di studio. "
    "Sono il tuo conduttore, e per i prossimi minuti ci siamo solo tu, io e un po' di buono studio.",
    "Ciao {name}, che bello ritrovarti su Dailycast! Ogni puntata nasce da quello che stai studiando in questo momento, "
    "quindi tutto ciò che ascolterai oggi riguarda i tuoi corsi, i tuoi progressi e i tuoi prossimi passi.",
    "Ehi {name}, che piacere ritrovarti! Questo è Dailycast, il tuo compagno di studio quotidiano. "
    "Trova un angolo tranquillo, fai un bel respiro, e facciamo in modo che questi minuti contino davvero.",
]

INTRO_COURSES = [
    "Visto che studi {courses}, la puntata di oggi è costruita proprio su questo. "
    "Ripasseremo i tuoi corsi uno per uno, dedicheremo un po' più di tempo a ciò che conta di più, "
    "e alla fine ti farò tre domande su cui riflettere.",
    "Visto che studi {courses}, ho preparato un piano adatto alla tua settimana. "
    "Prima un breve sguardo a ogni corso, poi un po' di pratica mirata, una tecnica di studio "
    "e, per finire, tre domande a cui rispondere.",
    "Visto che studi {courses}, oggi abbiamo tante cose di cui parlare. "
    "Cercheremo i collegamenti tra i tuoi corsi, guarderemo i tuoi risultati recenti "
    "e chiuderemo con tre domande che ti aiuteranno a ricordare quello che hai imparato.",
]

INTRO_NO_COURSES = [
    "Al momento non segui nessun corso, quindi oggi impariamo a imparare. "
    "Parleremo delle abitudini che rendono lo studio più facile, di una tecnica che puoi provare già oggi, "
    "e alla fine ti farò tre domande su cui riflettere.",
    "La puntata di oggi è una sessione di studio generale, perché non hai ancora scelto un corso. "
    "È il momento perfetto per costruire buone abitudini: vedremo come funziona la memoria, "
    "come organizzare il tempo di studio, e chiuderemo con tre domande.",
    "Per ora la tua lista dei corsi è vuota, quindi usiamo bene questo tempo. "
    "Ci concentreremo su capacità di studio che ti serviranno in qualsiasi materia, "
    "e chiuderò con tre domande che ti faranno pensare.",
]

LEVEL_INTRO = {
    "beginner": [
        "Sei all'inizio del tuo percorso di apprendimento, ed è un posto meraviglioso in cui trovarsi. "
        "Andremo passo dopo passo, con spiegazioni semplici e concentrandoci sulle basi. "
        "Non preoccuparti della perfezione; ogni esperto ha cominciato esattamente da dove sei tu adesso.",
        "Dato che hai appena iniziato, oggi andremo con calma e costruiremo basi solide. "
        "Ti spiegherò tutto con parole semplici e ti darò passi piccoli e facili. "
        "Ricorda che fare domande semplici è la cosa più intelligente che un principiante possa fare.",
    ],
    "intermediate": [
        "Le basi ormai le conosci bene, quindi oggi andiamo un po' più a fondo. "
        "Vedremo come le idee si collegano tra loro e dove si nascondono gli errori più comuni. "
        "È proprio in questa fase che la pratica costante trasforma le conoscenze in vere competenze.",
        "Hai superato i primi passi, e si vede dal tuo lavoro. "
        "Oggi costruiremo su quello che sai, confronteremo le idee e ci eserciteremo ad applicarle a problemi nuovi. "
        "Continua a spingerti un po' oltre la tua zona di comfort.",
    ],
    "advanced": [
        "Lavori a un livello avanzato, quindi non ripeterò le basi. "
        "Oggi puntiamo sulla profondità: i compromessi, i casi limite e le ragioni dietro le regole. "
        "Al tuo livello, i veri progressi arrivano spiegando le idee con precisione e mettendo in discussione le tue stesse ipotesi.",
        "I tuoi risultati mostrano una vera padronanza, quindi la puntata di oggi mira più in alto. "
        "Rifletteremo sul perché le cose funzionano, su quando smettono di funzionare e su come gli esperti scelgono tra diverse alternative. "
        "Prova a collegare ogni idea a qualcosa che potresti insegnare a qualcun altro.",
    ],
}

COURSE_SEGMENT = [
    "Guardiamo {course}. Ripensa alla tua ultima lezione: qual era l'idea principale? "
    "Dilla a te stesso in una sola frase. Se ci riesci, vuol dire che l'hai capita davvero.",
    "Un'idea per {course}: prendi l'abitudine di rivedere i tuoi appunti entro un giorno da ogni lezione. "
    "Dieci minuti di ripasso oggi ti risparmiano un'ora per reimparare tutto la settimana prossima.",
    "Adesso due parole su {course}. Prova a trovare un piccolo esempio della vita di tutti i giorni che somigli a quello che stai studiando. "
    "Gli esempi trasformano le idee astratte in qualcosa che puoi immaginare.",
    "Passiamo a {course}. Scegli un argomento che ti sembra ancora confuso e scrivi che cosa, esattamente, non ti è chiaro. "
    "Dare un nome al problema è già metà della soluzione.",
    "Tocca a {course}. Quando lo studi questa settimana, chiudi il libro e prova prima a ricordare i punti chiave a memoria. "
    "Sembra più faticoso, ma è proprio quello sforzo che fa restare le conoscenze.",
    "Pensiamo un momento a {course}. Dagli uno spazio breve e fisso nella tua giornata, anche solo quindici minuti. "
    "Sessioni piccole e regolari funzionano meglio di una lunga sessione a fine settimana.",
]

COURSE_BRIEF = [
    "Per {course}, ripassa l'idea principale dell'ultima lezione.",
    "In {course}, ricorda a memoria tre punti chiave.",
    "Per {course}, cerca un esempio quotidiano di ciò che hai imparato.",
    "In {course}, annota una cosa che non ti è ancora chiara.",
    "Per {course}, programma un breve ripasso questa settimana.",
    "In {course}, spiega ad alta voce l'ultimo argomento in un minuto.",
]

WEAK_INTRO = [
    "Ora dedichiamo un'attenzione speciale all'area in cui puoi crescere di più: {subjects}. "
    "Trovare qualcosa difficile non è un brutto segno; mostra solo da dove arriverà il tuo prossimo progresso.",
    "Ecco dove oggi rallenteremo un po': {subjects}. "
    "I tuoi quiz recenti mostrano che serve più pratica, e con un piano chiaro diventerà più facile.",
    "Parliamo di {subjects}, perché qui un po' di lavoro mirato darà i risultati migliori. "
    "Fare fatica con un argomento è una parte normale del suo apprendimento.",
]

WEAK_SEGMENT = [
    "Per {subject}, prova così: scegli un concetto chiave, spiegalo con parole tue su un foglio "
    "e poi confronta la tua spiegazione con gli appunti. Dove non coincidono, lì c'è il tuo prossimo obiettivo di studio.",
    "Con {subject}, un po' di pratica ogni giorno funziona meglio di una maratona dell'ultimo minuto. "
    "Fai tre piccoli esercizi al giorno per una settimana e segna quelli che sbagli, così potrai riprenderli nel fine settimana.",
    "Un piano concreto per {subject}: torna al tuo ultimo quiz, guarda ogni domanda sbagliata "
    "e trova il passaggio esatto in cui il tuo ragionamento ha preso la strada sbagliata. Poi prova un esercizio simile senza guardare la soluzione.",
    "Per fare progressi in {subject}, prepara qualche scheda con i termini e le regole che ti mettono in difficoltà. "
    "Ripassale cinque minuti ogni mattina e sposta in fondo al mazzo quelle che conosci bene.",
]

WEAK_BRIEF = [
    "Per {subject}, fai tre brevi esercizi al giorno questa settimana.",
    "In {subject}, riprendi ogni domanda del quiz che hai sbagliato.",
    "Per {subject}, prepara schede con le regole che ti confondono.",
    "In {subject}, spiega un concetto chiave con parole tue.",
]

NO_WEAK = [
    "Buone notizie: in questo momento nessuna delle tue materie spicca come punto debole. "
    "Quindi l'obiettivo di oggi è mantenere il tuo livello e metterti alla prova con materiale un po' più difficile.",
    "Al momento non c'è nessuna materia che ti stia frenando, ed è fantastico. "
    "Approfitta di questa libertà per approfondire gli argomenti che ti piacciono di più.",
    "I tuoi risultati sono ben equilibrati tra le materie in questo periodo. "
    "Continua a ripassare con regolarità perché resti così, e non aver paura di provare esercizi più difficili.",
]

SCORES_INTRO = [
    "Ora diamo un'occhiata ai risultati dei tuoi ultimi quiz.",
    "Vediamo velocemente com'è andata con i quiz recenti.",
    "È il momento di guardare brevemente i tuoi punteggi più recenti.",
]

SCORE_COMMENT = {
    "low": [
        "In {subject} hai ottenuto il {score}. È un punto di partenza, non un verdetto; "
        "rivedi gli errori con calma e vedrai salire il prossimo punteggio.",
        "Hai preso il {score} in {subject}. Non è stata la tua giornata migliore in quella materia, ma ogni risposta sbagliata ti mostra esattamente cosa esercitare.",
        "Il tuo quiz di {subject} si è fermato al {score}. Non scoraggiarti; rivedilo questa settimana e prova qualche domanda simile.",
    ],
    "mid": [
        "In {subject} hai ottenuto il {score}, un risultato solido. Con un po' più di ripasso puoi salire ancora.",
        "Hai raggiunto il {score} in {subject}. Bel lavoro; ora guarda le domande sbagliate e colmerai la differenza.",
        "Il tuo quiz di {subject} è arrivato al {score}. È un progresso vero, quindi mantieni lo slancio.",
    ],
    "high": [
        "In {subject} hai ottenuto un ottimo {score}. Complimenti, è il frutto di un impegno vero.",
        "Hai preso il {score} in {subject}. Fantastico! Prova a spiegare quell'argomento a qualcun altro per fissarlo bene.",
        "Il tuo quiz di {subject} segna il {score}. È un gran risultato, quindi goditelo e punta alla stessa costanza la prossima volta.",
    ],
}

NO_SCORES = [
    "Non ho ancora risultati dei tuoi quiz, e va benissimo così. "
    "Il tuo primo quiz ci mostrerà semplicemente a che punto sei, quindi non c'è niente da temere.",
    "Oggi non ci sono punteggi recenti da guardare. "
    "Quando farai il prossimo quiz, consideralo un esercizio e non una misura del tuo valore.",
    "Non abbiamo ancora risultati, quindi oggi non c'è niente da valutare. "
    "Concentrati sul capire, e i punteggi arriveranno da soli.",
]

TECHNIQUE = [
    "La tecnica di studio di oggi è il richiamo attivo. Invece di rileggere gli appunti, chiudili e chiediti che cosa ricordi. "
    "Scrivilo, poi apri gli appunti e controlla. Ogni volta che tiri fuori un'informazione dalla memoria, "
    "la rendi più forte e più facile da ritrovare la volta successiva.",
    "La tecnica di studio di oggi è la ripetizione dilazionata. Ripassa un argomento oggi, poi fra due giorni, poi dopo una settimana "
    "e ancora una volta dopo due settimane. Ogni ripasso arriva poco prima che tu dimentichi, "
    "ed è proprio questo tempismo che porta le conoscenze nella memoria a lungo termine.",
    "La tecnica di studio di oggi è il metodo Feynman. Scegli un argomento e spiegalo come se lo insegnassi a un ragazzino di dodici anni. "
    "Ogni volta che ti blocchi o usi una parola complicata, torna al tuo materiale. "
    "Le spiegazioni semplici rivelano esattamente quello che non hai ancora capito.",
    "La tecnica di studio di oggi è la pratica alternata. Invece di esercitarti per un'ora su un solo tipo di problema, "
    "mescola due o tre tipi diversi nella stessa sessione. All'inizio sembra più lento, "
    "ma allena il tuo cervello a scegliere il metodo giusto, ed è proprio ciò che ti chiede un quiz.",
    "La tecnica di studio di oggi è il metodo Pomodoro. Imposta un timer di venticinque minuti e studia con la massima concentrazione, "
    "con il telefono lontano. Poi fai una pausa di cinque minuti. Dopo quattro giri, concediti una pausa più lunga. "
    "Blocchi brevi e concentrati mantengono la mente fresca.",
    "La tecnica di studio di oggi è l'autoverifica. Prima di iniziare un nuovo capitolo, scrivi tre domande su quello precedente "
    "e rispondi senza appunti. Metterti alla prova non serve solo a misurare ciò che sai; "
    "è uno dei modi migliori per imparare.",
]

TECHNIQUE_DEPTH = {
    "beginner": [
        "Se ti sembra tanto, comincia in piccolo: usala una sola volta oggi con un solo argomento e guarda come va.",
        "Non cercare di farlo alla perfezione. Anche un solo breve giro oggi è un ottimo primo passo.",
    ],
    "intermediate": [
        "Nella tua fase, prova a combinarla questa settimana con il tuo argomento più debole, e nota quali parti sono più difficili da ricordare.",
        "Usala su un argomento che pensi di conoscere bene; potresti scoprire piccole lacune che vale la pena colmare.",
    ],
    "advanced": [
        "Al tuo livello, spingila più in là: applicala ai casi limite più delicati e confronta due approcci fianco a fianco.",
        "Per te la sfida è la precisione. Usala per verificare se sai indicare le condizioni esatte in cui vale ogni regola.",
    ],
}

EXTRA = [
    "Ecco un consiglio per la memoria. Il cervello ricorda le storie molto meglio degli elenchi. "
    "Quando impari una serie di fatti, prova a collegarli in una piccola storia, anche buffa. "
    "Più strana è l'immagine nella tua testa, più facile sarà ricordarla dopo.",
    "Due parole sul sonno. Gran parte di ciò che impari durante il giorno viene riordinata e conservata mentre dormi. "
    "Quindi studiare fino a tardi togliendo ore al sonno può farti ricordare di meno. "
    "Un cervello riposato è un cervello che impara.",
    "Parliamo di motivazione. È normale non avere voglia tutti i giorni. "
    "Il trucco è affidarsi alle abitudini invece che all'umore: studia alla stessa ora e nello stesso posto, "
    "e cominciare diventerà pian piano automatico.",
    "Una piccola riflessione per oggi. Pensa a una cosa che adesso capisci e che un mese fa non capivi. "
    "È la prova che il tuo impegno funziona. Tieniti stretta questa sensazione quando le cose si fanno difficili.",
    "Un consiglio veloce sul tuo spazio di studio. Tieni la scrivania semplice e lascia il telefono in un'altra stanza mentre studi. "
    "Ogni notifica ti porta via l'attenzione, e servono diversi minuti per ritrovare del tutto la concentrazione.",
    "Parliamo degli errori. Una risposta sbagliata è una delle cose più utili che possano capitare mentre impari, "
    "perché ti mostra esattamente dove la tua comprensione ha bisogno di lavoro. "
    "Chi impara più in fretta spesso è chi guarda i propri errori più da vicino.",
    "Un'idea per i tuoi appunti. Dopo ogni lezione, scrivi un breve riassunto di tre frasi con parole tue. "
    "Alla fine della settimana, rileggi solo quei riassunti. Ti stupirà quante cose ti tornano in mente.",
    "Prova questa riflessione: quando ti è capitato l'ultima volta di essere davvero concentrato mentre studiavi? "
    "Che ora del giorno era, dove ti trovavi e che cosa avevi appena fatto? "
    "Prova a ricreare quelle condizioni questa settimana.",
    "Una nota sulle pause. Il cervello continua a lavorare su un problema anche quando te ne allontani. "
    "Se ti blocchi, fai una breve passeggiata o bevi un bicchiere d'acqua, poi torna. "
    "Spesso la soluzione arriva quando smetti di forzarla.",
    "Ecco qualcosa di incoraggiante. L'apprendimento non è una linea retta; arriva a ondate. "
    "Certi giorni ti sembrerà di non andare avanti per niente, e poi all'improvviso tutto torna. "
    "Quei giorni tranquilli sono quelli in cui il cervello costruisce collegamenti in silenzio.",
    "Un altro trucco per la memoria: insegna quello che impari. Spiegare un argomento a un amico, a qualcuno della tua famiglia "
    "o perfino al tuo animale domestico ti costringe a mettere in ordine i pensieri. "
    "Se riesci a insegnarlo, vuol dire che lo sai davvero.",
    "Pensiamo alla pianificazione. All'inizio di ogni settimana, scrivi due o tre piccoli obiettivi, "
    "come finire un capitolo o rifare un quiz. "
    "Obiettivi chiari e piccoli sono molto più facili da raggiungere di un vago desiderio di studiare di più.",
    "Un pensiero sulla curiosità. Prima di aprire il tuo materiale, fatti una domanda a cui vorresti che rispondesse. "
    "Leggere con una domanda in testa ti tiene sveglio, e la risposta, una volta trovata, "
    "ti resta in mente molto più a lungo dei fatti letti di sfuggita.",
    "Un consiglio sulla lettura. Non sottolineare tutto; sembra produttivo, ma di solito non lo è. "
    "Leggi prima una sezione, poi chiudi il libro e scrivi le due idee più importanti. "
    "Solo dopo torna indietro e controlla se avevi ragione.",
    "Parliamo dell'ansia prima di un quiz. Un po' di nervosismo è normale e può perfino aiutarti a concentrarti. "
    "Inspira lentamente per quattro secondi, trattieni il respiro per quattro ed espira per altri quattro. "
    "Farlo qualche volta calma il corpo e schiarisce le idee.",
    "Una domanda su cui riflettere oggi: quale dubbio ti sei vergognato di chiedere a lezione? "
    "Scrivilo adesso. Domani chiedilo all'insegnante, cercalo da solo o portalo in un gruppo di studio. "
    "I dubbi lasciati senza risposta tendono a diventare lacune più grandi.",
    "Ecco un trucco di memoria chiamato palazzo della memoria. Immagina un luogo che conosci bene, come casa tua, "
    "e metti ogni idea da ricordare in una stanza diversa. "
    "Più tardi, fai una passeggiata mentale tra le stanze e raccogli le idee una alla volta.",
    "Parliamo dello studio in compagnia. Spiegare le cose in un piccolo gruppo, o ascoltare come un compagno ha risolto un problema, "
    "ti fa scoprire nuovi modi di pensare. Anche una breve sessione alla settimana può fare una grande differenza.",
    "Due parole sui giorni di riposo. Prenderti un giorno più leggero alla settimana non è pigrizia; ti aiuta a restare motivato nel lungo periodo. "
    "Quel giorno magari rileggi solo i tuoi riassunti o ascolti questo podcast, e lascia che la mente si ricarichi.",
    "Ecco come cominciare quando non hai voglia di studiare: prometti a te stesso solo cinque minuti. "
    "Apri gli appunti, leggi una pagina e vedi come va. "
    "Cominciare è la parte più difficile, e una volta partito, spesso avrai voglia di continuare.",
]

COURSE_TIP = {
    "beginner": [
        "Un consiglio semplice per {course}: dopo ogni lezione, scrivi le tre parole più importanti che hai sentito "
        "e una frase su cosa significa ciascuna. È una piccola abitudine che costruisce basi solide.",
        "In {course}, non aver paura di guardare o leggere una spiegazione due volte. "
        "La seconda volta noterai cose che ti erano sfuggite, ed è del tutto normale all'inizio.",
    ],
    "intermediate": [
        "Per {course}, prova questo: prendi un problema che hai già risolto e cambia un dettaglio. "
        "La tua soluzione funziona ancora? Giocare con le varianti ti porta dal seguire i passaggi al capirli davvero.",
        "Un consiglio per {course}: confronta due idee del corso che sembrano simili e scrivi in che cosa si differenziano. "
        "Le distinzioni nette sono ciò che separa una buona risposta da una risposta eccellente.",
    ],
    "advanced": [
        "In {course}, sfida te stesso a trovare i limiti di ciò che hai imparato: "
        "dove fallisce l'approccio standard, e che cosa farebbe un esperto al suo posto? "
        "Ragionare sui casi limite è ciò che approfondisce la vera padronanza.",
        "In {course}, prova a giustificare ogni regola invece di limitarti ad applicarla. "
        "Se sai spiegare perché un metodo è fatto così, potrai adattarlo a problemi che nessuno ti ha mai mostrato.",
    ],
}

CONNECTION = [
    "Ecco una cosa interessante: {course} e {course2} hanno più in comune di quanto sembri. "
    "Cerca un'idea che compare in entrambi e osserva come la usa ciascun corso. "
    "Collegamenti del genere rendono entrambe le materie più facili da ricordare.",
    "Questa settimana prova a collegare {course} con {course2}. Chiediti come qualcosa imparato in uno "
    "potrebbe aiutarti a risolvere un problema nell'altro. È questo modo di pensare che trasforma fatti separati in vera comprensione.",
    "Quando studi {course}, tieni {course2} in un angolo della mente. "
    "Le conoscenze di corsi diversi spesso si sostengono a vicenda, e accorgersi di queste sovrapposizioni è un'abilità di per sé.",
]

QUESTIONS_INTRO = [
    "E adesso tocca a te. Ti farò tre domande. "
    "Prenditi il tuo tempo per ognuna; non c'è fretta, e ragionarci sopra è proprio lo scopo.",
    "Ecco la parte in cui parli tu. Ci sono tre domande per oggi. "
    "Rispondi con parole tue; non deve essere perfetto.",
    "Chiudiamo con tre domande. Ti aiutano a trasformare quello che hai ascoltato in qualcosa che ricordi davvero, "
    "quindi dedica a ciascuna un momento di vera riflessione.",
]

QUESTION_LEAD = [
    ["Ecco la tua prima domanda. {question}", "Cominciamo con la domanda numero uno. {question}"],
    ["Ora la seconda domanda. {question}", "Passiamo alla domanda numero due. {question}"],
    ["Ed ecco la terza e ultima domanda. {question}", "Infine, la domanda numero tre. {question}"],
]

THINK_PROMPT = [
    "Prenditi un momento per pensarci, poi scrivi la tua risposta nel modulo.",
    "Fermati qui un attimo, rifletti bene e poi scrivi la tua risposta nel modulo.",
    "Concediti un po' di tempo per pensare, poi inserisci la tua risposta nel modulo.",
    "Pensaci con calma, e quando hai la risposta, scrivila nel modulo.",
]

RECAP = [
    "Ricapitoliamo. Oggi abbiamo ripassato i tuoi corsi, dato un'attenzione speciale agli argomenti che ne hanno bisogno, "
    "provato una nuova tecnica di studio e chiuso con tre domande. Tanto buon lavoro per una puntata così breve.",
    "Un breve riassunto prima di salutarci: abbiamo fatto il punto sui tuoi studi, parlato di dove mettere le tue energie "
    "e ci siamo esercitati a ragionare con parole tue. Questi piccoli passi quotidiani si sommano più in fretta di quanto pensi.",
    "Quindi, per riassumere: hai ripassato quello che stai imparando, porti a casa una tecnica da provare "
    "e hai risposto a tre domande. Torna ai consigli di oggi ogni volta che ti siedi a studiare.",
]

SIGNOFF = [
    "Per oggi è tutto, {name}. Grazie per l'ascolto, e ci sentiamo nella puntata di domani. Continua così!",
    "Grazie per aver passato questo tempo con me, {name}. Sii gentile con te stesso, vai avanti, e ci sentiamo domani. A presto!",
    "Ottimo lavoro oggi, {name}. Ricorda: un po' ogni giorno ti porta lontano. A domani, e buono studio!",
    "Questa puntata finisce qui, {name}. Sono fiero dell'impegno che ci stai mettendo. Ci vediamo domani su Dailycast!",
]

QUESTIONS = {
    "course": [
        {
            "text": "Con parole tue, qual è l'idea più importante che hai imparato di recente in {course}?",
            "key_points": ["indica un'idea precisa di {course}", "la spiega con parole proprie", "dice perché è importante"],
        },
        {
            "text": "Sai descrivere una situazione reale in cui qualcosa che hai imparato in {course} sarebbe utile?",
            "key_points": ["una situazione reale e concreta", "la collega a un argomento di {course}"],
        },
        {
            "text": "Quale argomento di {course} ti sembra ancora poco chiaro, e come potresti chiarirlo?",
            "key_points": ["indica un argomento preciso poco chiaro", "un piano concreto per capirlo meglio"],
        },
        {
            "text": "Se dovessi spiegare le basi di {course} a un amico in due minuti, che cosa gli diresti per prima cosa?",
            "key_points": ["sceglie le idee centrali di {course}", "le spiega in modo semplice e in un ordine logico"],
        },
    ],
    "weak": [
        {
            "text": "Che cosa farai concretamente questa settimana per migliorare in {subject}?",
            "key_points": ["un'azione precisa e realistica", "quando o quanto spesso"],
        },
        {
            "text": "Quale parte di {subject} ti mette più in difficoltà, e secondo te perché?",
            "key_points": ["indica una difficoltà precisa in {subject}", "una ragione ben ponderata"],
        },
        {
            "text": "Pensa a un errore che hai fatto di recente in {subject}. Che cosa faresti di diverso la prossima volta?",
            "key_points": ["descrive l'errore", "un approccio migliore per la prossima volta"],
        },
    ],
    "connect": [
        {
            "text": "In che modo qualcosa che hai imparato in {course} potrebbe aiutarti in {course2}?",
            "key_points": ["un'idea di {course}", "come si applica in {course2}"],
        },
        {
            "text": "Che cosa hanno in comune {course} e {course2}, e dove sono più diversi?",
            "key_points": ["una somiglianza reale", "una differenza chiara"],
        },
    ],
    "general": [
        {
            "text": "Quale tecnica di studio di oggi vorresti provare per prima, e quando la proverai?",
            "key_points": ["indica una tecnica", "un momento preciso per provarla"],
        },
        {
            "text": "Quale risultato recente nello studio ti dà più soddisfazione, e come l'hai raggiunto?",
            "key_points": ["un risultato preciso", "come l'ha raggiunto"],
        },
        {
            "text": "Che cosa ti distrae di solito quando studi, e che cosa potresti cambiare per evitarlo?",
            "key_points": ["una distrazione precisa", "un cambiamento realistico"],
        },
        {
            "text": "Che cosa vorresti saper fare fra un mese, e qual è il tuo primo passo per arrivarci?",
            "key_points": ["un obiettivo chiaro", "un primo passo concreto"],
        },
    ],
}
