// The catalog as this host has it (docs/protocol.md §13.1): the seed catalog names the VMs the
// wizard knows; the host's VM folder (/usr/lib/spectrum/vm, built-in VMs imported at every boot)
// and image folder (/usr/lib/spectrum/img: the app VM image, and `apps/<id>/` payloads that user
// VMs are written from) decide what each one is here. Nothing can be fetched at first boot.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Availability, Catalog, CatalogEntry } from '../../shared/plan/catalog';
import { APPVM_IMAGE_DIR, HOST_IMAGE_DIR, HOST_VM_DIR, onHost } from '../spectrum/host-paths';

/** Where the host image ships what a user app VM is written from: `fs/` and `providers/`. */
export const APP_PAYLOAD_DIR = path.posix.join(HOST_IMAGE_DIR, 'apps');

export function appPayloadDir(root: string, id: string): string {
  return onHost(root, path.posix.join(APP_PAYLOAD_DIR, id));
}

export function builtInVmDir(root: string, entry: CatalogEntry): string | null {
  const dir = onHost(root, path.posix.join(HOST_VM_DIR, entry.hostVm ?? entry.id));
  return existsSync(dir) ? dir : null;
}

function availabilityOf(root: string, entry: CatalogEntry, appImage: boolean): Availability {
  if (builtInVmDir(root, entry)) return 'built-in';
  if (entry.kind === 'system') return 'missing';
  return appImage && existsSync(path.join(appPayloadDir(root, entry.id), 'fs')) ? 'available' : 'missing';
}

export function describeHost(seed: Catalog, root: string): Catalog {
  const appImage = existsSync(onHost(root, path.posix.join(APPVM_IMAGE_DIR, 'vmlinux')));
  return seed.map(({ hostVm: _hostVm, ...entry }) => ({
    ...entry,
    availability: availabilityOf(root, { ...entry, hostVm: _hostVm }, appImage),
  }));
}
