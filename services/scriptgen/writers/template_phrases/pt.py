"""Portuguese phrases for the template writer (Brazilian, friendly "você")."""

from . import join_with, percent

SENTENCE_GAP = " "


def join_list(items: list[str]) -> str:
    return join_with(items, " e ")


def format_percent(score: float) -> str:
    return percent(score)


GREETING = [
    "Olá, {name}, boas-vindas ao seu Dailycast! Este é o seu podcast de estudos pessoal de hoje, "
    "feito só para você. Fique à vontade, pegue uma xícara de chá, e vamos passar os próximos minutos aprendendo juntos.",
    "Que bom ter você aqui, {name}! Este é o Dailycast de hoje, o podcast que acompanha os seus próprios estudos. "
    "Eu sou o seu apresentador, e nos próximos minutos somos só nós dois e um bom momento de aprendizado.",
    "Oi, {name}, que bom ter você de volta ao Dailycast! Cada episódio é montado a partir do que você está estudando agora, "
    "então tudo o que você vai ouvir hoje fala dos seus cursos, do seu progresso e dos seus próximos passos.",
    "E aí, {name}, que alegria estar com você de novo! Aqui é o Dailycast, o seu companheiro diário de estudos. "
    "Encontre um cantinho tranquilo, respire fundo, e vamos fazer estes minutos de hoje valerem a pena.",
]

INTRO_COURSES = [
    "Como você estuda {courses}, o episódio de hoje foi montado exatamente em cima disso. "
    "Vamos passar pelos seus cursos um por um, dedicar um pouco mais de tempo ao que mais importa, "
    "e no final eu vou fazer três perguntas para você pensar.",
    "Como você estuda {courses}, preparei um plano que combina com a sua semana. "
    "Primeiro, uma olhada rápida em cada curso, depois um pouco de prática focada, uma técnica de estudo "
    "e, para terminar, três perguntas para você responder.",
    "Como você estuda {courses}, hoje temos muito o que conversar. "
    "Vamos ligar os pontos entre os seus cursos, olhar os seus resultados recentes "
    "e fechar com três perguntas que vão ajudar você a lembrar do que aprendeu.",
]

INTRO_NO_COURSES = [
    "Agora você não tem nenhum curso em andamento, então hoje o assunto é aprender a aprender. "
    "Vamos falar de hábitos que deixam o estudo mais fácil, de uma técnica que você pode testar ainda hoje, "
    "e no final eu vou fazer três perguntas para você pensar.",
    "O episódio de hoje é uma sessão de estudo geral, porque você ainda não escolheu um curso. "
    "É o momento perfeito para criar bons hábitos: vamos ver como a memória funciona, "
    "como organizar o seu tempo de estudo, e vamos terminar com três perguntas.",
    "Por enquanto, a sua lista de cursos está vazia, então vamos aproveitar bem este tempo. "
    "Vamos focar em habilidades de estudo que vão servir para qualquer matéria depois, "
    "e eu encerro com três perguntas para fazer você refletir.",
]

LEVEL_INTRO = {
    "beginner": [
        "Você está no começo da sua jornada de aprendizado, e esse é um lugar maravilhoso para estar. "
        "Vamos passo a passo, com explicações simples e foco no básico. "
        "Não se preocupe em fazer tudo perfeito; todo especialista começou exatamente onde você está agora.",
        "Como você está só começando, hoje vamos com calma e vamos construir uma base sólida. "
        "Vou explicar tudo com palavras simples e dar passos pequenos e fáceis. "
        "Lembre-se: fazer perguntas simples é a coisa mais inteligente que um iniciante pode fazer.",
    ],
    "intermediate": [
        "Você já domina bem o básico, então hoje vamos um pouco mais fundo. "
        "Vamos ver como as ideias se encaixam e onde se escondem os erros mais comuns. "
        "É nessa fase que a prática constante transforma conhecimento em habilidade de verdade.",
        "Você já passou dos primeiros passos, e isso aparece no seu trabalho. "
        "Hoje vamos construir em cima do que você já sabe, comparar ideias e praticar como aplicá-las a problemas novos. "
        "Continue saindo um pouquinho da sua zona de conforto.",
    ],
    "advanced": [
        "Você está trabalhando em um nível avançado, então eu não vou repetir o básico. "
        "Hoje o foco é profundidade: as vantagens e desvantagens de cada escolha, os casos extremos e os motivos por trás das regras. "
        "No seu nível, os grandes saltos vêm de explicar as ideias com precisão e de questionar as suas próprias suposições.",
        "Os seus resultados mostram domínio de verdade, então o episódio de hoje mira mais alto. "
        "Vamos pensar em por que as coisas funcionam, quando elas falham e como os especialistas escolhem entre alternativas. "
        "Tente ligar cada ideia a algo que você poderia ensinar para outra pessoa.",
    ],
}

