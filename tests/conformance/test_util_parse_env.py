"""Port of test/parallel/test-util-parse-env.js (Node v20).

util.parseEnv of Node's test/fixtures/dotenv/valid.env (copied below): quotes of
three kinds, spaces kept inside them, ``\\n`` expanded in double quotes only,
comments, ``export``, multi-line quoted values; an empty text is ``{}``, a
repeated key keeps its last value; a content that is not a string is
ERR_INVALID_ARG_TYPE.  The expected object is what node v20.20.2 returns for
this fixture, quirks included (the line without ``=`` after ``MULTI_NOT_VALID``
joins the next key); the newest suite's fixture and expectations differ.
"""

from __future__ import annotations

from typing import Any

import pytest

from pynet import errors, util

# test/fixtures/dotenv/valid.env
VALID_ENV = r"""BASIC=basic

# previous line intentionally left blank
AFTER_LINE=after_line
EMPTY=
EMPTY_SINGLE_QUOTES=''
EMPTY_DOUBLE_QUOTES=""
EMPTY_BACKTICKS=``
SINGLE_QUOTES='single_quotes'
SINGLE_QUOTES_SPACED='    single quotes    '
DOUBLE_QUOTES="double_quotes"
DOUBLE_QUOTES_SPACED="    double quotes    "
DOUBLE_QUOTES_INSIDE_SINGLE='double "quotes" work inside single quotes'
DOUBLE_QUOTES_WITH_NO_SPACE_BRACKET="{ port: $MONGOLAB_PORT}"
SINGLE_QUOTES_INSIDE_DOUBLE="single 'quotes' work inside double quotes"
BACKTICKS_INSIDE_SINGLE='`backticks` work inside single quotes'
BACKTICKS_INSIDE_DOUBLE="`backticks` work inside double quotes"
BACKTICKS=`backticks`
BACKTICKS_SPACED=`    backticks    `
DOUBLE_QUOTES_INSIDE_BACKTICKS=`double "quotes" work inside backticks`
SINGLE_QUOTES_INSIDE_BACKTICKS=`single 'quotes' work inside backticks`
DOUBLE_AND_SINGLE_QUOTES_INSIDE_BACKTICKS=`double "quotes" and single 'quotes' work inside backticks`
EXPAND_NEWLINES="expand\nnew\nlines"
DONT_EXPAND_UNQUOTED=dontexpand\nnewlines
DONT_EXPAND_SQUOTED='dontexpand\nnewlines'
# COMMENTS=work
INLINE_COMMENTS=inline comments # work #very #well
INLINE_COMMENTS_SINGLE_QUOTES='inline comments outside of #singlequotes' # work
INLINE_COMMENTS_DOUBLE_QUOTES="inline comments outside of #doublequotes" # work
INLINE_COMMENTS_BACKTICKS=`inline comments outside of #backticks` # work
INLINE_COMMENTS_SPACE=inline comments start with a#number sign. no space required.
EQUAL_SIGNS=equals==
RETAIN_INNER_QUOTES={"foo": "bar"}
RETAIN_INNER_QUOTES_AS_STRING='{"foo": "bar"}'
RETAIN_INNER_QUOTES_AS_BACKTICKS=`{"foo": "bar's"}`
TRIM_SPACE_FROM_UNQUOTED=    some spaced out string
EMAIL=therealnerdybeast@example.tld
    SPACED_KEY = parsed
EDGE_CASE_INLINE_COMMENTS="VALUE1" # or "VALUE2" or "VALUE3"

MULTI_DOUBLE_QUOTED="THIS
IS
A
MULTILINE
STRING"

MULTI_SINGLE_QUOTED='THIS
IS
A
MULTILINE
STRING'

MULTI_BACKTICKED=`THIS
IS
A
"MULTILINE'S"
STRING`
MULTI_NOT_VALID_QUOTE="
MULTI_NOT_VALID=THIS
IS NOT MULTILINE
export EXAMPLE = ignore export

#COMMENTED_ENV=should not shown
#COMMENTED_ENV_FOLLOW_COMMENTED_ENV=should not shown
#COMMENTED_ENV_FOLLOW_COMMENTED_ENV_2=should not shown
"""

