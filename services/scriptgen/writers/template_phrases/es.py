"""Spanish phrases for the template writer (friendly "tú")."""

import re

from . import join_with, percent

SENTENCE_GAP = " "

# "y" becomes "e" before an "i" sound: "Python e Introduction to ML".
_I_SOUND = re.compile(r"^h?i(?![aeiou])", re.IGNORECASE)


def join_list(items: list[str]) -> str:
    conjunction = " e " if items and _I_SOUND.match(items[-1]) else " y "
    return join_with(items, conjunction)


def format_percent(score: float) -> str:
    return percent(score, " %")


GREETING = [
    "¡Hola, {name}, te doy la bienvenida a tu Dailycast! Este es tu pódcast de aprendizaje personal de hoy, "
    "hecho solo para ti. Acomódate, quizá con una taza de té, y pasemos juntos los próximos minutos aprendiendo.",
    "¡Qué bien tenerte aquí, {name}! Te doy la bienvenida al Dailycast de hoy, el pódcast que sigue tus propios estudios. "
    "Soy tu presentador, y durante los próximos minutos estamos solo tú, yo y un buen rato de aprendizaje.",
    "¡Hola, {name}, qué alegría volver a verte en Dailycast! Cada episodio se prepara a partir de lo que estás estudiando ahora, "
    "así que todo lo que escuches hoy trata de tus cursos, de tu progreso y de tus próximos pasos.",
    "¡Hola de nuevo, {name}! Esto es Dailycast, tu compañero diario de estudio. "
    "Busca un rincón tranquilo, respira hondo y hagamos que estos minutos de hoy valgan la pena.",
]

INTRO_COURSES = [
    "Como estudias {courses}, el episodio de hoy está pensado justo para eso. "
    "Repasaremos tus cursos uno por uno, dedicaremos un poco más de tiempo a lo que más importa "
    "y al final te haré tres preguntas para pensar.",
    "Como estudias {courses}, he preparado un plan que encaja con tu semana. "
    "Primero un breve repaso de cada curso, luego algo de práctica enfocada, una técnica de estudio "
    "y, para terminar, tres preguntas para que las respondas.",
    "Como estudias {courses}, hoy tenemos mucho de qué hablar. "
    "Buscaremos conexiones entre tus cursos, miraremos tus resultados recientes "
    "y cerraremos con tres preguntas que te ayudarán a recordar lo aprendido.",
]

INTRO_NO_COURSES = [
    "Ahora mismo no tienes ningún curso en marcha, así que hoy vamos a aprender a aprender. "
    "Hablaremos de hábitos que facilitan el estudio, de una técnica que puedes probar hoy mismo, "
    "y al final te haré tres preguntas para pensar.",
    "El episodio de hoy es una sesión de estudio general, porque todavía no has elegido un curso. "
    "Es el momento perfecto para crear buenos hábitos: veremos cómo funciona la memoria, "
    "cómo organizar tu tiempo de estudio, y terminaremos con tres preguntas.",
    "De momento no tienes cursos en tu lista, así que aprovechemos bien este rato. "
    "Nos centraremos en habilidades de estudio que luego te servirán en cualquier materia, "
    "y cerraré con tres preguntas que te harán pensar.",
]

