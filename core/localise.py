"""A project's texts in other languages: its name, description and lesson challenges'
titles and solutions as ``translations`` carries them (checked on load by
``core.project.check_translations``), read in the interface's language and written
back by the lesson editor.

    localised(p, "cs")             -> (name, description) in Czech where given
    localised_challenges(p, "cs")  -> the lesson's challenges, titles and solutions in Czech
    with_texts(p, "cs", name, description), with_challenges(p, "cs", lesson) -> a new Project
"""

from __future__ import annotations

from dataclasses import replace

from core.project import Project


def with_texts(p: Project, lang: str, name: str, description: str) -> Project:
    """A copy of ``p`` with its name and description in language ``lang`` set: its own
    for English, else its translation into ``lang`` (the English texts stay)."""
    if lang == "en":
        return replace(p, name=name, description=description)
    texts = {**(p.translations or {}).get(lang, {}), "name": name, "description": description}
    return replace(p, translations={**(p.translations or {}), lang: texts})


def localised(p: Project, lang: str) -> tuple[str, str]:
    """The project's name and description in language ``lang`` where it carries them
    (``translations``), else its own."""
    texts = (p.translations or {}).get(lang, {})
    return texts.get("name") or p.name, texts.get("description") or p.description


def localised_challenges(p: Project, lang: str) -> list[dict[str, str]]:
    """The lesson's challenges ({'title', 'check', 'solution'}) with their title and
    solution in language ``lang`` where the project carries them, else their own."""
    texts = (p.translations or {}).get(lang, {}).get("challenges", [])
    out = []
    for k, c in enumerate((p.lesson or {}).get("challenges", [])):
        own = texts[k] if k < len(texts) else {}
        out.append({**c, **{key: v for key, v in own.items() if v}})
    return out


def with_challenges(p: Project, lang: str, lesson: dict | None) -> Project:
    """A copy of ``p`` with ``lesson`` (profile and challenges, as checked by
    ``check_lesson``) whose challenges' titles and solutions are written in language
    ``lang``, as the lesson editor shows them. In English they are the lesson's own.
    In another language they are that language's translation, and a challenge kept at
    its place with its check keeps its English texts (a new or changed one takes the
    typed texts as its own too). Other languages keep their texts for the challenges
    unchanged in English, check included."""
    lesson = dict(lesson or {})
    rows = lesson.get("challenges", [])
    old = (p.lesson or {}).get("challenges", [])
    same = [k < len(old) and old[k]["check"] == r["check"] for k, r in enumerate(rows)]
    if lang != "en" and rows:
        lesson["challenges"] = [{**r, "title": old[k]["title"], "solution": old[k]["solution"]}
                                if same[k] else r for k, r in enumerate(rows)]
    kept = [same[k] and lesson["challenges"][k] == old[k] for k in range(len(rows))]
    translations = {}
    for code, texts in (p.translations or {}).items():
        entries = texts.get("challenges", [])
        entries = [entries[k] if kept[k] and k < len(entries) else {} for k in range(len(rows))]
        translations[code] = {**texts, "challenges": entries}
    if lang != "en":
        translations[lang] = {**translations.get(lang, {}),
                              "challenges": [{"title": r["title"], "solution": r["solution"]} for r in rows]}
    for texts in translations.values():
        if not any(texts.get("challenges", [])):  # nothing translated: no list of blanks
            texts.pop("challenges", None)
    return replace(p, lesson=lesson or None, translations={c: t for c, t in translations.items() if t}
                   or None)
