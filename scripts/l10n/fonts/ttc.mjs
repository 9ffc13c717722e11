// One font out of a TrueType/OpenType collection (.ttc), as a standalone font: Debian ships
// Noto Sans CJK as collections (JP, KR, SC, TC, HK faces share one file), and the subsetter
// reads the first face of a file only. Tables are copied as they are; only offsets change.

/** @param {Buffer} b @param {number} at */
function tableDirectory(b, at) {
  const count = b.readUInt16BE(at + 4);
  return Array.from({ length: count }, (_, i) => {
    const r = at + 12 + i * 16;
    return {
      tag: b.toString('latin1', r, r + 4),
      checksum: b.readUInt32BE(r + 4),
      offset: b.readUInt32BE(r + 8),
      length: b.readUInt32BE(r + 12),
    };
  });
}

/** The PostScript name (name ID 6) of the font whose table directory is at `at`. @param {Buffer} b @param {number} at */
function postScriptName(b, at) {
  const name = tableDirectory(b, at).find((t) => t.tag === 'name');
  if (!name) return '';
  const count = b.readUInt16BE(name.offset + 2);
  const strings = name.offset + b.readUInt16BE(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const r = name.offset + 6 + i * 12;
    const [platform, , , id, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => b.readUInt16BE(r + o));
    if (id !== 6) continue;
    const raw = b.subarray(strings + offset, strings + offset + length);
    return platform === 1 ? raw.toString('latin1') : raw.swap16().toString('utf16le');
  }
  return '';
}

/** @param {Buffer} collection @returns {number[]} where each font's table directory starts */
function fontOffsets(collection) {
  if (collection.toString('latin1', 0, 4) !== 'ttcf') return [0];
  const n = collection.readUInt32BE(8);
  return Array.from({ length: n }, (_, i) => collection.readUInt32BE(12 + i * 4));
}

/** PostScript names of the fonts in a collection (or of the one font). @param {Buffer} collection */
export function collectionNames(collection) {
  return fontOffsets(collection).map((at) => postScriptName(Buffer.from(collection), at));
}

/**
 * The font named `name` (PostScript name, e.g. NotoSansCJKjp-Regular) as a standalone font.
 * @param {Buffer} collection @param {string} name @returns {Buffer}
 */
export function fontFromCollection(collection, name) {
  const at = fontOffsets(collection).find((o) => postScriptName(Buffer.from(collection), o) === name);
  if (at === undefined) throw new Error(`no font ${name} in the collection (has: ${collectionNames(collection).join(', ')})`);
  const tables = tableDirectory(collection, at);
  const header = 12 + tables.length * 16;
  const size = tables.reduce((s, t) => s + Math.ceil(t.length / 4) * 4, header);
  const out = Buffer.alloc(size);
  collection.copy(out, 0, at, at + 12);
  let offset = header;
  tables.forEach((t, i) => {
    const r = 12 + i * 16;
    out.write(t.tag, r, 'latin1');
    out.writeUInt32BE(t.checksum, r + 4);
    out.writeUInt32BE(offset, r + 8);
    out.writeUInt32BE(t.length, r + 12);
    collection.copy(out, offset, t.offset, t.offset + t.length);
    offset += Math.ceil(t.length / 4) * 4;
  });
  return out;
}