LEVEL_INTRO = {
    "beginner": [
        "Estás al principio de tu camino de aprendizaje, y ese es un lugar maravilloso. "
        "Iremos paso a paso, con explicaciones sencillas y centrándonos en lo básico. "
        "No te preocupes por hacerlo perfecto; todos los expertos empezaron justo donde estás tú ahora.",
        "Como acabas de empezar, hoy iremos despacio y construiremos una base sólida. "
        "Te lo explicaré todo con palabras claras y te daré pasos pequeños y fáciles. "
        "Recuerda que hacer preguntas sencillas es lo más inteligente que puede hacer un principiante.",
    ],
    "intermediate": [
        "Ya dominas bien lo básico, así que hoy iremos un poco más a fondo. "
        "Veremos cómo encajan las ideas entre sí y dónde se esconden los errores más comunes. "
        "Esta es la etapa en la que la práctica constante convierte el conocimiento en una habilidad real.",
        "Ya has dejado atrás los primeros pasos, y se nota en tu trabajo. "
        "Hoy construiremos sobre lo que sabes, compararemos ideas y practicaremos cómo aplicarlas a problemas nuevos. "
        "Sigue saliendo un poquito de tu zona de confort.",
    ],
    "advanced": [
        "Trabajas a un nivel avanzado, así que no voy a repetir lo básico. "
        "Hoy nos centraremos en la profundidad: las ventajas y desventajas, los casos límite y las razones detrás de las reglas. "
        "A tu nivel, los grandes avances llegan al explicar las ideas con precisión y al cuestionar tus propias suposiciones.",
        "Tus resultados muestran un dominio real, así que el episodio de hoy apunta más alto. "
        "Pensaremos en por qué funcionan las cosas, cuándo fallan y cómo deciden los expertos entre varias alternativas. "
        "Intenta relacionar cada idea con algo que podrías enseñar a otra persona.",
    ],
}

COURSE_SEGMENT = [
    "Veamos {course}. Piensa en tu última clase: ¿cuál era la idea principal? "
    "Dila en una sola frase. Si puedes hacerlo, es que de verdad la has entendido.",
    "Una idea para {course}: acostúmbrate a repasar tus apuntes durante el día siguiente a cada clase. "
    "Diez minutos de repaso hoy te ahorran una hora de volver a aprender la semana que viene.",
    "Ahora unas palabras sobre {course}. Intenta encontrar un pequeño ejemplo de la vida diaria que se parezca a lo que estás aprendiendo. "
    "Los ejemplos convierten las ideas abstractas en algo que puedes imaginar.",
    "Pasemos a {course}. Elige un tema que todavía te resulte confuso y escribe qué es exactamente lo que no está claro. "
    "Ponerle nombre al problema ya es la mitad de la solución.",
    "Es el turno de {course}. Cuando lo estudies esta semana, cierra el libro e intenta recordar primero los puntos clave de memoria. "
    "Cuesta más, pero ese esfuerzo es justo lo que hace que el conocimiento se quede.",
    "Pensemos un momento en {course}. Dale un hueco corto y fijo en tu día, aunque sean quince minutos. "
    "Las sesiones pequeñas y constantes funcionan mejor que una sesión larga al final de la semana.",
]

COURSE_BRIEF = [
    "En {course}, repasa la idea principal de tu última clase.",
    "Para {course}, recuerda de memoria tres puntos clave.",
    "En {course}, busca un ejemplo cotidiano de lo que has aprendido.",
    "Para {course}, anota algo que todavía no tengas claro.",
    "En {course}, planea una sesión corta de repaso esta semana.",
    "Para {course}, explica en voz alta el último tema en un minuto.",
]

WEAK_INTRO = [
    "Ahora vamos a prestar atención especial a la materia donde más puedes crecer: {subjects}. "
    "Que algo te cueste no es una mala señal; simplemente indica de dónde vendrá tu próximo avance.",
    "Aquí es donde hoy iremos un poco más despacio: {subjects}. "
    "Tus cuestionarios recientes muestran que necesita más práctica, y con un plan claro te resultará más fácil.",
    "Hablemos de {subjects}, porque aquí un poco de trabajo enfocado dará los mejores resultados. "
    "Que un tema te cueste forma parte normal de aprenderlo.",
]

