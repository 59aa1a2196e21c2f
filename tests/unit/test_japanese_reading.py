from services.tts.synthesizers.japanese_reading import kana_ssml, to_kana


def test_kanji_become_kana_and_latin_stays():
    assert to_kana("Django Fundamentalsを勉強しています") == "Django Fundamentalsをべんきょうしています"


def test_only_text_nodes_change():
    ssml = '<speak><p>質問です<s><mark name="q1"/>何が大切ですか？<mark name="q1-end"/></s><break time="5s"/></p></speak>'
    assert kana_ssml(ssml) == (
        '<speak><p>しつもんです<s><mark name="q1"/>なにがたいせつですか？<mark name="q1-end"/></s><break time="5s"/></p></speak>'
    )
