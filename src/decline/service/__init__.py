"""The one service layer both faces call for every action.

The CLI (`decline.cli`) and the web app (`decline.web`) only parse their input (options,
forms, JSON), call a function here with typed values, and render what it returns or the
`InputError` it raises (whose `field` says which input was wrong). Every decision --
which settings apply, which defaults, what is stored -- is made here or below, once.

Modules: `offers` (add, import, decide, compare with the person's settings) and
`letters` (compose-and-review, review a draft, save a draft, send, follow-ups).
"""
