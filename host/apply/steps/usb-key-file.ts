// The USB key file of a `usb-key` plan: 64 random bytes (held with the plan's secrets, so a
// retry writes the same key) in spectrum-unlock/<install>.key on the chosen stick's existing
// file system, read back before the volume is formatted with it. Nothing else on the stick changes.
import { findChosenStick } from '../../usb/chosen-stick';
import { keyFilePath, writeKeyFile } from '../../usb/key-file';
import { StickFileError } from '../../usb/stick-files';
import { StepError, type StepContext } from '../step-types';

export async function writeUsbKeyFile(ctx: StepContext): Promise<void> {
  const choice = ctx.plan.payload.encryption.usbKey;
  if (!choice) throw new StepError('internal', 'a usb-key plan without its stick', false);
  const found = await findChosenStick(ctx.drives.sticks, choice);
  if (!found.ok) throw new StepError('io', `${found.problem}; plug it in and retry`, true);
  try {
    await writeKeyFile(ctx.drives.files, found.stick, keyFilePath(ctx.plan.payload.installId), ctx.secrets.primaryKey());
  } catch (e) {
    if (e instanceof StickFileError) throw new StepError('io', e.message, true);
    throw e;
  }
  ctx.log.info('usb-key-written', { stick: found.stick.id, fsType: found.stick.fsType });
}
