// Light or dark, before the page paints: loaded without "defer" in <head> (a file, since the Content-Security-Policy
// forbids inline script). The server already rendered the cookie's choice or the device's client hint; this covers
// browsers without the hint, follows the device when it changes, and makes the toggle work without a reload.
(function () {
    'use strict';
    var root = document.documentElement;
    var cookieName = 'rmm-theme';
    var device = window.matchMedia('(prefers-color-scheme: dark)');

    root.classList.remove('no-js');
    root.classList.add('js');

    function choice() {
        var match = document.cookie.match(/(?:^|;\s*)rmm-theme=(light|dark)(?:;|$)/);
        return match ? match[1] : 'auto';
    }

    function apply() {
        var chosen = choice();
        root.setAttribute('data-bs-theme', chosen === 'auto' ? (device.matches ? 'dark' : 'light') : chosen);
    }

    function mark(chosen) {
        document.querySelectorAll('[data-scheme-choice]').forEach(function (link) {
            if (link.getAttribute('data-scheme-choice') === chosen) {
                link.setAttribute('aria-current', 'true');
                link.classList.add('active');
            } else {
                link.removeAttribute('aria-current');
                link.classList.remove('active');
            }
        });
    }

    apply();
    device.addEventListener('change', apply);

    document.addEventListener('click', function (event) {
        var link = event.target instanceof Element ? event.target.closest('[data-scheme-choice]') : null;
        if (!link) {
            return;
        }

        event.preventDefault();
        var chosen = link.getAttribute('data-scheme-choice');
        var secure = window.location.protocol === 'https:' ? '; Secure' : '';
        document.cookie = chosen === 'auto'
            ? cookieName + '=; Path=/; Max-Age=0; SameSite=Lax' + secure
            : cookieName + '=' + chosen + '; Path=/; Max-Age=31536000; SameSite=Lax' + secure;
        apply();
        mark(chosen);
    });
}());
