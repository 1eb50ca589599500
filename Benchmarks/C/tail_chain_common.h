/* What the stages of a tail-call chain share: the C twin of Programs/TailChain/TailContext.cs. */
#ifndef TAIL_CHAIN_COMMON_H
#define TAIL_CHAIN_COMMON_H

#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

#define FIRST_VALUE 11
#define SECOND_VALUE 22

struct tail_context {
	__u8 value_from1;
	__u8 value_from2;
};

/* One entry per CPU, as PerCpuArrayMap<TailContext>(maxEntries: 1). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct tail_context);
} tail_context_map SEC(".maps");

/* Slot 0: second stage, slot 1: third stage (filled by the benchmark, as our loader fills ProgramSlots). */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u32);
} tail_programs SEC(".maps");

#define SLOT_SECOND 0
#define SLOT_THIRD 1

#endif
