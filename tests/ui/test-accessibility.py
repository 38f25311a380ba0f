#!/usr/bin/env python3
# test-accessibility.py: what a screen reader gets from Tsudoi.
#
# Starts the real app on a real file with sample data and drives it the way
# a screen reader does, through the accessibility bus (AT-SPI) only: the
# view switcher, the rows of each list and the buttons are activated by
# their AT-SPI actions, never by coordinates or keys. In every main view
# (events, event page, check-in window, walk-in form, members, member
# page, chapters, chapter page, regulars) the whole tree of the window is
# walked, and the test fails on any control (button, toggle, menu button,
# tab, row, entry…) whose name is empty or only a widget type such as
# "GtkImage", which is what Orca reads out for it.
#
# The app runs in its own process, so a call on the bus never waits for
# this one. Everything is waited for with a deadline: the tree appears and
# changes asynchronously, and CI is a busy 2-core machine under ASan.
#
# Needs a D-Bus session (the a11y bus is started from it) and a display:
#   dbus-run-session -- xvfb-run -a meson test -C _build accessibility
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time


def run_on_private_bus():
    """Runs this test again in a D-Bus session of its own whose runtime
    folder is private. The accessibility bus's socket lives in that
    folder (~/.cache/at-spi when XDG_RUNTIME_DIR is unset, as for root),
    so two test runs at once would otherwise share one socket, and the
    second run's bus would take the first run's app away."""
    runtime = tempfile.mkdtemp(prefix='tsudoi-a11y-run-')
    env = dict(os.environ, XDG_RUNTIME_DIR=runtime, TSUDOI_A11Y_PRIVATE_BUS='1')
    try:
        return subprocess.run(['dbus-run-session', '--', sys.executable] + sys.argv,
                              env=env).returncode
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


if __name__ == '__main__' and 'TSUDOI_A11Y_PRIVATE_BUS' not in os.environ:
    sys.exit(run_on_private_bus())

import pyatspi  # noqa: E402  (connects to the bus chosen above)
from gi.repository import Atspi  # noqa: E402

# Long enough for ASan on a busy machine; a passing run waits only as long
# as each condition takes.
WAIT_S = 90.0
POLL_S = 0.05

# libatspi gives up on a call after 0.8 s by default; the app answers an
# action only when it has done it (an event page built under ASan).
Atspi.set_timeout(int(WAIT_S * 1000), int(WAIT_S * 1000))

# Controls a person reaches and a screen reader names, and the windows
# that hold them.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_PAGE_TAB,
    pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_TABLE_ROW,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_LINK,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_FRAME,
    pyatspi.ROLE_DIALOG,
}

# Roles that never hold children: their child count is not asked for.
LEAF_ROLES = {pyatspi.ROLE_LABEL, pyatspi.ROLE_IMAGE, pyatspi.ROLE_SEPARATOR}

# What GTK 4 gives an accessible that has no name of its own.
TYPE_NAME = re.compile(r'^(Gtk|Adw|Ts)[A-Z][A-Za-z]*$')

START = time.monotonic()


def note(message):
    print('{:7.1f}s {}'.format(time.monotonic() - START, message), flush=True)


def fail(message):
    note('FAIL: ' + message)
    sys.exit(1)


def wait_for(what, predicate):
    """Returns predicate()'s first true value; fails after WAIT_S. An
    object that goes away while it is read only means: not yet."""
    deadline = time.monotonic() + WAIT_S
    while True:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            fail('timed out waiting for ' + what)
        time.sleep(POLL_S)


def plain(text):
    """A name without its mnemonic underscores, as a person reads it."""
    return text.replace('_', '')


def has_state(node, state):
    return node.getState().contains(state)


class Item:
    """One accessible as read in one walk: every call on the bus is a
    round trip to the app, so each is made once."""

    def __init__(self, node, parent):
        self.node = node
        self.parent = parent
        self.role = node.getRole()
        self.name = (node.name or '').strip()
        self.role_name = node.getRoleName()
        self.children = []
        if parent is not None:
            parent.children.append(self)

    def describe(self):
        return '{} "{}"'.format(self.role_name, self.name) if self.name else self.role_name

    def ancestors(self):
        item = self.parent
        while item is not None:
            yield item
            item = item.parent


