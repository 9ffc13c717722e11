// The XKB layouts the wizard offers, with the characters each can type at the unlock prompt
// (generated from XKB data by scripts/generate/keyboard-layouts.py). Only layouts the unlock prompt can
// load (a console keymap ships for them, ADR 033) are offered.
import data from '../../assets/keyboard-layouts.json';
import { isUnlockLayout, LATIN_LAYOUT, typesRecoveryKey } from '../../shared/keyboard/unlock-keymaps';

export interface KeyboardChoice {
  readonly layout: string;
  readonly variant: string;
}

export interface KeyboardLayout extends KeyboardChoice {
  /** "us" or "us(intl)": the i18n key under keyboard:layout. */
  readonly id: string;
  /** Every character the layout types without dead keys, on levels 1–4. */
  readonly chars: ReadonlySet<string>;
}

export function layoutId(choice: KeyboardChoice): string {
  return choice.variant ? `${choice.layout}(${choice.variant})` : choice.layout;
}

/**
 * Every layout the data describes (their names are translated), offered or not. Each layout's
 * character set is made when first asked for (the Encryption page), not at start.
 */
export const DESCRIBED_LAYOUTS: readonly KeyboardLayout[] = data.layouts.map((l) => {
  let chars: ReadonlySet<string> | null = null;
  return {
    layout: l.layout,
    variant: l.variant,
    id: layoutId(l),
    get chars() {
      return (chars ??= new Set(l.chars));
    },
  };
});

/** The layouts offered: those the unlock prompt can load. */
export const KEYBOARD_LAYOUTS: readonly KeyboardLayout[] = DESCRIBED_LAYOUTS.filter(isUnlockLayout);

/** The layout used where a language's own cannot be loaded at the unlock prompt. */
export const FALLBACK_LAYOUT: KeyboardChoice = LATIN_LAYOUT;

export function findLayout(choice: KeyboardChoice): KeyboardLayout | undefined {
  return KEYBOARD_LAYOUTS.find((l) => l.layout === choice.layout && l.variant === choice.variant);
}

/** The layout to suggest for a language whose usual layout is `usual`: it, if offered, else the fallback. */
export function suggestedLayout(usual: KeyboardChoice): KeyboardChoice {
  return findLayout(usual) ? { layout: usual.layout, variant: usual.variant } : FALLBACK_LAYOUT;
}

/** Whether the recovery key's letters can be typed with this layout at the unlock prompt. */
export function typesRecoveryKeyWith(choice: KeyboardChoice): boolean {
  const layout = findLayout(choice);
  return layout ? typesRecoveryKey(layout.chars) : true;
}

export function findLayoutById(id: string): KeyboardLayout | undefined {
  return KEYBOARD_LAYOUTS.find((l) => l.id === id);
}

/** The distinct characters of `text` that `layout` cannot type, in order of appearance. */
export function untypeableChars(text: string, layout: KeyboardLayout): string[] {
  const missing: string[] = [];
  for (const ch of text) {
    if (!layout.chars.has(ch) && !missing.includes(ch)) missing.push(ch);
  }
  return missing;
}
