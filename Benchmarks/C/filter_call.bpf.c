// SPDX-License-Identifier: GPL-2.0
/* filter.bpf.c with its body kept a BPF-to-BPF subprogram, the slot linker's fallback form (slot_common.h). */
#define SLOT_BODY_AS_CALL
#include "filter.bpf.c"