WEAK_SEGMENT = [
    "Para {subject}, prueba esto: elige un concepto clave, explícalo con tus propias palabras en un papel "
    "y luego compara tu explicación con tus apuntes. Donde no coincidan, ahí está tu próximo objetivo de estudio.",
    "Con {subject}, practicar un poco cada día funciona mejor que darse un atracón de estudio. "
    "Haz tres ejercicios pequeños al día durante una semana y marca los que falles para volver a ellos el fin de semana.",
    "Un plan concreto para {subject}: vuelve a tu último cuestionario, revisa cada pregunta que fallaste "
    "y busca el paso exacto en el que tu razonamiento se desvió. Después intenta un ejercicio parecido sin mirar la respuesta.",
    "Para avanzar en {subject}, prepara unas cuantas tarjetas con los términos y las reglas que más te confunden. "
    "Repásalas cinco minutos cada mañana y pasa al final del montón las que ya te sepas bien.",
]

WEAK_BRIEF = [
    "Para {subject}, haz tres ejercicios cortos al día esta semana.",
    "En {subject}, vuelve a cada pregunta del cuestionario que fallaste.",
    "Para {subject}, haz tarjetas con las reglas que más te confunden.",
    "En {subject}, explica un concepto clave con tus propias palabras.",
]

NO_WEAK = [
    "Buena noticia: ahora mismo ninguna de tus materias destaca como punto débil. "
    "Así que el objetivo de hoy es mantener tu nivel y retarte con material un poco más difícil.",
    "En este momento no hay ninguna materia que te esté frenando, y eso es estupendo. "
    "Aprovecha esa libertad para profundizar en los temas que más te gustan.",
    "Tus resultados están muy equilibrados entre las distintas materias. "
    "Sigue repasando con regularidad para que siga así, y no tengas miedo de probar ejercicios más difíciles.",
]

SCORES_INTRO = [
    "Ahora, echemos un vistazo a tus últimos resultados.",
    "Veamos rápidamente cómo te fueron los cuestionarios recientes.",
    "Es momento de mirar brevemente tus notas más recientes.",
]

SCORE_COMMENT = {
    "low": [
        "En {subject} sacaste un {score}. Es un punto de partida, no un veredicto; "
        "revisa los errores con calma y verás cómo sube la próxima nota.",
        "Obtuviste un {score} en {subject}. No fue tu mejor día en esa materia, pero cada respuesta equivocada te muestra exactamente qué practicar.",
        "Tu cuestionario de {subject} quedó en un {score}. No te desanimes; repásalo esta semana y prueba algunas preguntas parecidas.",
    ],
    "mid": [
        "En {subject} sacaste un {score}, un resultado sólido. Con un poco más de repaso puedes subirlo todavía más.",
        "Llegaste a un {score} en {subject}. Buen trabajo; ahora mira las preguntas que fallaste y cerrarás la diferencia.",
        "Tu cuestionario de {subject} se quedó en un {score}. Es un progreso real, así que mantén el impulso.",
    ],
    "high": [
        "En {subject} sacaste un excelente {score}. Muy bien hecho, es el resultado de un esfuerzo de verdad.",
        "Obtuviste un {score} en {subject}. ¡Fantástico! Intenta explicarle ese tema a otra persona para afianzarlo.",
        "Tu cuestionario de {subject} marca un {score}. Es un gran resultado, así que disfrútalo y busca la misma constancia la próxima vez.",
    ],
}

NO_SCORES = [
    "Todavía no tengo resultados de cuestionarios tuyos, y no pasa nada. "
    "Tu primer cuestionario solo nos mostrará dónde estás, así que no hay nada que temer.",
    "Hoy no hay notas recientes que revisar. "
    "Cuando hagas tu próximo cuestionario, tómalo como una práctica y no como una prueba de lo que vales.",
    "Aún no tenemos resultados, así que hoy no hay nada que calificar. "
    "Concéntrate en entender, y las notas llegarán solas.",
]

