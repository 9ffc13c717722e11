// GPT partition entries, read from raw bytes, and the partition types that belong to an
// installed system: the helper never formats one (docs/protocol.md §7). Spectrum's own image
// (release/live in its tree) has an ESP, verity + root pairs named `Spectrum_<version>` (A slot)
// and a verity + root pair named `_empty` (B slot, filled by systemd-sysupdate); the type GUIDs
// are those of the Discoverable Partitions Specification (and `sfdisk -T`).

export interface GptEntry {
  /** Lowercase type GUID. */
  readonly type: string;
  readonly name: string;
  /** Byte offset of the partition on its disk. */
  readonly startByte: number;
}

const kind = (role: string, guids: readonly string[]): [string, string][] => guids.map((g) => [g, role]);

/** Type GUID → the signature a partition of that type is reported as. */
const SYSTEM_PARTITION_TYPES = new Map<string, string>([
  ...kind('gpt-esp', ['c12a7328-f81f-11d2-ba4b-00a0c93ec93b']),
  ...kind('gpt-xbootldr', ['bc13c2ff-59e6-4262-a352-b275fd6f7172']),
  // root: x86-64, AArch64, RISC-V 64, x86, ARM
  ...kind('gpt-root', [
    '4f68bce3-e8cd-4db1-96e7-fbcaf984b709',
    'b921b045-1df0-41c3-af44-4c6f280d3fae',
    '72ec70a6-cf74-40e6-bd49-4bda08e8f224',
    '44479540-f297-41b2-9af7-d131d5f0458a',
    '69dad710-2ce4-4e3c-b16c-21a1d49abed3',
  ]),
  ...kind('gpt-root-verity', [
    '2c7357ed-ebd2-46d9-aec1-23d437ec2bf5',
    'df3300ce-d69f-4c92-978c-9bfb0f38d820',
    'b6ed5582-440b-4209-b8da-5ff7c419ea3d',
    'd13c5d3b-b5d1-422a-b29f-9454fdc89d76',
    '7386cdf2-203c-47a9-a498-f2ecce45a2d6',
  ]),
  ...kind('gpt-root-verity-sig', [
    '41092b05-9fc8-4523-994f-2def0408b176',
    '6db69de6-29f4-4758-a7a5-962190f00ce3',
    'efe0f087-ea8d-4469-821a-4c2a96a8386a',
  ]),
  ...kind('gpt-usr', [
    '8484680c-9521-48c6-9c11-b0720656f69e',
    'b0e01050-ee5f-4390-949a-9101b17104e9',
    'beaec34b-8442-439b-a40b-984381ed097d',
  ]),
  ...kind('gpt-usr-verity', [
    '77ff5f63-e7b6-4633-acf4-1565b864c0e6',
    '6e11a4e7-fbca-4ded-b9e9-e1a512bb664e',
    '8f1056be-9b05-47c4-81d6-be53128e5b54',
  ]),
  ...kind('gpt-swap', ['0657fd6d-a4ab-43c4-84e5-0933c84b4f4f']),
  ...kind('gpt-bios-boot', ['21686148-6449-6e6f-744e-656564454649']),
  ...kind('gpt-windows', [
    'ebd0a0a2-b9e5-4433-87c0-68b6b72699c7',
    'e3c9e316-0b5c-4db8-817d-f92df00215ae',
    'de94bba4-06d1-4d40-a16a-bfd50179d6ac',
  ]),
  ...kind('gpt-apple', ['48465300-0000-11aa-aa11-00306543ecac', '7c3457ef-0000-11aa-aa11-00306543ecac']),
]);

/** An A/B update slot waiting to be filled: empty bytes, but the system's. */
export const EMPTY_SLOT_NAME = '_empty';
export const EMPTY_SLOT_SIGNATURE = 'gpt-empty-slot';

/** What a partition entry says about itself: nothing for a data partition of no system role. */
export function partitionSignatures(type: string, name: string): string[] {
  const found: string[] = [];
  const role = SYSTEM_PARTITION_TYPES.get(type.toLowerCase());
  if (role) found.push(role);
  if (name === EMPTY_SLOT_NAME) found.push(EMPTY_SLOT_SIGNATURE);
  return found;
}

function guidAt(b: Uint8Array, at: number): string {
  const hex = (from: number, to: number, reverse: boolean): string => {
    const bytes = [...b.subarray(at + from, at + to)];
    return (reverse ? bytes.reverse() : bytes).map((x) => x.toString(16).padStart(2, '0')).join('');
  };
  return [hex(0, 4, true), hex(4, 6, true), hex(6, 8, true), hex(8, 10, false), hex(10, 16, false)].join('-');
}

const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
const MAX_ENTRIES = 1024;

/**
 * The entries of the GPT in `disk` (bytes from the disk's start) for a logical block size of
 * `blockSize`, or null when there is no GPT header there. Entries beyond `disk` are not read.
 */
export function gptEntries(disk: Uint8Array, blockSize: number): GptEntry[] | null {
  const h = blockSize;
  if (disk.length < h + 92) return null;
  if (String.fromCharCode(...disk.subarray(h, h + 8)) !== 'EFI PART') return null;
  const view = new DataView(disk.buffer, disk.byteOffset, disk.byteLength);
  const entriesLba = Number(view.getBigUint64(h + 72, true));
  const count = Math.min(view.getUint32(h + 80, true), MAX_ENTRIES);
  const size = view.getUint32(h + 84, true);
  if (size < 128) return null;
  const entries: GptEntry[] = [];
  for (let i = 0; i < count; i++) {
    const at = entriesLba * blockSize + i * size;
    if (at + 128 > disk.length) break;
    const type = guidAt(disk, at);
    if (type === ZERO_GUID) continue;
    const nameBytes = disk.subarray(at + 56, at + 128);
    const name = Buffer.from(nameBytes)
      .toString('utf16le')
      .replace(/\0[\s\S]*$/, '');
    entries.push({ type, name, startByte: Number(view.getBigUint64(at + 32, true)) * blockSize });
  }
  return entries;
}