COURSE_SEGMENT = [
    "Vamos olhar para {course}. Pense na sua última aula: qual era a ideia principal? "
    "Diga essa ideia para si mesmo em uma só frase. Se você conseguir, é porque entendeu de verdade.",
    "Uma ideia para {course}: crie o hábito de revisar as suas anotações até um dia depois de cada aula. "
    "Dez minutos de revisão hoje economizam uma hora de reaprendizado na semana que vem.",
    "Agora, uma palavra sobre {course}. Tente encontrar um pequeno exemplo do dia a dia que combine com o que você está aprendendo. "
    "Os exemplos transformam ideias abstratas em algo que você consegue imaginar.",
    "Vamos passar para {course}. Escolha um tema que ainda parece confuso e escreva o que exatamente não está claro. "
    "Dar nome ao problema já é metade da solução.",
    "É a vez de {course}. Quando você estudar esse curso nesta semana, feche o livro e tente lembrar primeiro os pontos principais de memória. "
    "Parece mais difícil, mas é justamente esse esforço que faz o conhecimento ficar.",
    "Vamos pensar um pouco em {course}. Reserve um horário curto e fixo no seu dia, nem que sejam quinze minutos. "
    "Sessões pequenas e regulares funcionam melhor do que uma sessão longa no fim da semana.",
]

COURSE_BRIEF = [
    "Em {course}, revise a ideia principal da última aula.",
    "Para {course}, lembre três pontos principais de memória.",
    "Em {course}, procure um exemplo do dia a dia do que você aprendeu.",
    "Para {course}, anote uma coisa que ainda não está clara.",
    "Em {course}, planeje uma revisão curta nesta semana.",
    "Para {course}, explique o último tema em voz alta em um minuto.",
]

WEAK_INTRO = [
    "Agora vamos dar uma atenção especial à área onde você mais pode crescer: {subjects}. "
    "Achar algo difícil não é um mau sinal; só mostra de onde vai vir o seu próximo avanço.",
    "É aqui que vamos desacelerar um pouco hoje: {subjects}. "
    "Os seus questionários recentes mostram que falta um pouco mais de prática, e com um plano claro isso vai ficar mais fácil.",
    "Vamos falar de {subjects}, porque é aqui que um pouco de trabalho focado vai render mais. "
    "Ter dificuldade com um assunto faz parte, naturalmente, de aprender esse assunto.",
]

WEAK_SEGMENT = [
    "Para {subject}, tente o seguinte: escolha um conceito-chave, explique esse conceito com as suas palavras em um papel "
    "e depois compare a sua explicação com as suas anotações. Onde elas não baterem, ali está o seu próximo objetivo de estudo.",
    "Em {subject}, praticar um pouco todos os dias funciona melhor do que estudar tudo de uma vez na véspera. "
    "Faça três exercícios pequenos por dia durante uma semana e marque os que errar para voltar a eles no fim de semana.",
    "Um plano concreto para {subject}: volte ao seu último questionário, olhe cada pergunta que você errou "
    "e encontre o passo exato em que o seu raciocínio saiu do caminho. Depois tente um exercício parecido sem olhar a resposta.",
    "Para avançar em {subject}, monte alguns cartões de estudo com os termos e as regras que mais confundem você. "
    "Passe por eles cinco minutos toda manhã e coloque no fim da pilha os cartões que você já sabe bem.",
]

WEAK_BRIEF = [
    "Para {subject}, faça três exercícios curtos por dia nesta semana.",
    "Em {subject}, volte a cada pergunta do questionário que você errou.",
    "Para {subject}, faça cartões com as regras que mais confundem você.",
    "Em {subject}, explique um conceito-chave com as suas palavras.",
]

NO_WEAK = [
    "Boa notícia: neste momento, nenhuma das suas matérias aparece como ponto fraco. "
    "Então o objetivo de hoje é manter o seu nível e se desafiar com um material um pouco mais difícil.",
    "Agora não existe nenhuma matéria segurando você, e isso é ótimo. "
    "Aproveite essa liberdade para se aprofundar nos temas de que você mais gosta.",
    "Os seus resultados estão bem equilibrados entre as matérias no momento. "
    "Continue revisando com regularidade para que continue assim, e não tenha medo de tentar exercícios mais difíceis.",
]

