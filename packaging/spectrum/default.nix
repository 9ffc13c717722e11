# SPDX-License-Identifier: GPL-3.0-or-later
#
# The first-boot helper for a Spectrum host: the bundled helper (dist/host/helper.mjs, built by
# `npm run build` from this repository), the s6-rc services that start it and the first-boot VM,
# the scripts they use, and the unlock at every later boot (dist/host/unlock.mjs, unlock.md). In the style of Spectrum's own packages (callPackage, musl), for
# host/rootfs to add to its package list and its s6-rc source tree:
#
#   spectrum-firstboot = callPackage ../../spectrum-firstboot/packaging/spectrum {};
#
# Nothing is fetched: the helper is built from the repository's source with its locked npm
# dependencies by the caller (`helperDist`), as everything on the host ships in the image.

{ lib, stdenvNoCC, makeWrapper, nodejs-slim
, cryptsetup, util-linux, btrfs-progs, execline, s6
, mtools, kbd, libfido2
  # An organization's answers-signing public keys (PEM files): the helper trusts answers files
  # (on the ESP or a USB stick) signed by them, docs/protocol.md §12.2 and §12.3.
, trustedKeys ? [ ]
, helperDist ? ../../dist/host
}:

stdenvNoCC.mkDerivation {
  pname = "spectrum-firstboot-helper";
  version = "0.1.0";

  src = lib.fileset.toSource {
    root = ./.;
    fileset = lib.fileset.unions [ ./etc ./usr ];
  };

  nativeBuildInputs = [ makeWrapper ];

  installPhase = ''
    runHook preInstall

    mkdir -p $out/lib/spectrum-firstboot $out/bin
    cp ${helperDist}/helper.mjs ${helperDist}/unlock.mjs $out/lib/spectrum-firstboot/

    # Root tools by absolute path: the helper runs with a clean environment.
    mkdir -p $out/lib/spectrum-firstboot/trusted-keys
    ${lib.concatMapStrings (key: ''
      install -m644 ${key} $out/lib/spectrum-firstboot/trusted-keys/
    '') trustedKeys}
    # V8 flags for a helper that mostly waits: no optimizing compiler, a small young generation,
    # no V8 worker threads (docs/decisions/120; the benchmark starts its helpers with the same).
    makeWrapper ${lib.getExe nodejs-slim} $out/bin/spectrum-firstboot-helper \
      --add-flags "--lite-mode --max-semi-space-size=1 --v8-pool-size=0 $out/lib/spectrum-firstboot/helper.mjs --trusted-keys $out/lib/spectrum-firstboot/trusted-keys" \
      --set PATH ${lib.makeBinPath [ cryptsetup util-linux btrfs-progs mtools libfido2 ]}:/usr/bin

    # The unlock: cryptsetup, blkid, lsblk and mount, mtools for vfat key sticks, loadkeys, and
    # libfido2's tools; mount-userdata and vm-import are the host's own (/usr/bin).
    makeWrapper ${lib.getExe nodejs-slim} $out/bin/spectrum-firstboot-unlock \
      --add-flags $out/lib/spectrum-firstboot/unlock.mjs \
      --set PATH ${lib.makeBinPath [ cryptsetup util-linux mtools kbd libfido2 ]}:/usr/bin

    cp -R etc $out/etc
    install -Dm755 -t $out/bin usr/bin/*

    runHook postInstall
  '';

  passthru.s6-rc = "${placeholder "out"}/etc/s6-rc";

  meta = {
    description = "Provisioning helper of Spectrum's first boot";
    license = lib.licenses.gpl3Plus;
    platforms = lib.platforms.linux;
  };
}
