// "More reviews" with htmx adds the next page under the reviews already shown. The link that had the focus is
// replaced, so the focus goes to the first added review: a keyboard or screen reader user carries on reading there.
(function () {
    'use strict';
    var shownBefore = 0;

    function isReviewList(element) {
        return element instanceof Element && element.id === 'review-items';
    }

    document.addEventListener('htmx:beforeSwap', function (event) {
        if (isReviewList(event.detail.target)) {
            shownBefore = event.detail.target.children.length;
        }
    });

    document.addEventListener('htmx:afterSettle', function (event) {
        var list = event.detail.target;
        if (!isReviewList(list)) {
            return;
        }

        var first = list.children[shownBefore];
        if (first) {
            first.setAttribute('tabindex', '-1');
            first.focus();
        }
    });
}());
