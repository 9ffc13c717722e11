import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../renderer/i18n/languages';
import { UNLOCK_TEXTS, unlockTranslator } from './prompt-text';

describe('the unlock program speaks', () => {
  it('every language the wizard offers', () => {
    expect(Object.keys(UNLOCK_TEXTS).sort()).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  it('the language of the setup, filling placeholders, with English where the console cannot draw the script', () => {
    expect(unlockTranslator('de')('unlock:wrong', { left: 2 })).toContain('Verbleibende Versuche: 2.');
    expect(unlockTranslator('fr-CA')('unlock:prompt.recovery')).toBe('Clé de récupération :');
    expect(unlockTranslator('pt-BR')('unlock:prompt.recovery')).toBe('Chave de recuperação:');
    expect(unlockTranslator('uk')('unlock:opened')).toBe('Розблоковано.');
    expect(unlockTranslator('ar')('unlock:prompt.recovery')).toBe('Recovery key:');
    expect(unlockTranslator('ja')('unlock:prompt.recovery')).toBe('Recovery key:');
    expect(unlockTranslator('xx')('unlock:opened')).toBe('Unlocked.');
  });
});
