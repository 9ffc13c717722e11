// How each app VM of the catalog is set up in Spectrum's VM configuration format: whether it
// gets network from sys.netvm, and what the generic app VM image starts (fs/type and fs/run).
// Ids not listed here (from a custom catalog) get the generic image without network or app.

export type AppFsType = 'nix' | 'appimage' | 'flatpak';

export interface AppRecipe {
  readonly network: boolean;
  readonly fs: { readonly type: AppFsType; readonly command: string } | null;
}

const flatpak = (appId: string, network: boolean): AppRecipe => ({ network, fs: { type: 'flatpak', command: `flatpak run ${appId}` } });
const nix = (command: string, network: boolean): AppRecipe => ({ network, fs: { type: 'nix', command } });

export const APP_RECIPES: Readonly<Record<string, AppRecipe>> = {
  browser: flatpak('org.mozilla.firefox', true),
  nixos: nix('nixos-shell', true),
  editor: flatpak('org.gnome.TextEditor', false),
  terminal: nix('foot', false),
  mail: flatpak('org.mozilla.Thunderbird', true),
  office: flatpak('org.libreoffice.LibreOffice', false),
  media: flatpak('io.mpv.Mpv', false),
  chat: flatpak('im.riot.Riot', true),
  files: nix('nautilus', false),
  games: flatpak('org.gnome.Aisleriot', false),
};

export function recipeFor(appId: string): AppRecipe {
  return Object.hasOwn(APP_RECIPES, appId) ? APP_RECIPES[appId]! : { network: false, fs: null };
}
