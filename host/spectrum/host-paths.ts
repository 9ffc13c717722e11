// Where things are on a Spectrum host (upstream's host/rootfs, vm-import, start-vmm), as absolute
// host paths. The steps join them to their root: "/" on a host, DIR/root in the sandbox.
import path from 'node:path';

/** The generic app VM image: `vmlinux` and `blk/root.img` (img/app). */
export const APPVM_IMAGE_DIR = '/usr/lib/spectrum/img/appvm';
/** The image folder: base images user VMs are made from. */
export const HOST_IMAGE_DIR = '/usr/lib/spectrum/img';
/** Built-in VMs, imported with prefix `sys.` at every boot (sys-vmms). */
export const HOST_VM_DIR = '/usr/lib/spectrum/vm';
/** vm-import's registry: `by-name/<prefix>.<name>` → `by-id/<id>`, whose `config` is the VM folder. */
export const VM_BY_NAME_DIR = '/run/vm/by-name';
export const VM_BY_ID_DIR = '/run/vm/by-id';
/** cloud-hypervisor's hybrid vsock sockets: `<id>/vsock`, and `<id>/vsock_<port>` for host services. */
export const VSOCK_DIR = '/run/vsock';
/** Per-boot startable definitions of the user VMs on user data (ADR 070). */
export const USER_VM_RUN_DIR = '/run/user-vms';
/** Where mount-userdata mounts user data: `/media/<file system uuid>`. */
export const MEDIA_DIR = '/media';
/** Where vm-import's storage folders live on user data (relative to the mount). */
export const STORAGE_DIR = path.join('Spectrum', 'data', 'spectrum', 'storage');
/** vm-import's prefix for VMs on user data. */
export const USER_VM_PREFIX = 'user';
/** The network VM that app VMs with network name in `providers/net/`. */
export const NET_PROVIDER = 'sys.netvm';

/** A host path as this process reaches it. */
export function onHost(root: string, hostPath: string): string {
  return path.join(root, hostPath);
}
