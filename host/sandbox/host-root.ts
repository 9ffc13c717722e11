// The sandbox's stand-in for the Spectrum host's root file system (DIR/root): the app VM image and
// the built-in VM folders that upstream's host image ships (netvm and three app VMs; no GUI or USB
// VM yet), a payload under /usr/lib/spectrum/img/apps/<id>/ for every other app of the catalog,
// as small files with recognisable contents, and the empty /run and /media folders the host tools
// use. A DIR/root/usr/lib/spectrum that exists (a scenario laid out its own host) is kept as is.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../../shared/plan/catalog';
import { APP_PAYLOAD_DIR } from '../catalog/host-catalog';
import { ensureDir } from '../fs/owned';
import {
  APPVM_IMAGE_DIR,
  HOST_VM_DIR,
  MEDIA_DIR,
  NET_PROVIDER,
  USER_VM_RUN_DIR,
  VM_BY_ID_DIR,
  VM_BY_NAME_DIR,
  VSOCK_DIR,
  onHost,
} from '../spectrum/host-paths';

/** What a stand-in kernel or disk image holds, so a test can tell it opened the right file. */
export function standInContent(what: string): string {
  return `spectrum-firstboot sandbox stand-in: ${what}\n`;
}

/** Built-in VMs of upstream's host image (host/rootfs: netvm and the appvms table). */
export const SANDBOX_BUILT_IN_VMS: readonly { readonly name: string; readonly net: boolean }[] = [
  { name: 'netvm', net: false },
  { name: 'appvm-firefox', net: true },
  { name: 'appvm-foot', net: false },
  { name: 'appvm-gnome-text-editor', net: false },
];

/** Apps of the seed catalog that reach the network in their stand-in payload. */
const NETWORKED_APPS = new Set(['browser', 'nixos', 'mail', 'chat']);

function standIn(file: string, content: string, mode = 0o644): void {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
  writeFileSync(file, content, { mode });
}

/** A payload as a host image could ship it: a nix-type app whose `run` starts the app. */
function standInPayload(dir: string, id: string): void {
  standIn(path.join(dir, 'fs', 'type'), 'nix\n');
  standIn(path.join(dir, 'fs', 'run'), `#!/bin/execlineb -P\n# ${standInContent(`${id} app`).trim()}\n${id}\n`, 0o755);
  if (NETWORKED_APPS.has(id)) standIn(path.join(dir, 'providers', 'net', NET_PROVIDER), '');
}

export function prepareHostRoot(root: string, catalog: Catalog): void {
  for (const dir of [MEDIA_DIR, '/run', '/run/vm', VM_BY_ID_DIR, VM_BY_NAME_DIR, VSOCK_DIR, USER_VM_RUN_DIR])
    ensureDir(onHost(root, dir), null);
  // An IOMMU group, as a host with VT-d or AMD-Vi on has; a scenario without one makes sys/kernel itself.
  if (!existsSync(onHost(root, '/sys'))) mkdirSync(onHost(root, '/sys/kernel/iommu_groups/0/devices'), { recursive: true });
  if (existsSync(onHost(root, '/usr/lib/spectrum'))) return;
  standIn(onHost(root, path.posix.join(APPVM_IMAGE_DIR, 'vmlinux')), standInContent('app VM kernel'));
  standIn(onHost(root, path.posix.join(APPVM_IMAGE_DIR, 'blk', 'root.img')), standInContent('app VM root image'));
  for (const vm of SANDBOX_BUILT_IN_VMS) {
    const dir = onHost(root, path.posix.join(HOST_VM_DIR, vm.name));
    standIn(path.join(dir, 'vmlinux'), standInContent(`${vm.name} kernel`));
    standIn(path.join(dir, 'blk', 'root.img'), standInContent(`${vm.name} root image`));
    if (vm.net) standIn(path.join(dir, 'providers', 'net', NET_PROVIDER), '');
  }
  const builtIn = new Set(SANDBOX_BUILT_IN_VMS.map((vm) => vm.name));
  for (const entry of catalog) {
    if (entry.kind !== 'app' || builtIn.has(entry.hostVm ?? entry.id)) continue;
    standInPayload(onHost(root, path.posix.join(APP_PAYLOAD_DIR, entry.id)), entry.id);
  }
}
