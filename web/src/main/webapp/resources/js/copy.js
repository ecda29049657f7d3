// Copy buttons of <gt:hash> (WEB-INF/tags/hash.xhtml): copies the value next to the button and says so for a moment (and to screen readers).
document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button || !navigator.clipboard) {
        return;
    }
    var value = document.getElementById(button.getAttribute('data-copy'));
    navigator.clipboard.writeText(value.textContent.trim()).then(function () {
        var label = button.textContent;
        button.textContent = button.getAttribute('data-copied');
        button.setAttribute('aria-live', 'polite');
        setTimeout(function () { button.textContent = label; }, 2000);
    });
});
