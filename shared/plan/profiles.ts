// Install profiles of Spectrum's design record 002, Install Options, as docs/protocol.md §4.3
// states them.

export const PROFILES = ['minimal', 'common', 'power'] as const;
export type Profile = (typeof PROFILES)[number];

/** Every profile has exactly these system VMs. */
export const SYSTEM_VMS = ['netvm', 'guivm', 'usbvm'] as const;
export type SystemVm = (typeof SYSTEM_VMS)[number];

export const BROWSER_APP = 'browser';
export const NIXOS_APP = 'nixos';
/** `common` and `power`: browser plus this many other app VMs (not nixos). */
export const OTHER_APPS_MIN = 2;
export const OTHER_APPS_MAX = 3;

export type ProfileProblem =
  | { readonly kind: 'minimal-has-apps' }
  | { readonly kind: 'browser-missing' }
  | { readonly kind: 'too-few-apps'; readonly min: number; readonly count: number }
  | { readonly kind: 'too-many-apps'; readonly max: number; readonly count: number }
  | { readonly kind: 'nixos-missing' }
  | { readonly kind: 'nixos-not-allowed' };

/** The profile rules for a set of app ids; an empty list means the selection is valid. */
export function profileProblems(profile: Profile, apps: readonly string[]): ProfileProblem[] {
  if (profile === 'minimal') return apps.length > 0 ? [{ kind: 'minimal-has-apps' }] : [];
  const problems: ProfileProblem[] = [];
  if (!apps.includes(BROWSER_APP)) problems.push({ kind: 'browser-missing' });
  const others = apps.filter((a) => a !== BROWSER_APP && a !== NIXOS_APP).length;
  if (others < OTHER_APPS_MIN) problems.push({ kind: 'too-few-apps', min: OTHER_APPS_MIN, count: others });
  if (others > OTHER_APPS_MAX) problems.push({ kind: 'too-many-apps', max: OTHER_APPS_MAX, count: others });
  const hasNixos = apps.includes(NIXOS_APP);
  if (profile === 'power' && !hasNixos) problems.push({ kind: 'nixos-missing' });
  if (profile === 'common' && hasNixos) problems.push({ kind: 'nixos-not-allowed' });
  return problems;
}

/** English text for logs and protocol `details`; the wizard localizes by `kind`. */
export function describeProfileProblem(problem: ProfileProblem): string {
  switch (problem.kind) {
    case 'minimal-has-apps':
      return 'the minimal profile has no app VMs';
    case 'browser-missing':
      return 'this profile requires the browser app VM';
    case 'too-few-apps':
      return `this profile requires at least ${problem.min} app VMs besides browser and nixos (got ${problem.count})`;
    case 'too-many-apps':
      return `this profile allows at most ${problem.max} app VMs besides browser and nixos (got ${problem.count})`;
    case 'nixos-missing':
      return 'the power profile requires the nixos VM';
    case 'nixos-not-allowed':
      return 'nixos belongs to the power profile only';
  }
}