TECHNIQUE = [
    "La técnica de estudio de hoy es el recuerdo activo. En lugar de releer tus apuntes, ciérralos y pregúntate qué recuerdas. "
    "Escríbelo y después abre los apuntes para comprobarlo. Cada vez que sacas información de tu memoria, "
    "la haces más fuerte y más fácil de encontrar la próxima vez.",
    "La técnica de estudio de hoy es la repetición espaciada. Repasa un tema hoy, otra vez dentro de dos días, luego al cabo de una semana "
    "y una vez más después de dos semanas. Cada repaso llega justo antes de que lo olvides, "
    "y ese momento es lo que lleva el conocimiento a la memoria a largo plazo.",
    "La técnica de estudio de hoy es el método Feynman. Elige un tema y explícalo como si se lo enseñaras a alguien de doce años. "
    "Cada vez que te atasques o uses una palabra complicada, vuelve a tu material. "
    "Las explicaciones sencillas revelan justo lo que todavía no has entendido.",
    "La técnica de estudio de hoy es la práctica intercalada. En lugar de practicar un solo tipo de problema durante una hora, "
    "mezcla dos o tres tipos distintos en la misma sesión. Al principio parece más lento, "
    "pero entrena a tu cerebro para elegir el método correcto, que es justo lo que te pide un examen.",
    "La técnica de estudio de hoy es el método Pomodoro. Pon un temporizador de veinticinco minutos y estudia con toda tu concentración, "
    "con el móvil lejos. Luego descansa cinco minutos. Después de cuatro rondas, tómate un descanso más largo. "
    "Los bloques cortos y concentrados mantienen tu mente fresca.",
    "La técnica de estudio de hoy es ponerte a prueba. Antes de empezar un capítulo nuevo, escribe tres preguntas sobre el anterior "
    "y respóndelas sin apuntes. Ponerte a prueba no solo sirve para medir lo que sabes; "
    "es una de las mejores maneras de aprender.",
]

TECHNIQUE_DEPTH = {
    "beginner": [
        "Si te parece mucho, empieza poco a poco: úsala hoy una sola vez con un único tema y mira qué tal te va.",
        "No intentes hacerlo perfecto. Incluso una ronda corta hoy es un primer paso estupendo.",
    ],
    "intermediate": [
        "En tu etapa, prueba a combinarla esta semana con tu tema más débil y fíjate en qué partes te cuesta más recordar.",
        "Úsala con un tema que crees dominar; quizá descubras pequeños huecos que vale la pena arreglar.",
    ],
    "advanced": [
        "A tu nivel, llévala más lejos: aplícala a los casos límite más difíciles y compara dos enfoques lado a lado.",
        "Para ti, el reto es la precisión. Úsala para comprobar si puedes decir en qué condiciones exactas se cumple cada regla.",
    ],
}

