// The sandbox's stand-in for the Spectrum host's root file system (DIR/root): the app VM image
// and the built-in VM folders that upstream's host image ships, as small files with recognisable
// contents, and the empty /run and /media folders the host tools use. Kept if present.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDir } from '../fs/owned';
import { APPVM_IMAGE_DIR, HOST_VM_DIR, MEDIA_DIR, NET_PROVIDER, USER_VM_RUN_DIR, VM_BY_ID_DIR, VM_BY_NAME_DIR, VSOCK_DIR, onHost } from '../spectrum/host-paths';

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

function standIn(file: string, what: string): void {
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
  writeFileSync(file, standInContent(what), { mode: 0o644 });
}

export function prepareHostRoot(root: string): void {
  for (const dir of [MEDIA_DIR, '/run', '/run/vm', VM_BY_ID_DIR, VM_BY_NAME_DIR, VSOCK_DIR, USER_VM_RUN_DIR]) ensureDir(onHost(root, dir), null);
  standIn(onHost(root, path.posix.join(APPVM_IMAGE_DIR, 'vmlinux')), 'app VM kernel');
  standIn(onHost(root, path.posix.join(APPVM_IMAGE_DIR, 'blk', 'root.img')), 'app VM root image');
  for (const vm of SANDBOX_BUILT_IN_VMS) {
    const dir = onHost(root, path.posix.join(HOST_VM_DIR, vm.name));
    standIn(path.join(dir, 'vmlinux'), `${vm.name} kernel`);
    standIn(path.join(dir, 'blk', 'root.img'), `${vm.name} root image`);
    if (vm.net) standIn(path.join(dir, 'providers', 'net', NET_PROVIDER), '');
  }
}
