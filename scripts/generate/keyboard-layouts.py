#!/usr/bin/env python3
# Regenerates assets/keyboard-layouts.json and the English layout names in
# assets/locales/en/keyboard.json from the machine's XKB data (Debian: xkb-data, libxkbcommon0).
# Python standard library only.
#
#   npm run generate:keyboard-layouts              (python3 scripts/generate/keyboard-layouts.py)
#   python3 scripts/generate/keyboard-layouts.py --check   exit 1 if the files are not current
#
# For each layout the wizard offers, it compiles the real XKB keymap with libxkbcommon and
# records every character its keys type on levels 1-4 (plain, Shift, AltGr, AltGr+Shift),
# leaving out dead keys: the unlock prompt at boot may not compose, so a character that needs a
# dead key counts as one the layout cannot type. The wizard warns about passphrase characters
# outside this set.
import argparse
import ctypes
import json
import pathlib
import sys
import xml.etree.ElementTree as ET

ASSETS = pathlib.Path(__file__).resolve().parents[2] / 'assets'
RULES_XML = pathlib.Path('/usr/share/X11/xkb/rules/evdev.xml')

# (layout, variant): the common layouts first of each language, then notable variants.
OFFERED = [
    ('us', ''), ('us', 'intl'), ('us', 'altgr-intl'), ('us', 'dvorak'), ('us', 'colemak'),
    ('gb', ''), ('gb', 'extd'), ('ie', ''),
    ('de', ''), ('de', 'nodeadkeys'), ('de', 'neo'), ('at', ''), ('ch', ''), ('ch', 'fr'),
    ('fr', ''), ('fr', 'oss'), ('fr', 'bepo'), ('be', ''), ('ca', ''), ('ca', 'multix'),
    ('fi', ''), ('fi', 'nodeadkeys'), ('se', ''), ('no', ''), ('dk', ''), ('is', ''),
    ('ee', ''), ('lv', ''), ('lt', ''),
    ('es', ''), ('es', 'cat'), ('latam', ''), ('pt', ''), ('br', ''), ('it', ''), ('nl', ''),
    ('pl', ''), ('cz', ''), ('sk', ''), ('hu', ''), ('si', ''), ('hr', ''), ('ro', ''),
    ('tr', ''), ('gr', ''), ('epo', ''),
    ('ru', ''), ('ru', 'phonetic'), ('ua', ''), ('by', ''), ('bg', ''), ('rs', ''), ('rs', 'latin'),
    ('ara', ''), ('ara', 'azerty'), ('il', ''), ('ir', ''),
    ('in', 'eng'), ('jp', ''), ('kr', ''), ('cn', ''), ('vn', ''), ('th', ''),
]


class RuleNames(ctypes.Structure):
    _fields_ = [(n, ctypes.c_char_p) for n in ('rules', 'model', 'layout', 'variant', 'options')]


def load_xkb():
    lib = ctypes.CDLL('libxkbcommon.so.0')
    lib.xkb_context_new.restype = ctypes.c_void_p
    lib.xkb_context_new.argtypes = [ctypes.c_int]
    lib.xkb_keymap_new_from_names.restype = ctypes.c_void_p
    lib.xkb_keymap_new_from_names.argtypes = [ctypes.c_void_p, ctypes.POINTER(RuleNames), ctypes.c_int]
    lib.xkb_keymap_min_keycode.argtypes = [ctypes.c_void_p]
    lib.xkb_keymap_max_keycode.argtypes = [ctypes.c_void_p]
    lib.xkb_keymap_num_levels_for_key.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint32]
    lib.xkb_keymap_key_get_syms_by_level.argtypes = [
        ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_uint32, ctypes.POINTER(ctypes.POINTER(ctypes.c_uint32))]
    lib.xkb_keysym_to_utf32.restype = ctypes.c_uint32
    lib.xkb_keysym_to_utf32.argtypes = [ctypes.c_uint32]
    lib.xkb_keysym_get_name.argtypes = [ctypes.c_uint32, ctypes.c_char_p, ctypes.c_size_t]
    lib.xkb_keymap_unref.argtypes = [ctypes.c_void_p]
    return lib


