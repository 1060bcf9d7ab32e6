// The unit picker (Pages/Shared/_UnitPicker.cshtml): suggestions as the user types a unit's name, in the ARIA
// combobox pattern. Choosing one puts its name in the text field and its code in the hidden "unit" field; typing
// clears the code, so the server reads the name typed (the form works the same without this script).
(function () {
  'use strict';

  function setUp(input) {
    var form = input.form;
    var code = form.querySelector('input[type=hidden][name=unit]');
    var list = document.createElement('ul');
    var status = document.createElement('p');
    var options = [];
    var active = -1;
    var timer = 0;
    var asked = 0;

    list.id = input.id + '-suggestions';
    list.className = 'unit-suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', input.labels.length > 0 ? input.labels[0].textContent : '');
    list.hidden = true;
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    input.after(list, status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);

    function day() {
      var field = form.elements.asOf || form.elements.to;
      return field && field.value ? '&on=' + encodeURIComponent(field.value) : '';
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) { option.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function choose(option) {
      input.value = option.dataset.name;
      code.value = option.dataset.code;
      close();
    }

    function show(units) {
      list.replaceChildren();
      options = units.map(function (unit, i) {
        var option = document.createElement('li');
        option.id = list.id + '-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.dataset.code = unit.code;
        option.dataset.name = unit.name;
        option.textContent = unit.note ? unit.name + ' – ' + unit.note : unit.name;
        option.addEventListener('mousedown', function (event) { event.preventDefault(); choose(option); });
        list.append(option);
        return option;
      });
      status.textContent = units.length === 0 ? input.dataset.none : input.dataset.count.replace('{0}', units.length);
      list.hidden = units.length === 0;
      input.setAttribute('aria-expanded', units.length === 0 ? 'false' : 'true');
      active = -1;
    }

    function suggest() {
      var query = input.value.trim();
      var ask = ++asked;
      if (query.length < 2) {
        close();
        return;
      }

      fetch(input.dataset.suggestions + '?q=' + encodeURIComponent(query) + day(), { headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (units) { if (ask === asked) { show(units); } })
        .catch(function () { close(); });
    }

    input.addEventListener('input', function () {
      code.value = '';
      clearTimeout(timer);
      timer = setTimeout(suggest, 200);
    });
    input.addEventListener('keydown', function (event) {
      if (list.hidden) {
        return;
      }

      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        var step = event.key === 'ArrowDown' ? 1 : -1;
        highlight(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
      } else if (event.key === 'Enter' && active >= 0) {
        event.preventDefault();
        choose(options[active]);
      } else if (event.key === 'Escape') {
        close();
      }
    });
    input.addEventListener('blur', close);
  }

  document.querySelectorAll('input[data-suggestions]').forEach(setUp);
})();