SCORES_INTRO = [
    "Agora, vamos dar uma olhada nos resultados dos seus últimos questionários.",
    "Vamos ver rapidinho como foram os seus questionários recentes.",
    "Hora de uma olhada rápida nas suas notas mais recentes.",
]

SCORE_COMMENT = {
    "low": [
        "Em {subject}, você tirou {score}. Isso é um ponto de partida, não um veredito; "
        "revise os erros com calma e você vai ver a próxima nota subir.",
        "Você fez {score} em {subject}. Não foi o seu melhor dia nessa matéria, mas cada resposta errada mostra exatamente o que praticar.",
        "O seu questionário de {subject} ficou em {score}. Não desanime; revise nesta semana e tente algumas perguntas parecidas.",
    ],
    "mid": [
        "Em {subject}, você tirou {score}, um resultado sólido. Com um pouco mais de revisão, dá para subir ainda mais.",
        "Você chegou a {score} em {subject}. Bom trabalho; agora olhe as perguntas que errou e você vai fechar essa diferença.",
        "O seu questionário de {subject} chegou a {score}. É um progresso real, então mantenha o ritmo.",
    ],
    "high": [
        "Em {subject}, você tirou excelentes {score}. Muito bem, esse é o resultado de um esforço de verdade.",
        "Você fez {score} em {subject}. Fantástico! Tente explicar esse assunto para outra pessoa para fixar ainda mais.",
        "O seu questionário de {subject} marcou {score}. É um ótimo resultado, então aproveite e busque a mesma constância na próxima vez.",
    ],
}

NO_SCORES = [
    "Ainda não tenho resultados de questionários seus, e está tudo bem. "
    "O seu primeiro questionário só vai mostrar onde você está, então não há nada a temer.",
    "Hoje não há notas recentes para olhar. "
    "Quando fizer o seu próximo questionário, encare como um treino, e não como uma medida do seu valor.",
    "Ainda não temos resultados, então hoje não há nada para avaliar. "
    "Concentre-se em entender, e as notas vêm depois.",
]

TECHNIQUE = [
    "A técnica de estudo de hoje é a recordação ativa. Em vez de reler as suas anotações, feche o caderno e pergunte a si mesmo o que você lembra. "
    "Escreva, depois abra as anotações e confira. Cada vez que você puxa uma informação da memória, "
    "ela fica mais forte e mais fácil de encontrar na próxima vez.",
    "A técnica de estudo de hoje é a repetição espaçada. Revise um tema hoje, de novo daqui a dois dias, depois de uma semana "
    "e mais uma vez depois de duas semanas. Cada revisão chega logo antes de você esquecer, "
    "e é esse momento certo que leva o conhecimento para a memória de longo prazo.",
    "A técnica de estudo de hoje é o método Feynman. Escolha um tema e explique como se estivesse ensinando uma criança de doze anos. "
    "Sempre que você travar ou usar uma palavra complicada, volte ao seu material. "
    "Explicações simples revelam exatamente o que você ainda não entendeu.",
    "A técnica de estudo de hoje é a prática intercalada. Em vez de treinar um único tipo de problema por uma hora, "
    "misture dois ou três tipos diferentes na mesma sessão. No começo parece mais lento, "
    "mas isso treina o seu cérebro para escolher o método certo, e é exatamente isso que uma prova pede de você.",
    "A técnica de estudo de hoje é o método Pomodoro. Coloque um cronômetro para vinte e cinco minutos e estude com foco total, "
    "com o celular longe. Depois faça uma pausa de cinco minutos. Depois de quatro rodadas, faça uma pausa mais longa. "
    "Blocos curtos e focados mantêm a sua mente descansada.",
    "A técnica de estudo de hoje é o autoteste. Antes de começar um capítulo novo, escreva três perguntas sobre o anterior "
    "e responda sem consultar as anotações. Testar a si mesmo não serve só para medir o que você sabe; "
    "é uma das melhores formas de aprender.",
]