EXTRA = [
    "Un consejo para la memoria. Tu cerebro recuerda las historias mucho mejor que las listas. "
    "Cuando aprendas varios datos, intenta unirlos en una pequeña historia, aunque sea absurda. "
    "Cuanto más rara sea la imagen en tu cabeza, más fácil será recordarla después.",
    "Unas palabras sobre el sueño. Gran parte de lo que aprendes durante el día se ordena y se guarda mientras duermes. "
    "Por eso, estudiar hasta tarde quitándote horas de sueño puede hacer que recuerdes menos. "
    "Un cerebro descansado es un cerebro que aprende.",
    "Hablemos de la motivación. Es normal no tener ganas todos los días. "
    "El truco es apoyarse en los hábitos y no en el estado de ánimo: estudia a la misma hora y en el mismo lugar, "
    "y ponerte a ello se volverá automático poco a poco.",
    "Una pequeña reflexión para hoy. Piensa en algo que ahora entiendes y que hace un mes no entendías. "
    "Esa es la prueba de que tu esfuerzo funciona. Aférrate a esa sensación cuando las cosas se pongan difíciles.",
    "Un consejo rápido sobre tu lugar de estudio. Mantén la mesa despejada y deja el móvil en otra habitación mientras estudias. "
    "Cada notificación te roba la atención, y se tarda varios minutos en recuperar del todo la concentración.",
    "Hablemos de los errores. Una respuesta equivocada es de lo más útil que te puede pasar mientras aprendes, "
    "porque te muestra exactamente dónde hay que trabajar. "
    "Las personas que aprenden más rápido suelen ser las que miran sus errores con más atención.",
    "Una idea para tus apuntes. Después de cada clase, escribe un resumen corto de tres frases con tus propias palabras. "
    "Al final de la semana, lee solo esos resúmenes. Te sorprenderá todo lo que vuelve a tu mente.",
    "Prueba esta reflexión: ¿cuándo fue la última vez que te concentraste de verdad al estudiar? "
    "¿A qué hora del día era, dónde estabas y qué acababas de hacer? "
    "Intenta recrear esas condiciones esta semana.",
    "Una nota sobre los descansos. Tu cerebro sigue trabajando en un problema incluso cuando te alejas de él. "
    "Si te atascas, da un paseo corto o tómate un vaso de agua, y luego vuelve. "
    "Muchas veces la solución aparece cuando dejas de forzarla.",
    "Algo para darte ánimo. El aprendizaje no es una línea recta; llega en oleadas. "
    "Algunos días sentirás que no avanzas nada, y de repente todo encaja. "
    "Esos días tranquilos son cuando tu cerebro está construyendo conexiones en silencio.",
    "Otro truco para la memoria: enseña lo que aprendes. Explicarle un tema a un amigo, a alguien de tu familia "
    "o incluso a tu mascota te obliga a ordenar tus ideas. "
    "Si puedes enseñarlo, es que de verdad lo sabes.",
    "Pensemos en la planificación. Al principio de cada semana, apunta dos o tres metas pequeñas, "
    "como terminar un capítulo o repetir un cuestionario. "
    "Las metas claras y pequeñas son mucho más fáciles de alcanzar que un deseo vago de estudiar más.",
    "Una reflexión sobre la curiosidad. Antes de abrir tu material, hazte una pregunta que te gustaría que respondiera. "
    "Leer con una pregunta en mente te mantiene atento, y la respuesta, cuando la encuentras, "
    "se queda contigo mucho más tiempo que los datos que simplemente lees por encima.",
    "Un consejo sobre la lectura. No lo subrayes todo; parece productivo, pero casi nunca lo es. "
    "Lee primero una sección, luego cierra el libro y escribe las dos ideas más importantes. "
    "Solo entonces vuelve atrás y comprueba si acertaste.",
    "Hablemos de los nervios antes de un cuestionario. Un poco de nerviosismo es normal e incluso puede ayudarte a concentrarte. "
    "Inspira despacio durante cuatro segundos, aguanta cuatro y suelta el aire durante otros cuatro. "
    "Hacerlo varias veces calma el cuerpo y despeja la mente.",
    "Una pregunta para reflexionar hoy: ¿qué duda te dio vergüenza preguntar en clase? "
    "Escríbela ahora. Mañana, pregúntale a tu profesor, búscala o llévala a un grupo de estudio. "
    "Las dudas que se quedan sin respuesta suelen convertirse en lagunas más grandes.",
    "Un truco de memoria llamado el palacio de la memoria. Imagina un lugar que conozcas bien, como tu casa, "
    "y coloca cada idea que quieras recordar en una habitación distinta. "
    "Más tarde, da un paseo mental por las habitaciones y recoge las ideas una por una.",
    "Hablemos de estudiar en compañía. Explicar cosas en un grupo pequeño, o escuchar cómo resolvió un problema un compañero, "
    "te muestra nuevas formas de pensar. Incluso una sesión corta a la semana puede marcar una gran diferencia.",
    "Unas palabras sobre los días de descanso. Tomarte un día más ligero a la semana no es pereza; te ayuda a mantener la motivación a largo plazo. "
    "Ese día, quizá solo repasa tus resúmenes o escucha este pódcast, y deja que tu mente recargue energía.",
    "Una forma de empezar cuando no tienes ganas de estudiar: prométete solo cinco minutos. "
    "Abre tus apuntes, lee una página y mira cómo va. "
    "Empezar es lo más difícil, y una vez que empiezas, muchas veces querrás seguir.",
]

