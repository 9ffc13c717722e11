# SPDX-License-Identifier: GPL-3.0-or-later
#
# The first-boot VM's image: /usr/lib/spectrum/img/firstboot/{vmlinux,blk/root.img}, which the
# host service links from its per-boot definition (ADR 073). It is Spectrum's app VM image
# (img/app: kernel, s6, virtiofs tag `host` mounted at /host, Wayland through
# wayland-proxy-virtwl) with an `fs` of type `nix` whose `run` starts the packaged wizard, and socat
# for vsock (ADR 020). start-vmm gives every VM 1 GiB of memory; the wizard needs about 400 MiB.
#
#   firstbootVm = callSpectrumPackage ../../spectrum-firstboot/packaging/spectrum/firstboot-vm.nix {
#     inherit appvm; wizard = spectrum-firstboot-wizard;
#   };

{ lib, runCommand, writeScript, writeClosure, socat, electron
, appvm
, wizard
# Store paths the app VM image has already (host/rootfs: appvm.packagesSysroot).
, basePaths
}:

let
  run = writeScript "run-firstboot-wizard" ''
    #!/bin/execlineb -P
    export PATH ${lib.makeBinPath [ socat ]}:/bin
    export SPECTRUM_FIRSTBOOT_SIGNING_KEY /host/config/firstboot/signing-key.pem
    ${lib.getExe electron} ${wizard}/lib/spectrum-firstboot --transport vsock
  '';
in

# As vm-lib/make-vm.nix lays out a VM's fs/: `type`, `run`, and the closure of `run` that the
# app VM image lacks under nix/store (the VM overlays it on its /nix/store).
runCommand "spectrum-firstboot-vm" {
  passthru = { inherit run; };
  __structuredAttrs = true;
  unsafeDiscardReferences = { out = true; };
  dontFixup = true;
} ''
  img=$out/lib/spectrum/img/firstboot
  mkdir -p $img/blk $img/fs${builtins.storeDir}
  ln -s ${appvm}/lib/spectrum/img/appvm/vmlinux $img/vmlinux
  ln -s ${appvm}/lib/spectrum/img/appvm/blk/root.img $img/blk/root.img
  echo nix > $img/fs/type
  ln -s ${run} $img/fs/run
  comm -23 <(sort ${writeClosure [ run ]}) <(sort ${writeClosure [ basePaths ]}) |
      xargs -rd '\n' cp -rt $img/fs${builtins.storeDir}
''
