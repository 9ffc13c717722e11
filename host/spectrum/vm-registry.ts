// What vm-import has registered under /run/vm: `by-name/<prefix>.<name>` → `by-id/<id>`, whose
// `config` links to the VM's folder. vm-import refuses a name that is taken, so a step that may
// run twice asks first whether the name is already this VM's.
import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { VM_BY_NAME_DIR, onHost } from './host-paths';

export type Registration =
  { readonly kind: 'absent' } | { readonly kind: 'same' } | { readonly kind: 'other'; readonly config: string | null };

export function registration(root: string, qualifiedName: string, configDir: string): Registration {
  const byName = onHost(root, path.posix.join(VM_BY_NAME_DIR, qualifiedName));
  try {
    lstatSync(byName);
  } catch {
    return { kind: 'absent' };
  }
  let config: string | null = null;
  try {
    config = readlinkSync(path.join(readlinkSync(byName), 'config'));
  } catch {
    // A half-made registration (vm-import stopped between its links) is not ours to reuse.
  }
  return config === configDir ? { kind: 'same' } : { kind: 'other', config };
}