COURSE_TIP = {
    "beginner": [
        "Un consejo sencillo para {course}: después de cada clase, apunta las tres palabras más importantes que has oído "
        "y una frase sobre lo que significa cada una. Es un hábito pequeño que construye una base sólida.",
        "En {course}, no tengas miedo de ver o leer una explicación dos veces. "
        "La segunda vez notarás cosas que se te escaparon, y eso es completamente normal al principio.",
    ],
    "intermediate": [
        "Para {course}, prueba esto: toma un problema que ya hayas resuelto y cambia un detalle. "
        "¿Sigue funcionando tu solución? Jugar con variaciones es como pasas de seguir pasos a entenderlos.",
        "Un consejo para {course}: compara dos ideas del curso que parezcan similares y escribe en qué se diferencian. "
        "Las distinciones claras son lo que separa una buena respuesta de una excelente.",
    ],
    "advanced": [
        "En {course}, ponte el reto de encontrar los límites de lo que has aprendido: "
        "¿dónde falla el enfoque habitual y qué haría un experto en su lugar? "
        "Pensar en los casos límite es lo que hace más profundo el verdadero dominio.",
        "En {course}, intenta justificar cada regla en lugar de solo aplicarla. "
        "Si puedes explicar por qué un método está diseñado así, podrás adaptarlo a problemas que nadie te ha enseñado.",
    ],
}

CONNECTION = [
    "Algo interesante: {course} y {course2} tienen más en común de lo que parece. "
    "Busca una idea que aparezca en los dos cursos y fíjate en cómo la usa cada uno. "
    "Ese tipo de conexiones hace que ambas materias sean más fáciles de recordar.",
    "Esta semana, intenta relacionar {course} con {course2}. Pregúntate cómo algo que aprendiste en un curso "
    "podría ayudarte a resolver un problema del otro. Esa forma de pensar convierte datos sueltos en comprensión de verdad.",
    "Cuando estudies {course}, ten presente {course2}. "
    "Lo que se aprende en cursos distintos a menudo se refuerza mutuamente, y detectar esa coincidencia es una habilidad en sí misma.",
]

QUESTIONS_INTRO = [
    "Y ahora te toca a ti. Voy a hacerte tres preguntas. "
    "Tómate tu tiempo con cada una; no hay prisa, y pensarlas con calma es justo la idea.",
    "Llega la parte en la que hablas tú. Aquí tienes tres preguntas para hoy. "
    "Responde con tus propias palabras; no hace falta que sea perfecto.",
    "Terminemos con tres preguntas. Te ayudan a convertir lo que has escuchado en algo que de verdad recuerdas, "
    "así que dedica a cada una un momento de reflexión.",
]

QUESTION_LEAD = [
    ["Aquí tienes la primera pregunta. {question}", "Empecemos con la pregunta número uno. {question}"],
    ["Ahora, la segunda pregunta. {question}", "Vamos con la pregunta número dos. {question}"],
    ["Y aquí va la tercera y última pregunta. {question}", "Por último, la pregunta número tres. {question}"],
]

THINK_PROMPT = [
    "Tómate un momento para pensar y luego escribe tu respuesta en el formulario.",
    "Haz una pausa aquí, piénsalo bien y después escribe tu respuesta en el formulario.",
    "Date un poco de tiempo para pensar y luego pon tu respuesta en el formulario.",
    "Piénsalo con calma y, cuando tengas tu respuesta, escríbela en el formulario.",
]

