// On a phone the signed-in navigation is one row that scrolls sideways: bring the current section into view,
// centred in the row, so the reader sees where they are without scrolling it.
(function () {
    const current = document.querySelector('ul.nav [aria-current="page"]');
    if (!current) {
        return;
    }

    const row = current.closest('ul.nav');
    const item = current.parentElement;
    if (row.scrollWidth > row.clientWidth) {
        const left = item.getBoundingClientRect().left - row.getBoundingClientRect().left + row.scrollLeft;
        row.scrollLeft = left - (row.clientWidth - item.offsetWidth) / 2;
    }
})();
