"""The real eSpeak NG engine, through the espeakng-loader wheel."""

import array
import asyncio
import re

import pytest

from dailycast.languages import SUPPORTED_LANGUAGES
from dailycast.readings import speakable
from dailycast.speech_length import Speech
from dailycast.scripts import Question
from services.tts.ssml import build_ssml, question_marks
from services.tts.synthesizers import espeak
from services.tts.synthesizers.base import SynthesisError, SynthesizedAudio, Voice
from services.tts.synthesizers.espeak import EspeakSynthesizer
from services.tts.voices import pick_voice

PAUSE = 2.0

# (script, questions in order). This Japanese is kana; a script with kanji and a Latin title is
# read into kana by the synthesizer (JA_SCRIPT below).
SAMPLES: dict[str, tuple[str, list[str]]] = {
    "en": (
        "Plants turn sunlight into sugar. Where does the energy come from?\n\n"
        "Think about the leaves. Why are most leaves green? Chlorophyll is the answer.",
        ["Where does the energy come from?", "Why are most leaves green?"],
    ),
    "ja": (
        "しょくぶつは ひかりで えいようを つくります。 どこから エネルギーが きますか？\n\n"
        "はっぱを みてください。 なぜ はっぱは みどりですか？",
        ["どこから エネルギーが きますか？", "なぜ はっぱは みどりですか？"],
    ),
    "es": (
        "Las plantas convierten la luz del sol en azúcar. ¿De dónde viene la energía?\n\n"
        "Piensa en las hojas. ¿Por qué casi todas las hojas son verdes? La clorofila lo explica.",
        ["¿De dónde viene la energía?", "¿Por qué casi todas las hojas son verdes?"],
    ),
    "fr": (
        "Les plantes transforment la lumière du soleil en sucre. D'où vient l'énergie ?\n\n"
        "Pense aux feuilles. Pourquoi la plupart des feuilles sont-elles vertes ? "
        "La chlorophylle est la réponse.",
        ["D'où vient l'énergie ?", "Pourquoi la plupart des feuilles sont-elles vertes ?"],
    ),
    "de": (
        "Pflanzen verwandeln Sonnenlicht in Zucker. Woher kommt die Energie?\n\n"
        "Denk an die Blätter. Warum sind die meisten Blätter grün? Das Chlorophyll erklärt es.",
        ["Woher kommt die Energie?", "Warum sind die meisten Blätter grün?"],
    ),
    "it": (
        "Le piante trasformano la luce del sole in zucchero. Da dove viene l'energia?\n\n"
        "Pensa alle foglie. Perché quasi tutte le foglie sono verdi? La clorofilla lo spiega.",
        ["Da dove viene l'energia?", "Perché quasi tutte le foglie sono verdi?"],
    ),
    "pt": (
        "As plantas transformam a luz do sol em açúcar. De onde vem a energia?\n\n"
        "Pense nas folhas. Por que quase todas as folhas são verdes? A clorofila explica.",
        ["De onde vem a energia?", "Por que quase todas as folhas são verdes?"],
    ),
    "ru": (
        "Растения превращают солнечный свет в сахар. Откуда берётся энергия?\n\n"
        "Подумай о листьях. Почему почти все листья зелёные? Ответ — хлорофилл.",
        ["Откуда берётся энергия?", "Почему почти все листья зелёные?"],
    ),
    "ko": (
        "식물은 햇빛으로 당을 만듭니다. 에너지는 어디에서 올까요?\n\n"
        "잎을 생각해 보세요. 왜 대부분의 잎은 초록색일까요? 엽록소 때문입니다.",
        ["에너지는 어디에서 올까요?", "왜 대부분의 잎은 초록색일까요?"],
    ),
}


def sample(language: str, pause: float = PAUSE) -> tuple[str, list[Question]]:
    script, texts = SAMPLES[language]
    questions = [Question(f"q{i}", {language: text}) for i, text in enumerate(texts, 1)]
    return build_ssml(script, questions, language, pause), questions


def marks_in(ssml: str) -> set[str]:
    """Every mark of the document: eSpeak NG must report each (the sentences' too: the transcript)."""
    return set(re.findall(r'<mark name="([^"]+)"/>', ssml))


