"""French phrases for the template writer (friendly "tu")."""

from . import join_with, percent

SENTENCE_GAP = " "


def join_list(items: list[str]) -> str:
    return join_with(items, " et ")


def format_percent(score: float) -> str:
    return percent(score, " %")


GREETING = [
    "Bonjour {name}, et bienvenue dans ton Dailycast ! Voici ton podcast d'apprentissage personnel du jour, "
    "préparé rien que pour toi. Installe-toi confortablement, prends peut-être une tasse de thé, et passons ensemble ces quelques minutes à apprendre.",
    "Ravi de te retrouver, {name} ! Bienvenue dans le Dailycast d'aujourd'hui, le podcast qui suit tes propres études. "
    "Je suis ton animateur, et pendant les prochaines minutes, il n'y a que toi, moi et un bon moment d'apprentissage.",
    "Salut {name}, content de te revoir sur Dailycast ! Chaque épisode est construit à partir de ce que tu étudies en ce moment, "
    "donc tout ce que tu vas entendre aujourd'hui parle de tes cours, de tes progrès et de tes prochaines étapes.",
    "Coucou {name}, quel plaisir d'être à nouveau avec toi ! Ici Dailycast, ton compagnon d'apprentissage quotidien. "
    "Trouve un coin calme, respire profondément, et faisons en sorte que ces quelques minutes comptent vraiment.",
]

INTRO_COURSES = [
    "Comme tu étudies {courses}, l'épisode d'aujourd'hui est construit exactement autour de ça. "
    "Nous allons passer tes cours en revue un par un, prendre un peu plus de temps là où c'est le plus important, "
    "et à la fin, je te poserai trois questions à méditer.",
    "Comme tu étudies {courses}, j'ai préparé un programme adapté à ta semaine. "
    "D'abord un bref regard sur chaque cours, puis un peu d'entraînement ciblé, une technique d'étude, "
    "et pour finir, trois questions auxquelles tu pourras répondre.",
    "Comme tu étudies {courses}, nous avons plein de choses à nous dire aujourd'hui. "
    "Nous allons relier tes cours entre eux, regarder tes résultats récents, "
    "et terminer par trois questions qui t'aideront à retenir ce que tu as appris.",
]

INTRO_NO_COURSES = [
    "Tu ne suis aucun cours pour le moment, alors aujourd'hui, on apprend à apprendre. "
    "Nous parlerons des habitudes qui rendent les études plus faciles, d'une technique à essayer dès aujourd'hui, "
    "et à la fin, je te poserai trois questions à méditer.",
    "L'épisode d'aujourd'hui est une séance d'étude générale, puisque tu n'as pas encore choisi de cours. "
    "C'est le moment idéal pour prendre de bonnes habitudes : nous verrons comment fonctionne la mémoire, "
    "comment organiser ton temps de travail, et nous finirons par trois questions.",
    "Pour l'instant, ta liste de cours est vide, alors profitons bien de ce moment. "
    "Nous allons nous concentrer sur des méthodes de travail utiles dans n'importe quelle matière, "
    "et je terminerai par trois questions pour te faire réfléchir.",
]

