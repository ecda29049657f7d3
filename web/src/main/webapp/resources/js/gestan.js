/* An AJAX request answered 401 means the session has expired: reload, which leads to sign-in. */
(function () {
    function onAjaxError(event, xhr) {
        if (xhr && (xhr.status === 401 || xhr.status === 403 && xhr.responseText === 'unauthorized')) {
            window.location.reload();
        }
    }
    if (window.jQuery) {
        window.jQuery(document).on('pfAjaxError', onAjaxError);
    } else {
        document.addEventListener('DOMContentLoaded', function () {
            if (window.jQuery) {
                window.jQuery(document).on('pfAjaxError', onAjaxError);
            }
        });
    }
})();
