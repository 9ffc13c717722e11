// `--vm NAME`: the helper serves the VM that vm-import registered as NAME. cloud-hypervisor, running
// as `vmm-<id>`, turns the guest's connection to port 5219 into a connection to
// /run/vsock/<id>/vsock_5219, so the helper listens there and lets `vmm-<id>` connect. Users and
// groups are read from the host's passwd and group files (vm-import adds them with useradd).
import { readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { VSOCK_PORT } from '../../shared/protocol/messages';
import { VM_BY_NAME_DIR, VSOCK_DIR, onHost } from './host-paths';

export class VmSocketError extends Error {}

/** vm-import's ids: `mktemp -d /run/vm/by-id/XXXXXX`. */
const VM_ID = /^[A-Za-z0-9]{1,32}$/;
/** vm-import's names: `<prefix>.<folder name>`. */
export const VM_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

export function vmId(root: string, name: string): string {
  if (!VM_NAME.test(name)) throw new VmSocketError(`--vm: "${name}" is not a VM name`);
  let target: string;
  try {
    target = readlinkSync(onHost(root, path.posix.join(VM_BY_NAME_DIR, name)));
  } catch {
    throw new VmSocketError(`--vm: no VM named ${name} is registered (${path.posix.join(VM_BY_NAME_DIR, name)})`);
  }
  const id = path.basename(target);
  if (!VM_ID.test(id)) throw new VmSocketError(`--vm: ${name} points at an unexpected id "${id}"`);
  return id;
}

/** The hybrid-vsock path cloud-hypervisor connects to for the VM's port 5219, as this process reaches it. */
export function vmSocketPath(root: string, id: string): string {
  return onHost(root, path.posix.join(VSOCK_DIR, id, `vsock_${VSOCK_PORT}`));
}

/** The user cloud-hypervisor runs as for VM `id` (run-vmm: s6-envuidgid vmm-<id>). */
export function vmmUser(id: string): string {
  return `vmm-${id}`;
}

function lookup(file: string, nameOrId: string, what: string): number {
  if (/^\d+$/.test(nameOrId)) return Number(nameOrId);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new VmSocketError(`cannot read ${file} to find the ${what} ${nameOrId}`);
  }
  for (const line of text.split('\n')) {
    const [name, , id] = line.split(':');
    if (name === nameOrId && id !== undefined && /^\d+$/.test(id)) return Number(id);
  }
  throw new VmSocketError(`no ${what} named ${nameOrId} in ${file}`);
}

export interface SocketAccess {
  readonly uid: number;
  readonly gid: number;
  /** 0600 for an owner alone; 0660 when a group may connect too. */
  readonly mode: number;
}

/** Owner and group of the socket from names or numbers; the group defaults to the owner's own. */
export function socketAccess(root: string, owner: string | undefined, group: string | undefined): SocketAccess | null {
  if (owner === undefined && group === undefined) return null;
  const uid = owner === undefined ? 0 : lookup(onHost(root, '/etc/passwd'), owner, 'user');
  const gid =
    group !== undefined
      ? lookup(onHost(root, '/etc/group'), group, 'group')
      : owner !== undefined && !/^\d+$/.test(owner)
        ? lookup(onHost(root, '/etc/group'), owner, 'group')
        : 0;
  return { uid, gid, mode: group === undefined ? 0o600 : 0o660 };
}
