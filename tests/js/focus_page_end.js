// Focus a new element at the very end of the page, so Shift+Tab walks back from there.
(() => { const end = document.createElement('span'); end.tabIndex = -1;
document.body.append(end); end.focus(); window.scrollTo(0, document.body.scrollHeight); })()
