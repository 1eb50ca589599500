// SPDX-License-Identifier: GPL-2.0
/* sampler.bpf.c with its body kept a BPF-to-BPF subprogram, as the loader links the DSL slot program (slot_common.h). */
#define SLOT_BODY_AS_CALL
#include "sampler.bpf.c"