def snapshot(root):
    """Every accessible below @root, in tree order."""
    items = []
    stack = [(root, None)]
    while stack:
        node, parent = stack.pop()
        item = Item(node, parent)
        items.append(item)
        if item.role in LEAF_ROLES:
            continue
        kids = [node.getChildAtIndex(i) for i in range(node.childCount)]
        stack.extend((kid, item) for kid in reversed(kids) if kid is not None)
    return items


def read(root, what):
    """Every accessible below @root, read whole: a list that rebuilds its
    rows while it is walked (a guest just checked in, an event saved) makes
    a walk fail half-way, and the tree is then walked again."""
    return wait_for('a whole reading of ' + what, lambda: snapshot(root))


def find(items, role, text):
    for item in items:
        if item.role == role and text in plain(item.name):
            return item
    return None


def actions(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def activate(node, what):
    """Runs the first action a screen reader would offer for @node."""
    names = actions(node)
    if not names:
        fail('{} has no action: a screen reader cannot activate it'.format(what))
    if not node.queryAction().doAction(0):
        fail('{}: action "{}" refused'.format(what, names[0]))


HEADER_ROLES = {pyatspi.ROLE_COLUMN_HEADER, pyatspi.ROLE_TABLE_COLUMN_HEADER}


def is_header_row(item):
    """A table's row of column headers: the headers are what is read."""
    return item.role == pyatspi.ROLE_TABLE_ROW and item.children and \
        all(c.role in HEADER_ROLES for c in item.children)


def unnamed(items):
    """The controls without a real name, each told by where it is: the
    nearest Ts widget (a view) and the last steps to it."""
    bad = {}
    for item in items:
        if item.role not in CONTROL_ROLES or (item.name and not TYPE_NAME.match(item.name)):
            continue
        if is_header_row(item):
            continue
        path = [item] + list(item.ancestors())
        view = next((a.name for a in path if a.name.startswith('Ts') and TYPE_NAME.match(a.name)),
                    path[-1].describe())
        line = '{}: {}'.format(view, ' > '.join(a.describe() for a in reversed(path[:4])))
        bad[line] = bad.get(line, 0) + 1
    return ['{} (x{})'.format(line, n) if n > 1 else line for line, n in bad.items()]


# Every view's unnamed controls, told all together at the end.
problems = []


def check_names(items, view):
    bad = unnamed(items)
    if bad:
        problems.append('{} ({})'.format(view, len(bad)))
        note('{}: {} control(s) without a name:\n  {}'.format(view, len(bad), '\n  '.join(bad)))
    else:
        note('ok - {}: every control has a name ({} accessibles)'.format(view, len(items)))


def app_started(process):
    """The app of @process once it is on the bus; fails at once when the
    app has ended (it could not open the display, or crashed) rather
    than waiting out the deadline."""
    if process.poll() is not None:
        fail('the app ended before it was on the accessibility bus, with status {}'
             .format(process.returncode))
    return app_of(process.pid)


def app_of(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        try:
            app = desktop.getChildAtIndex(i)
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:  # an app that is going away
            continue
    return None


def window_named(app, title):
    """The top-level window of @app called @title, whatever its role."""
    for i in range(app.childCount):
        window = app.getChildAtIndex(i)
        if window is not None and window.name == title:
            return window
    return None


def is_row(item, lst):
    """A row of the list @lst: a list item, a table row, or a cell of a
    one-column grid view (GTK 4.8 makes a grid view's items cells)."""
    if item.role in (pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW):
        return not is_header_row(item)
    return item.role == pyatspi.ROLE_TABLE_CELL and item.parent is lst


def rows_of(lst):
    """The rows of the list @lst, once it has some (lists fill lazily)."""
    def rows():
        items = snapshot(lst.node)
        found = [i for i in items if is_row(i, items[0])]
        return found or None
    return wait_for('rows in the list "{}"'.format(lst.name), rows)


def list_named(window, items, text):
    lst = next((i for i in items if i.name == text and i.role in (
        pyatspi.ROLE_LIST, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE)), None)
    if lst is None:
        fail('no list called "{}" in {}'.format(text, window.name))
    return lst


def switch_to(items, view):
    tab = find(items, pyatspi.ROLE_PAGE_TAB, view)
    if tab is None:
        fail('no "{}" tab'.format(view))
    activate(tab.node, 'the "{}" tab'.format(view))
    wait_for('the "{}" tab selected'.format(view),
             lambda: has_state(tab.node, pyatspi.STATE_SELECTED))


def click(items, text):
    button = next((i for i in items if i.role in (pyatspi.ROLE_PUSH_BUTTON,
                                                  pyatspi.ROLE_TOGGLE_BUTTON)
                   and text in plain(i.name) and has_state(i.node, pyatspi.STATE_VISIBLE)),
                  None)
    if button is None:
        fail('no "{}" button'.format(text))
    activate(button.node, 'the "{}" button'.format(text))


def first_text(item):
    return next((i.name for i in snapshot(item.node)
                 if i.role == pyatspi.ROLE_LABEL and i.name), None)


def open_row(window, rows, what):
    """Activates a row of a list and waits for the page that shows it: its
    first text shows outside the list. Returns the window read then."""
    for row in rows:
        text = first_text(row)
        if text is None:
            continue
        lst = row.parent

        def shown_elsewhere():
            items = snapshot(window)
            for item in items:
                if item.role == pyatspi.ROLE_LABEL and item.name == text and \
                   lst not in item.ancestors() and \
                   not any(a.node == lst.node for a in item.ancestors()):
                    return items
            return None
        activate(row.node, what)
        return wait_for('the page of "{}" after {}'.format(text, what), shown_elsewhere)
    fail('no row to open in ' + what)


def make_database(directory):
    path = os.path.join(directory, 'sample.db')
    cli = os.environ['TSUDOI_CLI']
    for args in (['init'], ['sample', '--members', '40']):
        subprocess.run([cli, '--database', path] + args, check=True,
                       stdout=subprocess.DEVNULL)
    return path


def test_door(app, items):
    """The check-in window and the walk-in form, over the event page."""
    click(items, 'Check In')
    door = wait_for('the check-in window', lambda: window_named(app, 'Check-In'))
    if door.getRole() != pyatspi.ROLE_FRAME:
        fail('the check-in window is a {}, not a frame'.format(door.getRoleName()))
    wait_for('the check-in window active', lambda: has_state(door, pyatspi.STATE_ACTIVE))
    items = read(door, 'the check-in window')
    guests = rows_of(list_named(door, items, 'Expected guests'))
    wait_for('the search field focused in the check-in window',
             lambda: any(has_state(i.node, pyatspi.STATE_FOCUSED) for i in snapshot(door)
                         if i.role in (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT)))
    check_names(read(door, 'the check-in window'), 'the check-in window')

    # Enter on a guest checks them in: the row's action does the same, and
    # the row then says so.
    if 'row.activate' not in actions(guests[0].node):
        fail('a row of the check-in list has no action: a screen reader cannot check a guest in')
    activate(guests[0].node, 'a row of the check-in list')
    wait_for('a guest checked in through the row\'s action',
             lambda: any('checked in at' in i.name for i in snapshot(door)))

    click(read(door, 'the check-in window'), 'Walk-In')
    form = wait_for('the walk-in form', lambda: window_named(app, 'Walk-In'))
    if form.getRole() != pyatspi.ROLE_DIALOG:
        fail('the walk-in form is a {}, not a dialog'.format(form.getRoleName()))
    # Its fields are AdwEntryRows, whose focus libadwaita 1.2 does not
    # report on the bus: the dialog role is what can be asked for here.
    items = read(form, 'the walk-in form')
    check_names(items, 'the walk-in form')
    click(items, 'Cancel')
    wait_for('the walk-in form closed', lambda: window_named(app, 'Walk-In') is None)
    # The check-in window stays open, as it does at the door (and GTK 4.8
    # logs a critical when a window it showed on the bus goes away).


def test_tables(app, window):
    """The event page's tables: before a plan, the plan dialog, the cards
    (GTK 4.8 tells the bus no showing state: the names are what is asked)."""
    items = read(window, 'the event page')
    switch = next((i for i in items if i.name == 'Tables' and i.role in (
        pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TOGGLE_BUTTON)), None)
    if switch is None:
        fail('no "Tables" switch on the event page')
    activate(switch.node, 'the "Tables" switch')
    wait_for('the "Tables" switch selected',
             lambda: has_state(switch.node, pyatspi.STATE_SELECTED) or
             has_state(switch.node, pyatspi.STATE_CHECKED))
    items = read(window, 'the event page without tables')
    check_names(items, 'the event page without tables')
    click(items, 'Plan Tables')
    dialog = wait_for('the plan dialog', lambda: window_named(app, 'Plan Tables'))
    items = read(dialog, 'the plan dialog')
    check_names(items, 'the plan dialog')
    click(items, 'Plan')
    wait_for('the plan dialog closed', lambda: window_named(app, 'Plan Tables') is None)
    items = wait_for('the cards of the tables', lambda: (lambda items: items if any(
        i.role in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
        and i.name.startswith('Move or lock') for i in items) else None)(snapshot(window)))
    # libadwaita 1.2 names no toast's close button: wait for the plan's
    # toast to go before asking.
    items = wait_for('the toast after the plan gone', lambda: (lambda items: items if not any(
        i.name == 'AdwToastWidget' for i in items) else None)(snapshot(window)))
    check_names(items, 'the tables')


def test_views(app):
    window = wait_for('the main window', lambda: window_named(app, 'Tsudoi'))
    if window.getRole() != pyatspi.ROLE_FRAME:
        fail('the main window is a {}, not a frame'.format(window.getRoleName()))
    items = read(window, 'the main window')

    # Events, and an event's page.
    switch_to(items, 'Events')
    rows = rows_of(list_named(window, items, 'Events'))
    check_names(read(window, 'the main window'), 'events')
    items = open_row(window, rows, 'a row of the events list')
    rows_of(list_named(window, items, 'Attendees'))
    check_names(read(window, 'the main window'), 'the event page')
    test_door(app, items)
    test_tables(app, window)

    # Members, and a member's page. The row is what takes the focus in
    # the table: it is what a screen reader reads, name and reading.
    switch_to(items, 'Members')
    rows = rows_of(list_named(window, items, 'Members'))
    for row in rows:
        if not re.search(r'\S, \S', row.name) or 'row.activate' not in actions(row.node):
            fail('a row of the members table is read as "{}" with actions {}: a screen reader '
                 'cannot tell who it is or open it'.format(row.name, actions(row.node)))
    check_names(read(window, 'the main window'), 'members')
    items = open_row(window, rows, 'a row of the members list')
    check_names(items, 'the member page')
    click(items, 'Back to All Members')

    # Chapters, and a chapter's page.
    switch_to(items, 'Chapters')
    rows = rows_of(list_named(window, items, 'Chapters'))
    check_names(read(window, 'the main window'), 'chapters')
    items = open_row(window, rows[1:], 'a row of the chapters list')
    check_names(items, 'the chapter page')

    # Regulars.
    switch_to(items, 'Regulars')
    check_names(read(window, 'the main window'), 'regulars')

    if problems:
        fail('controls without a name in: ' + ', '.join(problems))


def main():
    directory = tempfile.mkdtemp(prefix='tsudoi-a11y-')
    env = dict(os.environ)
    # GTK 4 talks to the accessibility bus unless told not to.
    env.pop('GTK_A11Y', None)
    process = None
    try:
        database = make_database(directory)
        process = subprocess.Popen([os.environ['TSUDOI_APP'], '--database', database], env=env)
        app = wait_for('Tsudoi on the accessibility bus', lambda: app_started(process))
        test_views(app)
        note('ok - every view can be read and driven by a screen reader')
    finally:
        if process is not None:
            if process.poll() is not None:
                note('the app ended by itself, with status {}'.format(process.returncode))
            process.terminate()
            process.wait()
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == '__main__':
    main()