TECHNIQUE_DEPTH = {
    "beginner": [
        "Se parecer muita coisa, comece pequeno: use a técnica só uma vez hoje, com um único tema, e veja como se sente.",
        "Não tente fazer perfeito. Até uma rodada curta hoje já é um ótimo primeiro passo.",
    ],
    "intermediate": [
        "Na sua fase, experimente combinar a técnica nesta semana com o seu tema mais fraco e repare em quais partes são mais difíceis de lembrar.",
        "Use a técnica em um tema que você acha que domina; talvez descubra pequenas lacunas que valem a pena corrigir.",
    ],
    "advanced": [
        "No seu nível, vá além: aplique a técnica aos casos extremos mais difíceis e compare duas abordagens lado a lado.",
        "Para você, o desafio é a precisão. Use a técnica para conferir se consegue dizer as condições exatas em que cada regra vale.",
    ],
}

EXTRA = [
    "Aqui vai uma dica de memória. O seu cérebro lembra de histórias muito melhor do que de listas. "
    "Quando aprender uma série de fatos, tente ligar tudo em uma pequena história, mesmo que seja boba. "
    "Quanto mais estranha a imagem na sua cabeça, mais fácil fica lembrar depois.",
    "Uma palavra sobre o sono. Muito do que você aprende durante o dia é organizado e guardado enquanto você dorme. "
    "Por isso, virar a noite estudando e cortar o sono pode fazer você lembrar menos. "
    "Um cérebro descansado é um cérebro que aprende.",
    "Vamos falar de motivação. É normal não ter vontade todos os dias. "
    "O truque é contar com os hábitos e não com o humor: estude no mesmo horário e no mesmo lugar, "
    "e começar vai ficando automático aos poucos.",
    "Uma pequena reflexão para hoje. Pense em uma coisa que você entende agora e que não entendia um mês atrás. "
    "Essa é a prova de que o seu esforço funciona. Guarde essa sensação para quando as coisas ficarem difíceis.",
    "Uma dica rápida sobre o seu lugar de estudo. Deixe a mesa simples e coloque o celular em outro cômodo enquanto estuda. "
    "Cada notificação puxa a sua atenção para longe, e leva vários minutos para a concentração voltar por completo.",
    "Vamos falar dos erros. Uma resposta errada é uma das coisas mais úteis que podem acontecer enquanto você aprende, "
    "porque mostra exatamente onde o seu entendimento precisa de trabalho. "
    "Quem aprende mais rápido costuma ser quem olha os próprios erros com mais atenção.",
    "Uma ideia para as suas anotações. Depois de cada aula, escreva um resumo curto de três frases com as suas palavras. "
    "No fim da semana, leia só esses resumos. Você vai se surpreender com quanta coisa volta.",
    "Experimente esta reflexão: quando foi a última vez que você conseguiu se concentrar de verdade estudando? "
    "Que horas eram, onde você estava e o que tinha acabado de fazer? "
    "Tente recriar essas condições nesta semana.",
    "Um recado sobre as pausas. O seu cérebro continua trabalhando em um problema mesmo quando você se afasta dele. "
    "Se travar, faça uma caminhada curta ou pegue um copo de água, e depois volte. "
    "Muitas vezes a solução aparece quando você para de forçar.",
    "Aqui vai algo para animar você. Aprender não é uma linha reta; acontece em ondas. "
    "Tem dias em que parece que você não sai do lugar, e de repente tudo se encaixa. "
    "Esses dias quietos são quando o seu cérebro está construindo conexões em silêncio.",
    "Mais uma dica de memória: ensine o que você aprende. Explicar um assunto para um amigo, para alguém da família "
    "ou até para o seu bichinho de estimação obriga você a organizar as ideias. "
    "Se você consegue ensinar, é porque sabe de verdade.",
    "Vamos pensar em planejamento. No começo de cada semana, anote duas ou três metas pequenas, "
    "como terminar um capítulo ou refazer um questionário. "
    "Metas claras e pequenas são muito mais fáceis de alcançar do que uma vontade vaga de estudar mais.",
    "Um pensamento sobre curiosidade. Antes de abrir o seu material, faça a si mesmo uma pergunta que você gostaria que ele respondesse. "
    "Ler com uma pergunta em mente mantém você atento, e a resposta, quando aparece, "
    "fica com você muito mais tempo do que fatos que você só leu por cima.",
    "Uma dica de leitura. Não grife tudo; parece produtivo, mas quase nunca é. "
    "Leia primeiro uma seção, depois feche o livro e escreva as duas ideias mais importantes. "
    "Só então volte e confira se acertou.",
    "Vamos falar do nervosismo antes de um questionário. Um pouco de nervosismo é normal e pode até ajudar na concentração. "
    "Inspire devagar por quatro segundos, segure por quatro e solte o ar por mais quatro. "
    "Repetir isso algumas vezes acalma o corpo e clareia a cabeça.",
    "Uma pergunta para refletir hoje: que dúvida você ficou com vergonha de perguntar na aula? "
    "Anote agora. Amanhã, pergunte ao professor, pesquise ou leve a dúvida para um grupo de estudo. "
    "Dúvidas sem resposta costumam virar lacunas maiores.",
    "Aqui vai um truque de memória chamado palácio da memória. Imagine um lugar que você conhece bem, como a sua casa, "
    "e coloque cada ideia que quer lembrar em um cômodo diferente. "
    "Depois, faça um passeio mental pelos cômodos e recolha as ideias uma por uma.",
    "Vamos falar de estudar em grupo. Explicar coisas para um grupo pequeno, ou ouvir como um colega resolveu um problema, "
    "mostra novas formas de pensar. Até uma sessão curta por semana pode fazer uma grande diferença.",
    "Uma palavra sobre dias de descanso. Tirar um dia mais leve por semana não é preguiça; isso ajuda a manter a motivação por muito tempo. "
    "Nesse dia, talvez você só revise os seus resumos ou ouça este podcast, e deixe a mente recarregar.",
    "Um jeito de começar quando bate a preguiça de estudar: prometa a si mesmo só cinco minutos. "
    "Abra as anotações, leia uma página e veja como vai. "
    "Começar é a parte mais difícil, e depois que você começa, muitas vezes quer continuar.",
]

