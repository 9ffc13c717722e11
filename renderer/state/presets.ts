// The install profiles as transparent presets: which VMs each creates from the catalog at hand,
// what they need on disk and roughly how long they take.
import type { Catalog } from '../../shared/plan/catalog';
import { requiredBytes } from '../../shared/plan/required-bytes';
import { BROWSER_APP, NIXOS_APP, OTHER_APPS_MIN, SYSTEM_VMS, type Profile } from '../../shared/plan/profiles';

/** App VMs the Common preset prefers, in order, when the catalog has them. */
export const PREFERRED_APPS = ['editor', 'terminal', 'files', 'mail', 'office', 'chat', 'media'] as const;

/** App VMs this host can give (not the ones it does not have yet). */
export function catalogApps(catalog: Catalog): string[] {
  return catalog.filter((e) => e.kind === 'app' && e.availability !== 'missing').map((e) => e.id);
}

/** Whether a VM ships with the host (nothing is written for it, it takes no space). */
export function isBuiltIn(catalog: Catalog, id: string): boolean {
  return catalog.some((e) => e.id === id && e.availability === 'built-in');
}

/** The Common preset's apps besides browser: preferred ones first, then catalog order. */
export function presetOtherApps(catalog: Catalog): string[] {
  const available = catalogApps(catalog).filter((id) => id !== BROWSER_APP && id !== NIXOS_APP);
  const ordered = [
    ...PREFERRED_APPS.filter((id) => available.includes(id)),
    ...available.filter((id) => !(PREFERRED_APPS as readonly string[]).includes(id)),
  ];
  return ordered.slice(0, OTHER_APPS_MIN);
}

/**
 * The app VMs a profile creates. `customApps` is the person's own pick (without nixos) from the
 * apps page; it carries over between Common and Power so switching back and forth loses nothing.
 */
export function appsForProfile(profile: Profile, catalog: Catalog, customApps: readonly string[] | null): string[] {
  if (profile === 'minimal') return [];
  const base = customApps ?? [BROWSER_APP, ...presetOtherApps(catalog)];
  const withoutNixos = base.filter((id) => id !== NIXOS_APP);
  return profile === 'power' ? [...withoutNixos, NIXOS_APP] : withoutNixos;
}

/** Every VM a selection creates: the system VMs, then the app VMs. */
export function allVms(apps: readonly string[]): string[] {
  return [...SYSTEM_VMS, ...apps];
}

export function selectionBytes(catalog: Catalog, apps: readonly string[]): number {
  return requiredBytes(catalog, allVms(apps));
}

/**
 * A rough install time in minutes: key derivation and formatting (about half a minute on a
 * slow machine) dominate a small install, then writing VM images (assumed ~100 MB/s, a slow
 * disk's pace). The progress page refines it with the host's own estimates.
 */
export function estimateMinutes(bytes: number): number {
  const fixed = 0.5;
  return fixed + bytes / (100e6 * 60);
}
