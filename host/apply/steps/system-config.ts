// system-config: locale, keyboard and accessibility as files under <mount>/Spectrum/config/,
// and the keyboard also in a LUKS2 token, where the unlock prompt can read it before unlocking.
import path from 'node:path';
import type { PlanPayload } from '../../../shared/plan/plan-schema';
import { MODES } from '../../fs/safe-fs';
import { ensureDirs, userDataOwner, writeOwnedFile } from '../../fs/owned';
import { TOKEN_IDS, keyboardToken } from '../../luks/luks-tokens';
import { ConfigValueError, configFileText } from '../../spectrum/config-files';
import { consoleKeymap, posixLocale } from '../../spectrum/locale-names';
import { StepError, type StepDefinition } from '../step-types';
import { mountDir, noLinks } from './userdata-mount';

export const CONFIG_DIR = path.join('Spectrum', 'config');

/** Every file's text, or a StepError before anything is written. */
export function configFiles(payload: PlanPayload, keymap: string): [string, string][] {
  const { locale, keyboard, accessibility } = payload;
  try {
    return [
      ['locale.conf', configFileText({ comments: [`BCP 47: ${locale}`], values: [['LANG', posixLocale(locale)]] })],
      [
        'vconsole.conf',
        configFileText({
          values: [
            ['KEYMAP', keymap],
            ['XKBLAYOUT', keyboard.layout],
            ['XKBVARIANT', keyboard.variant],
          ],
        }),
      ],
      [
        'xkb.conf',
        configFileText({
          values: [
            ['XKB_DEFAULT_LAYOUT', keyboard.layout],
            ['XKB_DEFAULT_VARIANT', keyboard.variant],
          ],
        }),
      ],
      ['accessibility.json', JSON.stringify(accessibility, null, 2) + '\n'],
    ];
  } catch (e) {
    if (e instanceof ConfigValueError) throw new StepError('internal', e.message, true);
    throw e;
  }
}

export const systemConfig: StepDefinition = {
  id: 'system-config',
  async run(ctx) {
    const { keyboard } = ctx.plan.payload;
    const owner = userDataOwner();
    const keymap = consoleKeymap(keyboard.layout, keyboard.variant);
    const files = configFiles(ctx.plan.payload, keymap);
    const dir = noLinks(() => ensureDirs(mountDir(ctx), path.join(mountDir(ctx), CONFIG_DIR), owner, MODES.sharedDir));
    for (const [name, text] of files) noLinks(() => writeOwnedFile(path.join(dir, name), text, owner, MODES.sharedFile));
    await ctx.cryptsetup.importToken(TOKEN_IDS.keyboard, keyboardToken(keyboard, keymap, ctx.plan.payload.locale));
    return { state: 'done' };
  },
};
