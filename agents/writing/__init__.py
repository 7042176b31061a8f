"""Writing tools: rewrite a text in a style, long texts in pieces, and compare the result.

Modules: ``styles`` (each style's instruction; light, no LangChain, safe to import at
CLI start), ``rewrite`` (the streaming Rewriter and the splitter), ``diff`` (word-level
differences). Import from the modules; this package imports nothing on purpose, so
that building the CLI parser stays fast.
"""