EXPECTED = {
    "AFTER_LINE": "after_line",
    "BACKTICKS": "backticks",
    "BACKTICKS_INSIDE_DOUBLE": "`backticks` work inside double quotes",
    "BACKTICKS_INSIDE_SINGLE": "`backticks` work inside single quotes",
    "BACKTICKS_SPACED": "    backticks    ",
    "BASIC": "basic",
    "DONT_EXPAND_SQUOTED": "dontexpand\\nnewlines",
    "DONT_EXPAND_UNQUOTED": "dontexpand\\nnewlines",
    "DOUBLE_AND_SINGLE_QUOTES_INSIDE_BACKTICKS": "double \"quotes\" and single 'quotes' work inside backticks",
    "DOUBLE_QUOTES": "double_quotes",
    "DOUBLE_QUOTES_INSIDE_BACKTICKS": "double \"quotes\" work inside backticks",
    "DOUBLE_QUOTES_INSIDE_SINGLE": "double \"quotes\" work inside single quotes",
    "DOUBLE_QUOTES_SPACED": "    double quotes    ",
    "DOUBLE_QUOTES_WITH_NO_SPACE_BRACKET": "{ port: $MONGOLAB_PORT}",
    "EDGE_CASE_INLINE_COMMENTS": "VALUE1",
    "EMAIL": "therealnerdybeast@example.tld",
    "EMPTY": "",
    "EMPTY_BACKTICKS": "",
    "EMPTY_DOUBLE_QUOTES": "",
    "EMPTY_SINGLE_QUOTES": "",
    "EQUAL_SIGNS": "equals==",
    "EXPAND_NEWLINES": "expand\nnew\nlines",
    "INLINE_COMMENTS": "inline comments",
    "INLINE_COMMENTS_BACKTICKS": "inline comments outside of #backticks",
    "INLINE_COMMENTS_DOUBLE_QUOTES": "inline comments outside of #doublequotes",
    "INLINE_COMMENTS_SINGLE_QUOTES": "inline comments outside of #singlequotes",
    "INLINE_COMMENTS_SPACE": "inline comments start with a",
    "IS NOT MULTILINE\nexport EXAMPLE": "ignore export",
    "MULTI_BACKTICKED": "THIS\nIS\nA\n\"MULTILINE'S\"\nSTRING",
    "MULTI_DOUBLE_QUOTED": "THIS\nIS\nA\nMULTILINE\nSTRING",
    "MULTI_NOT_VALID": "THIS",
    "MULTI_NOT_VALID_QUOTE": "\"",
    "MULTI_SINGLE_QUOTED": "THIS\nIS\nA\nMULTILINE\nSTRING",
    "RETAIN_INNER_QUOTES": "{\"foo\": \"bar\"}",
    "RETAIN_INNER_QUOTES_AS_BACKTICKS": "{\"foo\": \"bar's\"}",
    "RETAIN_INNER_QUOTES_AS_STRING": "{\"foo\": \"bar\"}",
    "SINGLE_QUOTES": "single_quotes",
    "SINGLE_QUOTES_INSIDE_BACKTICKS": "single 'quotes' work inside backticks",
    "SINGLE_QUOTES_INSIDE_DOUBLE": "single 'quotes' work inside double quotes",
    "SINGLE_QUOTES_SPACED": "    single quotes    ",
    "SPACED_KEY": "parsed",
    "TRIM_SPACE_FROM_UNQUOTED": "some spaced out string",
}


def test_valid_env() -> None:
    result = util.parseEnv(VALID_ENV)
    assert result == EXPECTED
    assert list(result) == sorted(EXPECTED)  # Node returns the keys sorted


def test_empty_and_repeated() -> None:
    assert util.parseEnv("") == {}
    assert util.parseEnv("FOO=bar\nFOO=baz\n") == {"FOO": "baz"}


@pytest.mark.parametrize("value", [None, {}, []])
def test_content_must_be_a_string(value: Any) -> None:
    with pytest.raises(errors.ERR_INVALID_ARG_TYPE):
        util.parseEnv(value)
