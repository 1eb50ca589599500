// SPDX-License-Identifier: GPL-2.0
/* xdp_root.bpf.c with the classification a BPF-to-BPF subprogram, RootProgramLinker's fallback form. */
#define ROOT_BODY_AS_CALL
#include "xdp_root.bpf.c"
