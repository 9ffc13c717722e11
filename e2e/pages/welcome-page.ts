// Welcome: language, keyboard layout, accessibility switches.
import { expect, type Locator } from '@playwright/test';
import { WizardStepScreen } from './screen';

export type LanguageName = 'English' | 'Suomi' | 'Deutsch' | 'Français' | 'العربية';
export type AccessibilitySwitch = 'High contrast' | 'Large text' | 'Reduce motion' | 'Screen reader';

export class WelcomePage extends WizardStepScreen {
  protected readonly title = 'Welcome to Spectrum';

  language(name: LanguageName): Locator {
    return this.page.getByRole('radio', { name, exact: true });
  }

  async chooseLanguage(name: LanguageName): Promise<void> {
    await this.language(name).check();
  }

  get keyboardLayout(): Locator {
    return this.page.getByRole('combobox', { name: 'Keyboard layout' });
  }

  /** `layout` is the XKB id, as in the plan: `us`, `fi`, `us(intl)`. */
  async chooseKeyboardLayout(layout: string): Promise<void> {
    await this.keyboardLayout.selectOption(layout);
  }

  async tryKeyboard(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Try your keyboard' }).fill(text);
  }

  switch(name: AccessibilitySwitch): Locator {
    return this.page.getByRole('switch', { name, exact: true });
  }

  async setAccessibility(name: AccessibilitySwitch, on: boolean): Promise<void> {
    await this.switch(name).setChecked(on);
  }

  async expectLanguage(name: LanguageName): Promise<void> {
    await expect(this.language(name)).toBeChecked();
  }
}
