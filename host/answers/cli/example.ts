// What `npm run answers -- init` writes: every section, each explained, valid as it stands.
export function exampleAnswers(escrowPublicKey: string | null): string {
  const escrow = escrowPublicKey
    ? `escrow:\n  publicKey: ${escrowPublicKey}\n`
    : `# escrow:\n#   publicKey: <base64url X25519 public key; \`npm run answers -- keygen\` makes one>\n`;
  return `# Spectrum first boot answers file (docs/protocol.md, "Answers files").
# Sign it with:   npm run answers -- sign --key org.pem answers.yaml
# which writes answers.signed.json: put that on the machine's ESP or a USB stick, or in the
# image, and the public half of org.pem in the helper's trusted-keys folder.
# Never put a passphrase, PIN or key here: the file is rejected if it holds one.
schema: 1

# Shown in the wizard as "Set by <organization>".
organization: Example Organization IT

# Each section below is fixed for every machine, unless it is named under "interactive".
# A section left out is asked at the machine as usual.
locale: en                       # BCP 47: en, fi, de, fr, ar, ...
keyboard:
  layout: us                     # XKB layout and variant
  variant: ""
accessibility:
  highContrast: false
  largeText: false
  reduceMotion: false
  screenReader: false
profile: common                  # minimal, common or power
apps:                            # app VMs of the catalog; they must fit the profile
  - browser
  - editor
  - terminal
startFresh: []                   # apps that keep no files between runs; the others keep theirs
encryption:
  method: fido2                  # passphrase (always asked: someone types it), fido2 or usb-key
  recoveryKey: true              # fido2 and usb-key always make one
  # usbStick: { label: SPECTRUM-KEY }  # with usb-key: the stick (its label or fsUuid) for the key file

# Sections the person at the machine still answers; a value above is then only pre-filled.
# With nothing interactive, a method that needs no typed secret and an escrow key below,
# first boot runs to the end with nobody at the keyboard (a FIDO2 key may still want a touch).
interactive: []

# Recovery keys for the fleet: each machine's recovery key is sealed to this X25519 key and
# written beside the answers file as <LUKS UUID>.escrow.json;
# \`npm run answers -- open-escrow --key escrow.pem FILE\` reads one back.
${escrow}`;
}
