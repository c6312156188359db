// The module search's suggestions by keyboard: ↓ from the search box goes to the first suggestion, ↓ and ↑ move
// between them (↑ from the first goes back to the box) and Escape returns to the box.
(function () {
    'use strict';

    function links() {
        return Array.prototype.slice.call(document.querySelectorAll('#module-suggestions a'));
    }

    document.addEventListener('keydown', function (event) {
        var target = event.target;
        if (!(target instanceof Element)) {
            return;
        }

        var box = document.getElementById('module-search');
        if (target === box) {
            if (event.key === 'ArrowDown' && links().length > 0) {
                event.preventDefault();
                links()[0].focus();
            }

            return;
        }

        if (!target.closest('#module-suggestions')) {
            return;
        }

        var all = links();
        var index = all.indexOf(target);
        if (event.key === 'ArrowDown' && index < all.length - 1) {
            event.preventDefault();
            all[index + 1].focus();
        } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            (index > 0 ? all[index - 1] : box).focus();
        } else if (event.key === 'Escape' && box) {
            event.preventDefault();
            box.focus();
        }
    });
}());