async def speak(language: str, pause: float = PAUSE) -> tuple[SynthesizedAudio, list[Question]]:
    ssml, questions = sample(language, pause)
    return await EspeakSynthesizer().synthesize(ssml, pick_voice(language, "local")), questions


# MPEG audio Layer III, by version bits: bitrates (kbps), sample rates, samples per frame.
_BITRATES = {
    3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
    2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
_BITRATES[0] = _BITRATES[2]
_SAMPLE_RATES = {3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000]}


def mp3_seconds(mp3: bytes) -> float:
    """Walk every MPEG Layer III frame header to the end; the frames' total playing time."""
    assert mp3[:3] != b"ID3", "no ID3 tag expected from lameenc"
    offset, seconds = 0, 0.0
    while offset < len(mp3):
        header = int.from_bytes(mp3[offset : offset + 4], "big")
        assert header >> 21 == 0x7FF, f"no frame sync at byte {offset}"
        version, layer = (header >> 19) & 3, (header >> 17) & 3
        assert version != 1 and layer == 1, "not MPEG Layer III"
        bitrate = _BITRATES[version][(header >> 12) & 0xF] * 1000
        rate = _SAMPLE_RATES[version][(header >> 10) & 3]
        samples = 1152 if version == 3 else 576
        offset += samples // 8 * bitrate // rate + ((header >> 9) & 1)
        seconds += samples / rate
    assert offset == len(mp3), "truncated last frame"
    return seconds


def test_samples_cover_every_supported_language():
    assert set(SAMPLES) == set(SUPPORTED_LANGUAGES)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
async def test_speaks_each_language_with_marks_and_pauses(language):
    audio, questions = await speak(language)

    # lameenc adds its encoder delay, padding and an info frame: a few frames at most.
    assert 0 <= mp3_seconds(audio.mp3) - audio.duration_seconds < 0.2
    estimate = Speech("local", PAUSE).minutes(SAMPLES[language][0], language, len(questions)) * 60
    assert audio.duration_seconds > 1
    assert 0.5 * estimate < audio.duration_seconds < 2 * estimate

    timings = question_marks(audio.marks, questions)
    times = [t for _, starts_at, pause_at in timings for t in (starts_at, pause_at)]
    assert times == sorted(times) and len(set(times)) == len(times)
    for (_, _, pause_at), (_, next_start, _) in zip(timings, timings[1:]):
        assert pause_at + PAUSE <= next_start
    assert times[-1] + PAUSE <= audio.duration_seconds + 0.1


async def test_a_longer_pause_makes_longer_audio():
    short, questions = await speak("en", pause=1)
    long, _ = await speak("en", pause=5)
    grown = long.duration_seconds - short.duration_seconds
    assert grown == pytest.approx(4 * len(questions), abs=0.5)
    assert long.marks["q2"] - short.marks["q2"] == pytest.approx(4, abs=0.5)


def test_the_pause_is_silence():
    ssml, _ = sample("de", pause=3)
    take, rate = espeak._speak(ssml, "de")
    pcm = array.array("h", bytes(take.pcm))
    for question in ("q1", "q2"):
        pause_at = take.marks[f"{question}-end"]
        during = pcm[int(pause_at * rate) : int((pause_at + 2.9) * rate)]
        assert max(map(abs, during)) < 100
    assert max(map(abs, pcm)) > 5000


async def test_concurrent_calls_all_succeed():
    languages = ("en", "ru", "ko")
    results = await asyncio.gather(*map(speak, languages))
    for language, (audio, questions) in zip(languages, results):
        assert mp3_seconds(audio.mp3) > 1
        assert [q for q, _, _ in question_marks(audio.marks, questions)] == ["q1", "q2"]
        assert set(audio.marks) == marks_in(sample(language)[0]) > {"q1", "q1-end", "q2", "q2-end", "s1", "s5"}


async def test_unknown_voice_fails_readably():
    with pytest.raises(SynthesisError, match="xx-nope"):
        voice = Voice("en", "xx-nope", "local")
        await EspeakSynthesizer().synthesize("<speak>Hello.</speak>", voice)