def typeable_chars(lib, ctx, layout, variant):
    names = RuleNames(b'evdev', b'pc105', layout.encode(), variant.encode(), b'')
    keymap = lib.xkb_keymap_new_from_names(ctx, ctypes.byref(names), 0)
    if not keymap:
        raise SystemExit(f'cannot compile {layout}({variant})')
    chars = set()
    name = ctypes.create_string_buffer(64)
    for key in range(lib.xkb_keymap_min_keycode(keymap), lib.xkb_keymap_max_keycode(keymap) + 1):
        for level in range(min(4, lib.xkb_keymap_num_levels_for_key(keymap, key, 0))):
            syms = ctypes.POINTER(ctypes.c_uint32)()
            for i in range(lib.xkb_keymap_key_get_syms_by_level(keymap, key, 0, level, ctypes.byref(syms))):
                lib.xkb_keysym_get_name(syms[i], name, 64)
                if name.value.startswith(b'dead_'):
                    continue
                cp = lib.xkb_keysym_to_utf32(syms[i])
                # Printable characters only: no controls (Tab, Return, Escape, Delete).
                if cp >= 0x20 and cp != 0x7f and not (0x80 <= cp < 0xa0):
                    chars.add(chr(cp))
    lib.xkb_keymap_unref(keymap)
    return ''.join(sorted(chars))


def english_names():
    tree = ET.parse(RULES_XML)
    names = {}
    for layout in tree.iter('layout'):
        base = layout.find('configItem')
        lname = base.findtext('name')
        names[(lname, '')] = base.findtext('description')
        for variant in layout.iter('variant'):
            item = variant.find('configItem')
            names[(lname, item.findtext('name'))] = item.findtext('description')
    return names


def generated(assets):
    """The text each generated file should have: {path: text}."""
    lib = load_xkb()
    ctx = lib.xkb_context_new(0)
    described = english_names()
    layouts = []
    locale_names = {}
    for layout, variant in OFFERED:
        layouts.append({'layout': layout, 'variant': variant, 'chars': typeable_chars(lib, ctx, layout, variant)})
        key = layout if not variant else f'{layout}({variant})'
        locale_names[key] = described[(layout, variant)]
    layouts_text = json.dumps({
        'source': 'xkb-data evdev rules, levels 1-4 without dead keys (scripts/generate/keyboard-layouts.py)',
        'layouts': layouts,
    }, ensure_ascii=False, indent=1) + '\n'
    locale_file = assets / 'locales' / 'en' / 'keyboard.json'
    # The layout names are one key of the English keyboard strings; the rest is kept as it is.
    strings = json.loads(locale_file.read_text(encoding='utf-8')) if locale_file.exists() else {}
    strings['layout'] = locale_names
    return {
        assets / 'keyboard-layouts.json': layouts_text,
        locale_file: json.dumps(strings, ensure_ascii=False, indent=2) + '\n',
    }


def main():
    parser = argparse.ArgumentParser(description='Regenerates the keyboard layouts from XKB data.')
    parser.add_argument('--check', action='store_true', help='write nothing; exit 1 if a generated file is not current')
    parser.add_argument('--assets', type=pathlib.Path, default=ASSETS, help='the assets folder (default: the repository\'s)')
    args = parser.parse_args()
    files = generated(args.assets)
    if args.check:
        stale = [path for path, text in files.items() if not path.exists() or path.read_text(encoding='utf-8') != text]
        for path in stale:
            print(f'{path} is not current: run npm run generate:keyboard-layouts', file=sys.stderr)
        sys.exit(1 if stale else 0)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding='utf-8')


if __name__ == '__main__':
    main()