LEVEL_INTRO = {
    "beginner": [
        "Tu es au début de ton parcours d'apprentissage, et c'est un endroit formidable où se trouver. "
        "Nous avancerons pas à pas, avec des explications simples, en nous concentrant sur les bases. "
        "Ne cherche pas la perfection ; tous les experts ont commencé exactement là où tu es aujourd'hui.",
        "Comme tu débutes, nous allons prendre notre temps aujourd'hui et construire des bases solides. "
        "Je vais tout expliquer avec des mots simples et te proposer de petites étapes faciles. "
        "Souviens-toi : poser des questions simples, c'est ce qu'un débutant peut faire de plus intelligent.",
    ],
    "intermediate": [
        "Tu maîtrises déjà bien les bases, alors aujourd'hui, nous allons creuser un peu plus. "
        "Nous verrons comment les idées s'articulent entre elles et où se cachent les erreurs les plus fréquentes. "
        "C'est à ce stade que la pratique régulière transforme les connaissances en véritables compétences.",
        "Tu as dépassé les premières étapes, et ça se voit dans ton travail. "
        "Aujourd'hui, nous allons nous appuyer sur ce que tu sais, comparer des idées et nous entraîner à les appliquer à de nouveaux problèmes. "
        "Continue à sortir un peu de ta zone de confort.",
    ],
    "advanced": [
        "Tu travailles à un niveau avancé, donc je ne vais pas répéter les bases. "
        "Aujourd'hui, nous visons la profondeur : les compromis, les cas limites et les raisons qui se cachent derrière les règles. "
        "À ton niveau, les vrais progrès viennent d'explications précises et de la remise en question de tes propres hypothèses.",
        "Tes résultats montrent une vraie maîtrise, alors l'épisode d'aujourd'hui vise plus haut. "
        "Nous réfléchirons à pourquoi les choses fonctionnent, à quel moment elles cèdent, et à la façon dont les experts choisissent entre plusieurs options. "
        "Essaie de relier chaque idée à quelque chose que tu pourrais enseigner à quelqu'un d'autre.",
    ],
}

COURSE_SEGMENT = [
    "Regardons {course}. Repense à ton dernier cours : quelle était l'idée principale ? "
    "Formule-la en une seule phrase. Si tu y arrives, c'est que tu l'as vraiment comprise.",
    "Une idée pour {course} : prends l'habitude de relire tes notes dans la journée qui suit chaque cours. "
    "Dix minutes de révision aujourd'hui t'évitent une heure de réapprentissage la semaine prochaine.",
    "Un mot maintenant sur {course}. Essaie de trouver un petit exemple de la vie quotidienne qui ressemble à ce que tu apprends. "
    "Les exemples transforment les idées abstraites en images que tu peux te représenter.",
    "Passons à {course}. Choisis un sujet qui te semble encore flou et écris ce qui, exactement, n'est pas clair. "
    "Nommer le problème, c'est déjà la moitié de la solution.",
    "Place à {course}. Quand tu l'étudieras cette semaine, ferme le livre et essaie d'abord de retrouver les points clés de mémoire. "
    "C'est plus difficile, mais c'est précisément cet effort qui fait que les connaissances restent.",
    "Pensons un instant à {course}. Donne-lui un petit créneau fixe dans ta journée, même quinze minutes. "
    "De petites séances régulières valent mieux qu'une longue séance en fin de semaine.",
]

COURSE_BRIEF = [
    "En {course}, revois l'idée principale de ton dernier cours.",
    "Pour {course}, retrouve trois points clés de mémoire.",
    "En {course}, cherche un exemple concret de ce que tu as appris.",
    "Pour {course}, note une chose qui n'est pas encore claire.",
    "En {course}, prévois une courte séance de révision cette semaine.",
    "Pour {course}, explique le dernier sujet à voix haute en une minute.",
]

WEAK_INTRO = [
    "Maintenant, accordons une attention particulière au domaine où tu peux le plus progresser : {subjects}. "
    "Trouver quelque chose difficile n'est pas mauvais signe ; ça montre simplement d'où viendront tes prochains progrès.",
    "Voici où nous allons ralentir un peu aujourd'hui : {subjects}. "
    "Tes derniers quiz montrent qu'il faut encore s'entraîner, et avec un plan clair, ça deviendra plus facile.",
    "Parlons de {subjects}, car c'est là qu'un peu de travail ciblé rapportera le plus. "
    "Avoir du mal avec un sujet fait tout naturellement partie de son apprentissage.",
]

WEAK_SEGMENT = [
    "Pour {subject}, essaie ceci : choisis une notion clé, explique-la avec tes propres mots sur une feuille, "
    "puis compare ton explication avec tes notes. Là où elles ne concordent pas, tu tiens ton prochain objectif de révision.",
    "En {subject}, un peu d'entraînement chaque jour fonctionne mieux que le bachotage. "
    "Fais trois petits exercices par jour pendant une semaine, et marque ceux que tu rates pour y revenir le week-end.",
    "Un plan concret pour {subject} : reprends ton dernier quiz, regarde chaque question ratée "
    "et trouve l'étape exacte où ton raisonnement a dérapé. Ensuite, essaie un exercice similaire sans regarder la réponse.",
    "Pour avancer en {subject}, prépare quelques fiches avec les termes et les règles qui te posent problème. "
    "Parcours-les cinq minutes chaque matin, et mets à la fin du paquet celles que tu connais bien.",
]

