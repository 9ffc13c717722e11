// The wizard's version, from package.json at build time (esbuild inlines only this field).
import { version } from '../../package.json';

export const WIZARD_VERSION: string = version;