COURSE_TIP = {
    "beginner": [
        "Uma dica simples para {course}: depois de cada aula, anote as três palavras mais importantes que você ouviu "
        "e uma frase sobre o que cada uma significa. É um hábito pequeno que constrói uma base forte.",
        "Em {course}, não tenha medo de ver ou ler uma explicação duas vezes. "
        "Na segunda vez, você vai perceber coisas que deixou passar, e isso é completamente normal no começo.",
    ],
    "intermediate": [
        "Para {course}, experimente isto: pegue um problema que você já resolveu e mude um detalhe. "
        "A sua solução ainda funciona? Brincar com variações é o que leva você de seguir passos a entender esses passos.",
        "Uma dica para {course}: compare duas ideias do curso que parecem parecidas e escreva em que elas diferem. "
        "Distinções claras são o que separa uma boa resposta de uma resposta excelente.",
    ],
    "advanced": [
        "Em {course}, desafie-se a encontrar os limites do que aprendeu: "
        "onde a abordagem padrão falha, e o que um especialista faria no lugar dela? "
        "Pensar nos casos extremos é o que aprofunda o domínio de verdade.",
        "Em {course}, tente justificar cada regra em vez de só aplicar. "
        "Se você consegue explicar por que um método foi pensado assim, consegue adaptá-lo a problemas que ninguém mostrou para você.",
    ],
}

CONNECTION = [
    "Olha que interessante: {course} e {course2} têm mais em comum do que parece. "
    "Procure uma ideia que aparece nos dois e repare em como cada curso usa essa ideia. "
    "Conexões assim deixam as duas matérias mais fáceis de lembrar.",
    "Nesta semana, tente ligar {course} a {course2}. Pergunte a si mesmo como algo que aprendeu em um "
    "poderia ajudar a resolver um problema no outro. É esse jeito de pensar que transforma fatos soltos em compreensão de verdade.",
    "Quando estudar {course}, mantenha {course2} no fundo da mente. "
    "O conhecimento de cursos diferentes muitas vezes se reforça, e perceber essa sobreposição já é uma habilidade.",
]

QUESTIONS_INTRO = [
    "E agora é a sua vez. Vou fazer três perguntas. "
    "Leve o tempo que precisar em cada uma; não tem pressa, e pensar com calma é justamente o objetivo.",
    "Chegou a parte em que você fala. Aqui estão três perguntas para hoje. "
    "Responda com as suas palavras; não precisa ser perfeito.",
    "Vamos terminar com três perguntas. Elas ajudam você a transformar o que ouviu em algo que lembra de verdade, "
    "então dedique a cada uma um momento de reflexão.",
]

QUESTION_LEAD = [
    ["Aqui vai a sua primeira pergunta. {question}", "Vamos começar com a pergunta número um. {question}"],
    ["Agora, a segunda pergunta. {question}", "Vamos para a pergunta número dois. {question}"],
    ["E aqui vai a terceira e última pergunta. {question}", "Por último, a pergunta número três. {question}"],
]