WEAK_BRIEF = [
    "En {subject}, fais trois courts exercices par jour cette semaine.",
    "Pour {subject}, reprends chaque question de quiz que tu as ratée.",
    "En {subject}, fais des fiches des règles qui te posent problème.",
    "Pour {subject}, explique une notion clé avec tes propres mots.",
]

NO_WEAK = [
    "Bonne nouvelle : aucune de tes matières ne ressort comme un point faible en ce moment. "
    "Aujourd'hui, l'objectif est donc de garder ton niveau et de te lancer des défis un peu plus difficiles.",
    "Pour l'instant, aucune matière ne te freine vraiment, et c'est génial. "
    "Profite de cette liberté pour approfondir les sujets qui te plaisent le plus.",
    "Tes résultats sont bien équilibrés entre les matières en ce moment. "
    "Continue à réviser régulièrement pour que ça dure, et n'aie pas peur d'essayer des exercices plus difficiles.",
]

SCORES_INTRO = [
    "Maintenant, regardons tes derniers résultats de quiz.",
    "Jetons un coup d'œil rapide à tes quiz récents.",
    "Place à un petit bilan de tes notes les plus récentes.",
]

SCORE_COMMENT = {
    "low": [
        "En {subject}, tu as obtenu {score}. C'est un point de départ, pas un verdict ; "
        "reprends tes erreurs calmement et tu verras la prochaine note monter.",
        "Tu as eu {score} en {subject}. Ce n'était pas ton meilleur jour dans cette matière, mais chaque mauvaise réponse te montre exactement quoi travailler.",
        "Ton quiz de {subject} affiche {score}. Ne te décourage pas ; revois-le cette semaine et essaie quelques questions du même genre.",
    ],
    "mid": [
        "En {subject}, tu as obtenu {score}, un résultat solide. Avec un peu plus de révision, tu peux aller encore plus haut.",
        "Tu as atteint {score} en {subject}. Beau travail ; regarde maintenant les questions manquées et tu combleras l'écart.",
        "Ton quiz de {subject} arrive à {score}. C'est un vrai progrès, alors garde cet élan.",
    ],
    "high": [
        "En {subject}, tu as obtenu un excellent {score}. Bravo, c'est le fruit d'un vrai effort.",
        "Tu as eu {score} en {subject}. Fantastique ! Essaie d'expliquer ce sujet à quelqu'un pour bien l'ancrer.",
        "Ton quiz de {subject} indique {score}. C'est un super résultat, alors savoure-le et vise la même régularité la prochaine fois.",
    ],
}

NO_SCORES = [
    "Je n'ai encore aucun résultat de quiz de ta part, et c'est tout à fait normal. "
    "Ton premier quiz nous montrera simplement où tu en es, donc rien à craindre.",
    "Il n'y a pas de notes récentes à regarder aujourd'hui. "
    "Quand tu feras ton prochain quiz, vois-le comme un entraînement plutôt que comme un jugement sur toi.",
    "Nous n'avons pas encore de résultats, donc rien à noter aujourd'hui. "
    "Concentre-toi sur la compréhension, et les notes suivront.",
]

