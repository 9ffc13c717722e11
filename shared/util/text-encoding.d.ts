// TextEncoder/TextDecoder exist in every runtime this code runs in (Node, Chromium, Electron),
// but their types live in lib.dom. shared/ sees neither Node nor DOM types, so declare the
// small part of the WHATWG Encoding API it uses.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
