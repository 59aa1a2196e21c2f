"""Instant adapters for benchmarks: a writer and a synthesizer that answer at once.

With them a podcast costs nothing but the pipeline itself (HTTP, outbox relay, the log, the
consumers, the projector, the database), which is what `bench/runtimes.py` measures.

- `InstantWriter` returns a script that passes `services/scriptgen/script_checks.py` for every
  language: it names the learner's courses, asks three distinct questions verbatim, and is padded
  to the minutes asked, as the request's voice would speak it (`WritingRequest.units_for`, so
  words for most languages and characters for ja and ko).
- `InstantSynthesizer` returns a few bytes of "MP3" lasting 6 minutes, with a mark at each
  question the SSML names (like tests/utils/fakes.FakeSynthesizer, but it records nothing, so a
  long benchmark does not grow memory).
"""

from __future__ import annotations

from dailycast.languages import length_units
from dailycast.scripts import QUESTIONS_PER_PODCAST, Question, WritingRequest, WrittenScript
from services.tts.synthesizers.base import SynthesizedAudio, Voice

# Per language: an opening naming the courses, a sentence to fill time, a question pattern.
PHRASES = {
    "en": ("Since you study {courses}, today we look at what makes them useful to you.",
           "Take a moment to think about what you learned this week and how it all fits together.",
           "What is the most important idea number {n} from your course?"),
    "es": ("Como estudias {courses}, hoy vemos por qué son útiles para ti.",
           "Piensa un momento en lo que aprendiste esta semana y en cómo encaja todo.",
           "¿Cuál es la idea número {n} que más te ayuda en tus estudios?"),
    "fr": ("Puisque tu étudies {courses}, nous regardons aujourd'hui pourquoi ils sont utiles pour toi.",
           "Prends un moment pour penser à ce que tu as appris cette semaine et à la façon dont tout se tient.",
           "Quelle est l'idée numéro {n} la plus utile pour tes études ?"),
    "de": ("Da du {courses} lernst, schauen wir heute, warum das für dich wichtig ist.",
           "Nimm dir einen Moment und denke daran, was du diese Woche gelernt hast und wie alles zusammenpasst.",
           "Was ist die wichtigste Idee Nummer {n} aus deinem Kurs?"),
    "it": ("Dato che studi {courses}, oggi vediamo perché sono utili per il tuo lavoro.",
           "Prenditi un momento per pensare a che cosa hai imparato questa settimana e a come tutto si collega.",
           "Qual è l'idea numero {n} più utile per il tuo studio?"),
    "pt": ("Como você estuda {courses}, hoje vamos ver por que isso é útil para o seu trabalho.",
           "Tire um momento para pensar no que você aprendeu esta semana e em como tudo se encaixa.",
           "Qual é a ideia número {n} mais útil para os seus estudos?"),
    "ru": ("Поскольку вы изучаете {courses}, сегодня мы посмотрим, почему это полезно.",
           "Подумайте немного о том, что вы узнали на этой неделе и как всё это связано.",
           "Какая идея номер {n} для вас самая важная?"),
    "ja": ("{courses}を勉強しているので、今日はその役に立つ理由を見ていきましょう。",
           "今週学んだことと、それがどうつながるかを少し考えてみましょう。",
           "あなたのコースで大切な考えの{n}つ目は何ですか？"),
    "ko": ("{courses}를 공부하고 있으니, 오늘은 왜 유용한지 살펴보겠습니다.",
           "이번 주에 배운 것과 그것이 어떻게 연결되는지 잠시 생각해 봅시다.",
           "당신의 과정에서 가장 중요한 생각 {n}번은 무엇입니까?"),
}


INSTANT_AUDIO = b"\xff\xfb" + bytes(100)  # an MP3 frame header and silence; nobody plays it
INSTANT_SECONDS = 360.0


def instant_questions(languages: list[str]) -> list[Question]:
    return [
        Question(f"q{n}", {lang: PHRASES[lang][2].format(n=n) for lang in languages}, [f"point {n}"])
        for n in range(1, QUESTIONS_PER_PODCAST + 1)
    ]


def instant_script(request: WritingRequest, writer: str = "instant", minutes: float | None = None) -> WrittenScript:
    """A usable script in every requested language, written in that language, made without any model;
    `minutes` long spoken (default: the minutes asked)."""
    minutes = request.minutes if minutes is None else minutes
    questions = instant_questions(request.languages)
    scripts = {}
    for lang in request.languages:
        opening, filler, _ = PHRASES[lang]
        asked = [q.text[lang] for q in questions]
        parts = [opening.format(courses=", ".join(request.learner.courses)), *asked]
        # Counted once, not per filler: the writer must cost next to nothing.
        missing = request.speech.units_for(lang, minutes, QUESTIONS_PER_PODCAST) - length_units(" ".join(parts), lang)
        fillers = max(0, -(-missing // length_units(filler, lang)))
        scripts[lang] = " ".join([parts[0], *[filler] * fillers, *asked])
    return WrittenScript(scripts, questions, writer)


class InstantWriter:
    """The ScriptWriter port, answering at once (it replaces the whole writer chain)."""

    name = "instant"

    async def write(self, request: WritingRequest) -> WrittenScript:
        return instant_script(request, self.name)


class InstantSynthesizer:
    """The Synthesizer port, answering at once with marks where the questions are."""

    name = "instant-speech"

    async def synthesize(self, ssml: str, voice: Voice) -> SynthesizedAudio:
        marks = {}
        for n in range(1, QUESTIONS_PER_PODCAST + 1):
            if f'name="q{n}"' in ssml:
                marks[f"q{n}"], marks[f"q{n}-end"] = 100.0 * n, 100.0 * n + 3
        return SynthesizedAudio(INSTANT_AUDIO, INSTANT_SECONDS, marks)