TECHNIQUE = [
    "La technique d'étude du jour, c'est le rappel actif. Au lieu de relire tes notes, ferme-les et demande-toi ce dont tu te souviens. "
    "Écris-le, puis ouvre tes notes pour vérifier. Chaque fois que tu vas chercher une information dans ta mémoire, "
    "tu la renforces et tu la retrouves plus facilement la fois suivante.",
    "La technique d'étude du jour, c'est la répétition espacée. Révise un sujet aujourd'hui, puis dans deux jours, puis une semaine plus tard, "
    "et encore une fois après deux semaines. Chaque révision arrive juste avant l'oubli, "
    "et c'est ce timing qui fait passer les connaissances dans la mémoire à long terme.",
    "La technique d'étude du jour, c'est la méthode Feynman. Choisis un sujet et explique-le comme si tu l'enseignais à un enfant de douze ans. "
    "Dès que tu bloques ou que tu utilises un mot compliqué, retourne à tes supports. "
    "Les explications simples révèlent exactement ce que tu n'as pas encore compris.",
    "La technique d'étude du jour, c'est l'entrelacement. Au lieu de t'entraîner pendant une heure sur un seul type de problème, "
    "mélange deux ou trois types différents dans la même séance. Au début, ça paraît plus lent, "
    "mais ça entraîne ton cerveau à choisir la bonne méthode, et c'est exactement ce qu'un quiz te demande.",
    "La technique d'étude du jour, c'est la méthode Pomodoro. Règle un minuteur sur vingt-cinq minutes et travaille avec une concentration totale, "
    "téléphone éloigné. Ensuite, fais une pause de cinq minutes. Après quatre tours, prends une pause plus longue. "
    "Des blocs courts et concentrés gardent ton esprit frais.",
    "La technique d'étude du jour, c'est l'auto-évaluation. Avant de commencer un nouveau chapitre, écris trois questions sur le précédent "
    "et réponds-y sans tes notes. Se tester, ce n'est pas seulement mesurer ce qu'on sait ; "
    "c'est l'une des meilleures façons d'apprendre.",
]

TECHNIQUE_DEPTH = {
    "beginner": [
        "Si ça te paraît beaucoup, commence petit : utilise-la une seule fois aujourd'hui sur un seul sujet, et vois comment ça se passe.",
        "N'essaie pas de le faire parfaitement. Même un seul petit tour aujourd'hui est un excellent premier pas.",
    ],
    "intermediate": [
        "À ton stade, essaie de la combiner cette semaine avec ton sujet le plus faible, et remarque quelles parties sont plus difficiles à retrouver.",
        "Utilise-la sur un sujet que tu crois bien connaître ; tu y trouveras peut-être de petites lacunes à combler.",
    ],
    "advanced": [
        "À ton niveau, pousse-la plus loin : applique-la aux cas limites délicats et compare deux approches côte à côte.",
        "Pour toi, le défi, c'est la précision. Sers-t'en pour vérifier si tu peux énoncer les conditions exactes dans lesquelles chaque règle s'applique.",
    ],
}

