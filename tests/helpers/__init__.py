"""Helpers for the tests, one concern per module; import them as `helpers.<module>`
(pytest puts tests/ on sys.path, as it does for conftest).

- built: where a page lands in a built site, and what its HTML holds before any script runs;
- server: a local HTTP server for a built site;
- guard: a browser context that refuses and records every request leaving the site;
- diagrams: waiting for diagrams and checking what was drawn;
- search: a word only one page contains, typed into Material's search box;
- pages: open one page and list everything wrong with it;
- colour: WCAG contrast arithmetic;
- js: the browser-side scripts in tests/js/*.js.
"""
