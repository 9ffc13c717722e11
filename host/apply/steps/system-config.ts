// system-config: locale, keyboard and accessibility as files under <mount>/Spectrum/config/,
// and the keyboard also in a LUKS2 token, where the unlock prompt can read it before unlocking.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write';
import { TOKEN_IDS, keyboardToken } from '../../luks/luks-tokens';
import { consoleKeymap, posixLocale } from '../../spectrum/locale-names';
import type { StepDefinition } from '../step-types';
import { mountDir } from './userdata-mount';

export const CONFIG_DIR = path.join('Spectrum', 'config');

export const systemConfig: StepDefinition = {
  id: 'system-config',
  async run(ctx) {
    const { locale, keyboard, accessibility } = ctx.plan.payload;
    const dir = path.join(mountDir(ctx), CONFIG_DIR);
    mkdirSync(dir, { recursive: true });
    const keymap = consoleKeymap(keyboard.layout, keyboard.variant);
    writeFileAtomic(path.join(dir, 'locale.conf'), `# BCP 47: ${locale}\nLANG=${posixLocale(locale)}\n`);
    writeFileAtomic(path.join(dir, 'vconsole.conf'), `KEYMAP=${keymap}\nXKBLAYOUT=${keyboard.layout}\nXKBVARIANT=${keyboard.variant}\n`);
    writeFileAtomic(path.join(dir, 'xkb.conf'), `XKB_DEFAULT_LAYOUT=${keyboard.layout}\nXKB_DEFAULT_VARIANT=${keyboard.variant}\n`);
    writeFileAtomic(path.join(dir, 'accessibility.json'), JSON.stringify(accessibility, null, 2) + '\n');
    await ctx.cryptsetup.importToken(TOKEN_IDS.keyboard, keyboardToken(keyboard, keymap, locale));
    return { state: 'done' };
  },
};