EXTRA = [
    "Voici une astuce de mémoire. Ton cerveau retient bien mieux les histoires que les listes. "
    "Quand tu apprends plusieurs faits, essaie de les relier dans une petite histoire, même farfelue. "
    "Plus l'image dans ta tête est étrange, plus il est facile de t'en souvenir ensuite.",
    "Un mot sur le sommeil. Une grande partie de ce que tu apprends dans la journée est triée et rangée pendant que tu dors. "
    "Réviser tard le soir en rognant sur ton sommeil peut donc te faire retenir moins. "
    "Un cerveau reposé est un cerveau qui apprend.",
    "Parlons de motivation. C'est normal de ne pas se sentir motivé tous les jours. "
    "L'astuce, c'est de compter sur les habitudes plutôt que sur l'humeur : travaille à la même heure et au même endroit, "
    "et se mettre au travail deviendra peu à peu automatique.",
    "Une petite réflexion pour aujourd'hui. Pense à une chose que tu comprends maintenant et que tu ne comprenais pas il y a un mois. "
    "C'est la preuve que tes efforts paient. Garde ce sentiment en tête quand les choses deviennent difficiles.",
    "Un conseil rapide sur ton espace de travail. Garde ton bureau simple et laisse ton téléphone dans une autre pièce pendant que tu étudies. "
    "Chaque notification détourne ton attention, et il faut plusieurs minutes pour retrouver toute ta concentration.",
    "Parlons des erreurs. Une mauvaise réponse est l'une des choses les plus utiles qui puissent arriver quand on apprend, "
    "parce qu'elle montre précisément où ta compréhension doit progresser. "
    "Ceux qui apprennent le plus vite sont souvent ceux qui examinent leurs erreurs de plus près.",
    "Une idée pour tes notes. Après chaque cours, écris un court résumé de trois phrases avec tes propres mots. "
    "En fin de semaine, relis uniquement ces résumés. Tu verras, c'est étonnant tout ce qui te revient.",
    "Essaie cette réflexion : quand as-tu réussi pour la dernière fois à te concentrer vraiment en étudiant ? "
    "À quel moment de la journée, où étais-tu, et qu'est-ce que tu venais de faire ? "
    "Essaie de recréer ces conditions cette semaine.",
    "Un mot sur les pauses. Ton cerveau continue de travailler sur un problème même quand tu t'en éloignes. "
    "Si tu bloques, fais une petite marche ou bois un verre d'eau, puis reviens. "
    "La solution apparaît souvent quand on arrête de la forcer.",
    "Voici quelque chose d'encourageant. L'apprentissage n'est pas une ligne droite ; il arrive par vagues. "
    "Certains jours, tu auras l'impression de ne pas avancer du tout, puis soudain, tout s'éclaire. "
    "Ces jours calmes sont ceux où ton cerveau construit discrètement des connexions.",
    "Encore une astuce de mémoire : enseigne ce que tu apprends. Expliquer un sujet à un ami, à un membre de ta famille, "
    "ou même à ton animal de compagnie t'oblige à organiser tes pensées. "
    "Si tu peux l'enseigner, c'est que tu le sais vraiment.",
    "Pensons à l'organisation. Au début de chaque semaine, note deux ou trois petits objectifs, "
    "comme terminer un chapitre ou refaire un quiz. "
    "Des objectifs clairs et modestes sont bien plus faciles à atteindre qu'une vague envie de travailler davantage.",
    "Une pensée sur la curiosité. Avant d'ouvrir tes supports, pose-toi une question à laquelle tu aimerais qu'ils répondent. "
    "Lire avec une question en tête te garde en éveil, et la réponse, une fois trouvée, "
    "reste avec toi bien plus longtemps que des informations simplement survolées.",
    "Un conseil de lecture. Ne surligne pas tout ; ça donne l'impression d'être productif, mais ça l'est rarement. "
    "Lis d'abord une section, puis ferme le livre et écris les deux idées les plus importantes. "
    "Ensuite seulement, reviens vérifier si tu avais raison.",
    "Parlons du stress avant un quiz. Un peu de nervosité est normal et peut même t'aider à te concentrer. "
    "Inspire lentement pendant quatre secondes, retiens ton souffle quatre secondes, et expire pendant quatre secondes. "
    "Répéter ça plusieurs fois calme ton corps et t'éclaircit les idées.",
    "Une question de réflexion pour aujourd'hui : quelle question n'as-tu pas osé poser en cours ? "
    "Note-la maintenant. Demain, pose-la à ton professeur, cherche la réponse, ou apporte-la à un groupe d'étude. "
    "Les questions laissées sans réponse finissent souvent par devenir de grosses lacunes.",
    "Voici une technique de mémorisation appelée le palais de la mémoire. Imagine un lieu que tu connais bien, comme ton appartement, "
    "et place chaque idée à retenir dans une pièce différente. "
    "Plus tard, fais une promenade mentale dans les pièces et récupère les idées une par une.",
    "Parlons du travail à plusieurs. Expliquer des choses dans un petit groupe, ou écouter comment un camarade a résolu un problème, "
    "te fait découvrir de nouvelles façons de penser. Même une courte séance par semaine peut faire une vraie différence.",
    "Un mot sur les jours de repos. Prendre une journée plus légère par semaine, ce n'est pas de la paresse ; ça t'aide à garder ta motivation sur la durée. "
    "Ce jour-là, contente-toi peut-être de relire tes résumés ou d'écouter ce podcast, et laisse ton esprit se ressourcer.",
    "Voici comment te lancer quand tu n'as pas envie de travailler : promets-toi seulement cinq minutes. "
    "Ouvre tes notes, lis une page, et vois comment ça se passe. "
    "Le plus dur, c'est de commencer, et une fois que tu as commencé, tu as souvent envie de continuer.",
]

