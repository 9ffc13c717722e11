import { describe, expect, it } from 'vitest';
import { consoleLanguage, promptLines } from './prompt';

const t = (key: string) => `<${key}>`;

describe('the unlock prompt', () => {
  it('asks for what the volume can be opened with by typing', () => {
    expect(promptLines(t, { passphrase: true, recoveryKey: true }).at(-1)).toBe('<unlock:prompt.passphraseOrRecovery>');
    expect(promptLines(t, { passphrase: true, recoveryKey: false }).at(-1)).toBe('<unlock:prompt.passphrase>');
    expect(promptLines(t, { passphrase: false, recoveryKey: true }).at(-1)).toBe('<unlock:prompt.recovery>');
  });

  it('is in the language of the setup where the console can draw it, else in English', () => {
    expect(consoleLanguage('fi')).toBe('fi');
    expect(consoleLanguage('de-AT')).toBe('de-AT');
    expect(consoleLanguage('pt-BR')).toBe('pt-BR');
    expect(consoleLanguage('uk')).toBe('uk');
    for (const drawnInEnglish of ['ar', 'he', 'fa', 'ja', 'zh-Hans', 'ko']) expect(consoleLanguage(drawnInEnglish)).toBe('en');
    expect(consoleLanguage('')).toBe('en');
  });
});