RECAP = [
    "Hagamos un resumen. Hoy hemos repasado tus cursos, hemos dado atención extra a los temas que la necesitan, "
    "hemos probado una técnica de estudio nueva y hemos terminado con tres preguntas. Mucho trabajo bien hecho para un episodio tan corto.",
    "Un resumen rápido antes de despedirnos: hemos revisado tus estudios, hemos hablado de dónde poner tu energía "
    "y hemos practicado pensar con tus propias palabras. Estos pequeños pasos diarios suman más rápido de lo que crees.",
    "En resumen: has repasado lo que estás aprendiendo, te llevas una técnica para probar "
    "y has respondido tres preguntas. Vuelve a los consejos de hoy cada vez que te sientes a estudiar.",
]

SIGNOFF = [
    "Esto es todo por hoy, {name}. Gracias por escuchar, y nos vemos en el episodio de mañana. ¡Sigue con ese gran trabajo!",
    "Gracias por pasar este rato conmigo, {name}. Sé amable contigo, sigue adelante y hablamos mañana. ¡Hasta pronto!",
    "¡Muy buen trabajo hoy, {name}! Recuerda que un poco cada día llega muy lejos. ¡Hasta mañana y feliz estudio!",
    "Hasta aquí el episodio de hoy, {name}. Estoy orgulloso del esfuerzo que estás poniendo. ¡Nos vemos mañana en Dailycast!",
]

QUESTIONS = {
    "course": [
        {
            "text": "Con tus propias palabras, ¿cuál es la idea más importante que has aprendido últimamente en {course}?",
            "key_points": ["nombra una idea concreta de {course}", "la explica con sus propias palabras", "dice por qué importa"],
        },
        {
            "text": "¿Puedes describir una situación real en la que algo que aprendiste en {course} sería útil?",
            "key_points": ["una situación real y concreta", "la relaciona con un tema de {course}"],
        },
        {
            "text": "¿Qué tema de {course} todavía te resulta poco claro, y cómo podrías aclararlo?",
            "key_points": ["nombra un tema concreto poco claro", "un plan concreto para entenderlo mejor"],
        },
        {
            "text": "Si tuvieras que enseñarle a un amigo lo básico de {course} en dos minutos, ¿qué le dirías primero?",
            "key_points": ["elige las ideas centrales de {course}", "las explica de forma sencilla y en un orden lógico"],
        },
    ],
    "weak": [
        {
            "text": "¿Qué cosa concreta vas a hacer esta semana para mejorar en {subject}?",
            "key_points": ["una acción concreta y realista", "cuándo o con qué frecuencia la hará"],
        },
        {
            "text": "¿Qué parte de {subject} te cuesta más, y por qué crees que es así?",
            "key_points": ["nombra una dificultad concreta de {subject}", "una razón bien pensada"],
        },
        {
            "text": "Piensa en un error que cometiste hace poco en {subject}. ¿Qué harías diferente la próxima vez?",
            "key_points": ["describe el error", "un enfoque mejor para la próxima vez"],
        },
    ],
    "connect": [
        {
            "text": "¿Cómo podría ayudarte en {course2} algo que aprendiste en {course}?",
            "key_points": ["una idea de {course}", "cómo se aplica en {course2}"],
        },
        {
            "text": "¿Qué tienen en común {course} y {course2}, y en qué se diferencian más?",
            "key_points": ["una similitud real", "una diferencia clara"],
        },
    ],
    "general": [
        {
            "text": "¿Qué técnica de estudio de hoy te gustaría probar primero, y cuándo la vas a probar?",
            "key_points": ["nombra una técnica", "un momento concreto para probarla"],
        },
        {
            "text": "¿Qué has aprendido hace poco que te llene de orgullo, y cómo lo aprendiste?",
            "key_points": ["algo concreto que aprendió", "cómo lo aprendió"],
        },
        {
            "text": "¿Qué suele distraerte cuando estudias, y qué podrías cambiar para evitarlo?",
            "key_points": ["una distracción concreta", "un cambio realista"],
        },
        {
            "text": "¿Qué te gustaría saber hacer dentro de un mes, y cuál es tu primer paso para lograrlo?",
            "key_points": ["una meta clara", "un primer paso concreto"],
        },
    ],
}