COURSE_TIP = {
    "beginner": [
        "Une astuce simple pour {course} : après chaque cours, note les trois mots les plus importants que tu as entendus "
        "et une phrase sur le sens de chacun. C'est une petite habitude qui construit une base solide.",
        "En {course}, n'aie pas peur de regarder ou de lire une explication deux fois. "
        "La deuxième fois, tu remarqueras des choses qui t'avaient échappé, et c'est tout à fait normal au début.",
    ],
    "intermediate": [
        "Pour {course}, essaie ceci : prends un problème que tu as déjà résolu et change un détail. "
        "Ta solution marche-t-elle encore ? Jouer avec les variantes, c'est passer de suivre des étapes à les comprendre.",
        "Un conseil pour {course} : compare deux idées du cours qui se ressemblent et écris en quoi elles diffèrent. "
        "Ce sont les distinctions nettes qui séparent une bonne réponse d'une excellente réponse.",
    ],
    "advanced": [
        "En {course}, lance-toi le défi de trouver les limites de ce que tu as appris : "
        "où l'approche classique échoue-t-elle, et que ferait un expert à la place ? "
        "Réfléchir aux cas limites, c'est ce qui approfondit une vraie maîtrise.",
        "En {course}, essaie de justifier chaque règle au lieu de simplement l'appliquer. "
        "Si tu peux expliquer pourquoi une méthode est conçue ainsi, tu pourras l'adapter à des problèmes que personne ne t'a montrés.",
    ],
}

CONNECTION = [
    "Voici quelque chose d'intéressant : {course} et {course2} ont plus de points communs qu'on pourrait le croire. "
    "Cherche une idée présente dans les deux, et observe comment chaque cours l'utilise. "
    "Ce genre de lien rend les deux matières plus faciles à retenir.",
    "Cette semaine, essaie de relier {course} à {course2}. Demande-toi comment quelque chose appris dans l'un "
    "pourrait t'aider à résoudre un problème dans l'autre. C'est cette façon de penser qui transforme des faits isolés en vraie compréhension.",
    "Quand tu étudies {course}, garde {course2} dans un coin de ta tête. "
    "Les connaissances de cours différents se renforcent souvent mutuellement, et repérer ces recoupements est une compétence en soi.",
]

QUESTIONS_INTRO = [
    "Et maintenant, c'est à toi. Je vais te poser trois questions. "
    "Prends ton temps pour chacune ; rien ne presse, et c'est justement la réflexion qui compte.",
    "Voici le moment où c'est toi qui parles. J'ai trois questions pour aujourd'hui. "
    "Réponds avec tes propres mots ; pas besoin que ce soit parfait.",
    "Terminons par trois questions. Elles t'aident à transformer ce que tu as entendu en quelque chose que tu retiens vraiment, "
    "alors accorde à chacune un vrai moment de réflexion.",
]

QUESTION_LEAD = [
    ["Voici ta première question. {question}", "Commençons par la question numéro un. {question}"],
    ["Maintenant, la deuxième question. {question}", "Passons à la question numéro deux. {question}"],
    ["Et voici la troisième et dernière question. {question}", "Pour finir, la question numéro trois. {question}"],
]

THINK_PROMPT = [
    "Prends un moment pour réfléchir, puis écris ta réponse dans le formulaire.",
    "Fais une petite pause ici, réfléchis bien, puis écris ta réponse dans le formulaire.",
    "Accorde-toi un peu de temps pour réfléchir, puis note ta réponse dans le formulaire.",
    "Réfléchis calmement, et quand tu as ta réponse, écris-la dans le formulaire.",
]

