// The XKB layouts the wizard offers, with the characters each can type at the unlock prompt
// (generated from XKB data by assets/keyboard-layouts.py).
import data from '../../assets/keyboard-layouts.json';

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

// Each layout's character set is made when first asked for (the Encryption page), not at start.
export const KEYBOARD_LAYOUTS: readonly KeyboardLayout[] = data.layouts.map((l) => {
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

export function findLayout(choice: KeyboardChoice): KeyboardLayout | undefined {
  return KEYBOARD_LAYOUTS.find((l) => l.layout === choice.layout && l.variant === choice.variant);
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