THINK_PROMPT = [
    "Tire um momento para pensar e depois escreva a sua resposta no formulário.",
    "Faça uma pausa aqui, pense bem e depois escreva a sua resposta no formulário.",
    "Dê a si mesmo um tempinho para pensar e depois coloque a sua resposta no formulário.",
    "Pense com calma e, quando tiver a resposta, escreva no formulário.",
]

RECAP = [
    "Vamos recapitular. Hoje revimos os seus cursos, demos atenção especial aos temas que precisam, "
    "testamos uma técnica de estudo nova e terminamos com três perguntas. Muito trabalho bom para um episódio tão curto.",
    "Um resumo rápido antes de irmos: olhamos para os seus estudos, falamos de onde colocar a sua energia "
    "e praticamos pensar com as suas próprias palavras. Esses pequenos passos diários se somam mais rápido do que você imagina.",
    "Então, resumindo: você revisou o que está aprendendo, levou uma técnica para testar "
    "e respondeu três perguntas. Volte às dicas de hoje sempre que sentar para estudar.",
]

SIGNOFF = [
    "Por hoje é só, {name}. Obrigado por ouvir, e nos vemos no episódio de amanhã. Continue com esse ótimo trabalho!",
    "Obrigado por passar este tempo comigo, {name}. Seja gentil com você, siga em frente, e a gente se fala amanhã. Até logo!",
    "Ótimo trabalho hoje, {name}. Lembre-se: um pouco todo dia leva longe. Até amanhã, e bons estudos!",
    "Este episódio termina aqui, {name}. Tenho orgulho do esforço que você está fazendo. Até amanhã no Dailycast!",
]

QUESTIONS = {
    "course": [
        {
            "text": "Com as suas palavras, qual é a ideia mais importante que você aprendeu recentemente em {course}?",
            "key_points": ["cita uma ideia específica de {course}", "explica com as próprias palavras", "diz por que ela importa"],
        },
        {
            "text": "Você consegue descrever uma situação real em que algo que aprendeu em {course} seria útil?",
            "key_points": ["uma situação real e concreta", "liga a situação a um tema de {course}"],
        },
        {
            "text": "Que tema de {course} ainda parece pouco claro para você, e como você poderia esclarecê-lo?",
            "key_points": ["cita um tema específico pouco claro", "um plano concreto para entender melhor"],
        },
        {
            "text": "Se você tivesse que ensinar o básico de {course} para um amigo em dois minutos, o que diria primeiro?",
            "key_points": ["escolhe as ideias centrais de {course}", "explica de forma simples e em uma ordem lógica"],
        },
    ],
    "weak": [
        {
            "text": "Que coisa concreta você vai fazer nesta semana para melhorar em {subject}?",
            "key_points": ["uma ação específica e realista", "quando ou com que frequência"],
        },
        {
            "text": "Que parte de {subject} dá mais trabalho para você, e por que você acha que isso acontece?",
            "key_points": ["cita uma dificuldade específica em {subject}", "um motivo bem pensado"],
        },
        {
            "text": "Pense em um erro que você cometeu recentemente em {subject}. O que você faria diferente da próxima vez?",
            "key_points": ["descreve o erro", "uma abordagem melhor para a próxima vez"],
        },
    ],
    "connect": [
        {
            "text": "Como algo que você aprendeu em {course} poderia ajudar você em {course2}?",
            "key_points": ["uma ideia de {course}", "como ela se aplica em {course2}"],
        },
        {
            "text": "O que {course} e {course2} têm em comum, e onde eles são mais diferentes?",
            "key_points": ["uma semelhança real", "uma diferença clara"],
        },
    ],
    "general": [
        {
            "text": "Qual técnica de estudo de hoje você gostaria de testar primeiro, e quando vai testar?",
            "key_points": ["cita uma técnica", "um momento concreto para testar"],
        },
        {
            "text": "Que conquista recente nos estudos deixa você mais feliz, e como você chegou lá?",
            "key_points": ["uma conquista específica", "como ela foi alcançada"],
        },
        {
            "text": "O que costuma distrair você quando estuda, e o que você poderia mudar para evitar isso?",
            "key_points": ["uma distração específica", "uma mudança realista"],
        },
        {
            "text": "O que você gostaria de saber fazer daqui a um mês, e qual é o seu primeiro passo para chegar lá?",
            "key_points": ["um objetivo claro", "um primeiro passo concreto"],
        },
    ],
}
