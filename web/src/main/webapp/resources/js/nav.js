// The navigation's group menus (<gc:navGroup>, a <details> each): Escape closes the open one and gives the focus
// back to its heading; a click elsewhere closes it. Opening and closing need no script (Enter or Space on the heading).
(function () {
    function openMenus() {
        return document.querySelectorAll('.nav-menu[open]');
    }
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Escape') {
            return;
        }
        openMenus().forEach(function (menu) {
            var hadFocus = menu.contains(document.activeElement);
            menu.open = false;
            if (hadFocus) {
                menu.querySelector('summary').focus();
            }
        });
    });
    document.addEventListener('click', function (event) {
        openMenus().forEach(function (menu) {
            if (!menu.contains(event.target)) {
                menu.open = false;
            }
        });
    });
})();
