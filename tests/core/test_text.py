"""Engine messages are English strings that the interface can still translate later."""

import pytest

from core.derivation import derive, to_latex, to_markdown
from core.project import ProjectError, from_dict
from core.settings import check
from core.text import QT_TRANSLATE_NOOP, Text, translated
from tests.core.lessons import HAND_X, HAND_Y, hand_note

CZECH = {
    "settings": {"learning rate must be positive; got {0:g}": "rychlost učení musí být kladná; je {0:g}"},
    "derivation": {"Forward pass": "Dopředný průchod", "Old → new": "Staré → nové",
                   "Sample {0}, target {1}, learning rate {2}, loss {3}.":
                   "Vzorek {0}, cíl {1}, rychlost učení {2}, ztráta {3}.",
                   "Updates": "Úpravy \\input{/etc/passwd} 100%"},
    "checks": {"{0} must be a whole number; got {1}": "{0} musí být celé číslo; je {1}"},
    "project": {"the project cannot be read: {0}": "projekt nelze přečíst: {0}"},
}


def czech(context: str, text: str) -> str:
    return CZECH.get(context, {}).get(text, text)


def test_an_engine_error_is_english_and_translatable_later():
    with pytest.raises(ValueError) as e:
        check("lr", -1.0)
    assert str(e.value) == "learning rate must be positive; got -1"
    message = e.value.args[0]
    assert isinstance(message, Text) and message.context == "settings"
    assert translated(message, czech) == "rychlost učení musí být kladná; je -1"
    assert translated("plain text", czech) == "plain text"


def test_values_that_are_messages_or_errors_are_translated_too():
    inner = QT_TRANSLATE_NOOP("checks", "{0} must be a whole number; got {1}").format("epochs", "x")
    outer = QT_TRANSLATE_NOOP("project", "the project cannot be read: {0}").format(ValueError(inner))
    assert str(outer) == "the project cannot be read: epochs must be a whole number; got x"
    assert translated(outer, czech) == "projekt nelze přečíst: epochs musí být celé číslo; je x"


def test_a_message_pickled_stays_translatable():
    """A diverged run's message comes from the training process pickled: it arrived as
    plain English (or, as a Text, did not unpickle at all)."""
    import pickle

    inner = QT_TRANSLATE_NOOP("checks", "{0} must be a whole number; got {1}").format("epochs", "x")
    outer = QT_TRANSLATE_NOOP("project", "the project cannot be read: {0}").format(inner, k=2)
    back = pickle.loads(pickle.dumps(outer))
    assert isinstance(back, Text) and back == outer and back.named == {"k": 2}
    assert translated(back, czech) == "projekt nelze přečíst: epochs musí být celé číslo; je x"


def test_a_translation_whose_placeholders_do_not_fit_falls_back_to_english():
    t = QT_TRANSLATE_NOOP("settings", "learning rate must be positive; got {0:g}").format(-2.0)
    assert translated(t, lambda c, s: "broken {7}") == "learning rate must be positive; got -2"


def test_project_errors_carry_their_template():
    with pytest.raises(ProjectError) as e:
        from_dict({"format": "backprop-studio", "schema": 2, "network": "nope"})
    assert isinstance(e.value.args[0], Text) and str(e.value.args[0]) == str(e.value)


def test_handouts_take_a_translation_and_escape_it():
    dv = derive(hand_note(), HAND_X, HAND_Y, "half_sse", 0.05)
    assert "## Forward pass" in to_markdown(dv)
    md = to_markdown(dv, translate=czech)
    assert "## Dopředný průchod" in md and "## Staré → nové" in md
    assert "Vzorek x = (2, 3), cíl y = (1), rychlost učení α = 0.05, ztráta `half_sse`." in md
    tex = to_latex(dv, translate=czech)
    assert r"\subsection*{Dopředný průchod}" in tex
    assert r"Vzorek $x = (2, 3)$, cíl $y = (1)$, rychlost učení $\alpha = 0.05$" in tex
    assert r"\textbackslash{}input\{/etc/passwd\} 100\%" in tex  # a translation is text, not TeX
    assert r"## Úpravy \\input{/etc/passwd} 100%" in md  # its backslash is Markdown-escaped


def test_a_translated_heading_cannot_inject_markup():
    dv = derive(hand_note(), HAND_X, HAND_Y, "half_sse", 0.05)
    evil = {"Forward pass": "<script>x</script> *a* [l](u)"}
    md = to_markdown(dv, translate=lambda c, t: evil.get(t, t))
    assert r"## &lt;script&gt;x&lt;/script&gt; \*a\* \[l\](u)" in md