async def test_a_document_without_speech_fails():
    with pytest.raises(SynthesisError, match="no audible speech"):
        await EspeakSynthesizer().synthesize("<speak></speak>", pick_voice("en", "local"))


async def test_speaks_after_a_failure():
    with pytest.raises(SynthesisError):
        await EspeakSynthesizer().synthesize("<speak></speak>", pick_voice("en", "local"))
    audio, _ = await speak("fr")
    assert set(audio.marks) == marks_in(sample("fr")[0])


# A Japanese script as the template writer writes it: kanji, a Latin title, a score.
JA_SCRIPT = (
    "Aiko Tanakaさん、こんにちは！Dailycastへようこそ。今日はPython Advancedを勉強しましょう。\n\n"
    "Python Advancedは52%でした。Python Advancedで何が大切ですか？"
)


async def test_japanese_with_a_latin_title_speaks_with_its_marks():
    questions = [Question("q1", {"ja": "Python Advancedで何が大切ですか？"})]
    ssml = build_ssml(JA_SCRIPT, questions, "ja", PAUSE)
    audio = await EspeakSynthesizer().synthesize(ssml, pick_voice("ja", "local"))
    assert set(audio.marks) == marks_in(ssml) > {"q1", "q1-end", "s1"}
    estimate = Speech("local", PAUSE).minutes(JA_SCRIPT, "ja", len(questions)) * 60
    assert 0.5 * estimate < audio.duration_seconds < 2 * estimate


def test_the_japanese_voice_reads_the_reading_in_japanese_only():
    # Latin letters would switch the voice to English, spelled letter by letter ("(en)p'i: _:w'aI").
    said = espeak.phonemes(speakable(JA_SCRIPT, "ja"), "ja")
    assert "(en)" not in said and "_:" not in said
    assert said.count("pa'isoN") == 3  # パイソン, each time


@pytest.mark.parametrize("language, text", [
    ("ko", "Python Advanced를 공부합니다."), ("ru", "Вы изучаете Python Advanced и Django Fundamentals."),
])
def test_korean_and_russian_voices_say_a_latin_title_as_english_words(language, text):
    said = espeak.phonemes(speakable(text, language), pick_voice(language, "local").name)
    assert "(en)p'aIT@n a#dv'anst" in said  # one switch to English for the title, said as words
    assert "_:" not in said  # no letter spelled out

def _speech_seconds(take, rate: int, start: float = 0.0, end: float | None = None) -> float:
    """From the first to the last audible sample between start and end."""
    pcm = array.array("h", bytes(take.pcm))[int(start * rate) : None if end is None else int(end * rate)]
    loud = [i for i, sample in enumerate(pcm) if abs(sample) > 500]
    return (loud[-1] - loud[0]) / rate


@pytest.mark.parametrize("language", ["en", "de", "ja"])
def test_the_think_prompt_is_spoken_before_the_pause(language):
    # As the template writes it: the question, then the prompt to think, then the pause.
    prompt = {
        "en": "Pause here for a moment, think it over, and then write your answer in the form.",
        "de": "Halte hier kurz inne, denk darüber nach und schreib dann deine Antwort in das Formular.",
        "ja": "ここで すこし とまって、 かんがえてから こたえを かいてください。",
    }[language]
    _, (asked, _) = SAMPLES[language]
    question = Question("q1", {language: asked})
    gap = "" if language == "ja" else " "
    ssml = build_ssml(f"{asked}{gap}{prompt}\n\n{asked}", [question], language, 3)
    take, rate = espeak._speak(ssml, language)
    alone = {text: _speech_seconds(*espeak._speak(f"<speak>{text}</speak>", language)) for text in (asked, prompt)}

    starts_at, pause_at = take.marks["q1"], take.marks["q1-end"]
    # Between the question's mark and the pause: the question and the whole prompt.
    assert _speech_seconds(take, rate, starts_at, pause_at) > alone[asked] + 0.8 * alone[prompt]
    pcm = array.array("h", bytes(take.pcm))
    assert max(map(abs, pcm[int(pause_at * rate) : int((pause_at + 2.9) * rate)])) < 100