RECAP = [
    "Récapitulons. Aujourd'hui, nous avons passé tes cours en revue, accordé une attention particulière aux sujets qui en ont besoin, "
    "essayé une nouvelle technique d'étude et terminé par trois questions. Beaucoup de bon travail pour un si court épisode.",
    "Un petit résumé avant de se quitter : nous avons fait le point sur tes études, parlé de l'endroit où mettre ton énergie "
    "et pratiqué la réflexion avec tes propres mots. Ces petits pas quotidiens s'additionnent plus vite que tu ne le penses.",
    "Bref, pour résumer : tu as revu ce que tu apprends, tu repars avec une technique à essayer "
    "et tu as répondu à trois questions. Reviens aux conseils du jour chaque fois que tu te mets au travail.",
]

SIGNOFF = [
    "C'est tout pour aujourd'hui, {name}. Merci de m'avoir écouté, et à demain pour un nouvel épisode. Continue comme ça !",
    "Merci d'avoir passé ce moment avec moi, {name}. Prends soin de toi, continue, et on se retrouve demain. À bientôt !",
    "Super travail aujourd'hui, {name}. N'oublie pas : un peu chaque jour, ça mène loin. À demain, et bonnes révisions !",
    "C'est la fin de cet épisode, {name}. Je suis fier du travail que tu fournis. On se retrouve demain sur Dailycast !",
]

QUESTIONS = {
    "course": [
        {
            "text": "Avec tes propres mots, quelle est l'idée la plus importante que tu as apprise récemment en {course} ?",
            "key_points": ["cite une idée précise de {course}", "l'explique avec ses propres mots", "dit pourquoi elle compte"],
        },
        {
            "text": "Peux-tu décrire une situation réelle où quelque chose appris en {course} serait utile ?",
            "key_points": ["une situation réelle et concrète", "la relie à un sujet de {course}"],
        },
        {
            "text": "Quel sujet de {course} te semble encore flou, et comment pourrais-tu le rendre plus clair ?",
            "key_points": ["cite un sujet flou précis", "un plan concret pour mieux le comprendre"],
        },
        {
            "text": "Si tu devais expliquer les bases de {course} à un ami en deux minutes, que lui dirais-tu en premier ?",
            "key_points": ["choisit les idées centrales de {course}", "les explique simplement et dans un ordre logique"],
        },
    ],
    "weak": [
        {
            "text": "Quelle chose concrète vas-tu faire cette semaine pour progresser en {subject} ?",
            "key_points": ["une action précise et réaliste", "quand ou à quelle fréquence"],
        },
        {
            "text": "Quelle partie de {subject} te pose le plus de difficultés, et pourquoi, d'après toi ?",
            "key_points": ["cite une difficulté précise en {subject}", "une raison bien réfléchie"],
        },
        {
            "text": "Pense à une erreur que tu as faite récemment en {subject}. Que ferais-tu autrement la prochaine fois ?",
            "key_points": ["décrit l'erreur", "une meilleure approche pour la prochaine fois"],
        },
    ],
    "connect": [
        {
            "text": "Comment quelque chose appris en {course} pourrait-il t'aider en {course2} ?",
            "key_points": ["une idée de {course}", "comment elle s'applique en {course2}"],
        },
        {
            "text": "Qu'ont en commun {course} et {course2}, et sur quoi diffèrent-ils le plus ?",
            "key_points": ["une vraie ressemblance", "une différence claire"],
        },
    ],
    "general": [
        {
            "text": "Quelle technique d'étude d'aujourd'hui aimerais-tu essayer en premier, et quand vas-tu l'essayer ?",
            "key_points": ["cite une technique", "un moment précis pour l'essayer"],
        },
        {
            "text": "Quelle réussite récente dans tes études te fait le plus plaisir, et comment l'as-tu obtenue ?",
            "key_points": ["une réussite précise", "comment elle a été obtenue"],
        },
        {
            "text": "Qu'est-ce qui te distrait d'habitude quand tu étudies, et que pourrais-tu changer pour l'éviter ?",
            "key_points": ["une distraction précise", "un changement réaliste"],
        },
        {
            "text": "Qu'aimerais-tu savoir faire dans un mois, et quelle est ta première étape pour y arriver ?",
            "key_points": ["un objectif clair", "une première étape concrète"],
        },
    ],
}
